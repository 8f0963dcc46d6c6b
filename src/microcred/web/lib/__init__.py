"""Helpers the web apps share; small, with no views of their own."""
