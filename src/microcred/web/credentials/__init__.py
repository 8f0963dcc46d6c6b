"""Issued credentials: issuing, storage of the exact signed text, public pages, revocation."""
