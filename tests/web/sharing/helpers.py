"""Shared pieces of the sharing tests."""

from __future__ import annotations

from typing import Final

PERSON: Final = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36"
LINKEDIN_BOT: Final = (
    "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"
)
