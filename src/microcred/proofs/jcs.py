"""The JSON Canonicalization Scheme (RFC 8785), fast for the JSON credentials are made of.

rfc8785 implements the whole scheme in pure Python and is most of the cost of an
eddsa-jcs-2022 proof. For JSON whose object keys stay in the Basic Multilingual Plane, whose
strings hold no lone surrogates and whose numbers are integers JavaScript represents exactly,
the scheme's output is exactly what the standard library writes with sorted keys, no spaces and
no ASCII escaping: keys then sort the same by code point as by UTF-16 code unit, and both
escape the same characters the same way. Anything else (floats, very large integers, emoji
in keys…) goes to rfc8785. The test suite checks both agree over generated JSON.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

import rfc8785

_MAX_EXACT_INTEGER: Final = 2**53 - 1
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_BEYOND_BMP_OR_SURROGATE: Final = re.compile("[\ud800-\udfff\U00010000-\U0010ffff]")


class JcsError(ValueError):
    """The value cannot be written as canonical JSON (RFC 8785)."""


def canonical_json(value: Any) -> bytes:
    """``value`` serialized by RFC 8785, as UTF-8 bytes."""
    if _plain(value, 0):
        return json.dumps(
            value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        ).encode("utf-8")
    try:
        return rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, TypeError, ValueError, RecursionError) as error:
        raise JcsError(f"The document cannot be serialized as canonical JSON: {error}") from error


def _plain(value: Any, depth: int) -> bool:
    if depth > 100:
        return False
    if value is None or value is True or value is False:
        return True
    if isinstance(value, str):
        return value.isascii() or _SURROGATE.search(value) is None
    if type(value) is int:
        return -_MAX_EXACT_INTEGER <= value <= _MAX_EXACT_INTEGER
    if isinstance(value, list):
        return all(_plain(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(
            isinstance(key, str)
            and (key.isascii() or _BEYOND_BMP_OR_SURROGATE.search(key) is None)
            and _plain(item, depth + 1)
            for key, item in value.items()
        )
    return False
