"""Reading the few credential fields every check needs, whatever shape the JSON gives them.

JSON-LD lets most values be one item or a list, a plain string or a language map; these
helpers read them without trusting the shape, and never raise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def types_of(document: Any) -> list[str]:
    if not isinstance(document, dict):
        return []
    return [item for item in as_list(document.get("type")) if isinstance(item, str)]


def id_of(value: Any) -> str | None:
    """The id of a node given as a string or as an object with an ``id``."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def issuer_id(credential: Mapping[str, Any]) -> str | None:
    return id_of(credential.get("issuer"))


def text(value: Any) -> str | None:
    """Display text of a plain string, a ``{"@value": ...}`` object or a list of either."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        inner = value.get("@value")
        return inner if isinstance(inner, str) else None
    if isinstance(value, list):
        for item in value:
            found = text(item)
            if found is not None:
                return found
    return None


def contexts_of(document: Mapping[str, Any]) -> list[Any]:
    return as_list(document.get("@context"))


def first_subject(credential: Mapping[str, Any]) -> Mapping[str, Any]:
    subjects = as_list(credential.get("credentialSubject"))
    return subjects[0] if subjects and isinstance(subjects[0], dict) else {}


def split_url(url: Any) -> SplitResult | None:
    """The parts of a URL, or None for anything urllib refuses (such as a broken IPv6 host)."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a malformed port)
    except ValueError:
        return None
    return parts


def join_url(base: str, reference: str) -> str | None:
    try:
        return urljoin(base, reference)
    except ValueError:
        return None
