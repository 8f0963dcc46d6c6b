"""Canonical N-Quads: how RDFC-1.0 writes literals (shared by both RDF paths)."""

from __future__ import annotations

import re
from typing import Final

RDF_LANGSTRING: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
XSD_STRING: Final = "http://www.w3.org/2001/XMLSchema#string"

_ESCAPES: Final = {
    **{code: f"\\u{code:04X}" for code in (*range(0x00, 0x08), 0x0B, *range(0x0E, 0x20), 0x7F)},
    0x08: "\\b",
    0x09: "\\t",
    0x0A: "\\n",
    0x0C: "\\f",
    0x0D: "\\r",
    0x22: '\\"',
    0x5C: "\\\\",
}
_NEEDS_ESCAPE: Final = re.compile(r'[\x00-\x1f"\\\x7f]')


def escape_literal(value: str) -> str:
    """A literal's lexical form as canonical N-Quads writes it (RDFC-1.0 §4.4 / RDF 1.2)."""
    if _NEEDS_ESCAPE.search(value) is None:
        return value
    return value.translate(_ESCAPES)


def literal(value: str, datatype: str, language: str | None = None) -> str:
    """A literal term in canonical N-Quads form."""
    text = f'"{escape_literal(value)}"'
    if datatype == RDF_LANGSTRING:
        return f"{text}@{language}" if language else text
    if datatype != XSD_STRING:
        return f"{text}^^<{datatype}>"
    return text
