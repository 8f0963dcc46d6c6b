"""Verifying badges on this instance: the public verify page and the in-process fetcher."""
