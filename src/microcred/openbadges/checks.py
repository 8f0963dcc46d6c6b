"""Checks on single values that the Open Badges model applies wherever a field needs them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from microcred.openbadges.errors import ModelError

# An absolute URI or IRI: a scheme, then no white space or control characters. JSON-LD would
# silently turn anything else (like "badge-1") into a relative IRI, so it is refused early.
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f]+")
_UUID_URN = re.compile(
    r"urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
# BCP 47 as far as the official schemas go (language, script, region).
_LANGUAGE = re.compile(r"[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?")
_COMPACT_JWS = re.compile(r"[a-zA-Z0-9_-]+\.[a-zA-Z0-9_-]*\.[a-zA-Z0-9_-]+")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


def _shown(value: str) -> str:
    return repr(value if len(value) <= 80 else value[:77] + "...")


def check_uri(value: str, key: str) -> None:
    if _URI.fullmatch(value) is None:
        raise ModelError(
            f"{key} {_shown(value)} is not an absolute URI "
            "(such as https://example.org/badges/1, urn:uuid:... or did:web:example.org)"
        )


def check_credential_id(value: str, key: str = "id") -> None:
    """Credentials microcred issues are named by ``urn:uuid:`` or an ``https`` URL."""
    if _UUID_URN.fullmatch(value):
        return
    if _URI.fullmatch(value):
        parts = urlsplit(value)
        if parts.scheme == "https" and parts.hostname:
            return
    raise ModelError(
        f"{key} {_shown(value)} must be a urn:uuid: URN or an https:// URL "
        "(new_credential_id() makes one)"
    )


def check_language(value: str, key: str) -> None:
    if _LANGUAGE.fullmatch(value) is None:
        raise ModelError(
            f"{key} {_shown(value)} is not a language code like 'de', 'en-GB' or 'zh-Hant-TW'"
        )


def check_compact_jws(value: str, key: str) -> None:
    if _COMPACT_JWS.fullmatch(value) is None:
        raise ModelError(f"{key} {_shown(value)} is not a compact JWS (header.payload.signature)")


def check_country_code(value: str, key: str) -> None:
    if _COUNTRY_CODE.fullmatch(value) is None:
        raise ModelError(
            f"{key} {_shown(value)} is not an ISO 3166-1 alpha-2 country code like 'DE'"
        )
