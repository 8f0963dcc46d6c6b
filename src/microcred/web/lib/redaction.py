"""Secrets in URLs kept out of the logs.

A claim link or an address confirmation link is a bearer secret: whoever has it can accept the
badge or confirm the address. Django logs the path of every 4xx and 5xx answer (and of a CSRF
refusal), so the token part of those paths is cut before any handler writes the line.
"""

from __future__ import annotations

import logging
import re
from typing import Final

SECRET_PATHS: Final = re.compile(r"(/claim/|/me/addresses/verify/)[^/\s\"'?#]+")


def redact(text: str) -> str:
    return SECRET_PATHS.sub(r"\1…", text)


class RedactSecretPaths(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
