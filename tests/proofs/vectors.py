"""The W3C vc-di-eddsa test vectors and a loader that also serves their examples context."""

from __future__ import annotations

from typing import Any

from microcred.openbadges.contexts import document_loader
from tests.conftest import STANDARDS, load_json

VECTORS = STANDARDS / "vectors" / "w3c-vc-di-eddsa" / "TestVectors"
EXAMPLES_V2 = "https://www.w3.org/ns/credentials/examples/v2"


def vector_text(relative: str) -> str:
    return (VECTORS / relative).read_text(encoding="utf-8")


def vector_json(relative: str) -> Any:
    return load_json(f"vectors/w3c-vc-di-eddsa/TestVectors/{relative}")


_examples_context = load_json("vectors/contexts/www.w3.org_ns_credentials_examples_v2.json")


def vectors_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """The product's offline loader, plus the examples context the W3C vectors use."""
    if url == EXAMPLES_V2:
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": _examples_context,
            "tag": "static",
        }
    return document_loader(url, options)
