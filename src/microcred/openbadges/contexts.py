"""JSON-LD contexts, served offline from files that installed packages carry.

The network is never needed to sign or verify: every context the product understands is read
from a file inside an installed distribution (located through its metadata, so the carrying
package is never imported), parsed once per process, and handed to pyld with
``"tag": "static"`` so that pyld's own context cache keeps it. Any other URL is refused.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.metadata import distribution
from importlib.resources import files
from typing import Any, Final

CREDENTIALS_V2: Final = "https://www.w3.org/ns/credentials/v2"
CREDENTIALS_V1: Final = "https://www.w3.org/2018/credentials/v1"
OB_V3P0_3_0_3: Final = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DATA_INTEGRITY_V2: Final = "https://w3id.org/security/data-integrity/v2"
MULTIKEY_V1: Final = "https://w3id.org/security/multikey/v1"
ED25519_2020_V1: Final = "https://w3id.org/security/suites/ed25519-2020/v1"
OB_V3P0_EXTENSIONS: Final = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
# microcred's own extension for the EU micro-credential elements (see microcred.openbadges.eu).
EU_MICROCREDENTIAL_V1: Final = "https://w3id.org/microcred/eu/v1"

# URL -> (distribution, file inside it). Each file is byte-for-byte an upstream copy; the test
# suite compares every entry with the reference copies in the project's standards folder.
_CARRIERS: Final[dict[str, tuple[str, str]]] = {
    CREDENTIALS_V2: ("pyld", "pyld/documentloader/frozen/bundled/credentials-v2.jsonld"),
    CREDENTIALS_V1: ("pyld", "pyld/documentloader/frozen/bundled/credentials-v1.jsonld"),
    ED25519_2020_V1: (
        "pyld",
        "pyld/documentloader/frozen/bundled/security-ed25519-2020-v1.jsonld",
    ),
    DATA_INTEGRITY_V2: (
        "openbadgeslib",
        "openbadgeslib/ob3/contexts/security-data-integrity-v2.json",
    ),
    MULTIKEY_V1: ("openbadgeslib", "openbadgeslib/ob3/contexts/security-multikey-v1.json"),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json": (
        "openbadgeslib",
        "openbadgeslib/ob3/contexts/ob-v3p0-context-3.0.1.json",
    ),
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json": (
        "openbadgeslib",
        "openbadgeslib/ob3/contexts/ob-v3p0-context-3.0.2.json",
    ),
    OB_V3P0_3_0_3: ("openbadgeslib", "openbadgeslib/ob3/contexts/ob-v3p0-context-3.0.3.json"),
    OB_V3P0_EXTENSIONS: (
        "openbadgeslib",
        "openbadgeslib/ob3/contexts/ob-v3p0-extensions.json",
    ),
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": (
        "openbadgeslib",
        "openbadgeslib/ob3/contexts/clr_context_2.0.1.json",
    ),
}

# microcred's own contexts: files of this package, the same at every instance and offline, so
# any microcred verifier knows them (each instance also serves them; see the web app).
_OWN: Final[dict[str, str]] = {EU_MICROCREDENTIAL_V1: "jsonld/eu-microcredential-v1.jsonld"}

# Extra contexts registered at run time (the instance's own extension context, test-only
# contexts such as the W3C examples context). Kept apart from the carriers on purpose.
_registered: dict[str, dict[str, Any]] = {}


class UnknownContextError(LookupError):
    """A document names a JSON-LD context that microcred does not carry."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"The JSON-LD context {url!r} is not one microcred knows; contexts are never "
            "fetched from the network, so a document that needs it cannot be processed."
        )
        self.url = url


def known_context_urls() -> frozenset[str]:
    """Every context URL the loader serves."""
    return frozenset(_CARRIERS) | frozenset(_OWN) | frozenset(_registered)


def own_context_urls() -> frozenset[str]:
    """The contexts microcred itself defines (no upstream copy exists to compare with)."""
    return frozenset(_OWN)


@cache
def _read_carried(url: str) -> dict[str, Any]:
    dist_name, path = _CARRIERS[url]
    located = distribution(dist_name).locate_file(path)
    with open(str(located), encoding="utf-8") as handle:
        return json.load(handle)


@cache
def _read_own(url: str) -> dict[str, Any]:
    return json.loads(files("microcred.openbadges").joinpath(_OWN[url]).read_text("utf-8"))


def load_context(url: str) -> dict[str, Any]:
    """The parsed context document for ``url``; parsed once per process."""
    if url in _registered:
        return _registered[url]
    if url in _CARRIERS:
        return _read_carried(url)
    if url in _OWN:
        return _read_own(url)
    raise UnknownContextError(url)


def register_context(url: str, document: dict[str, Any]) -> None:
    """Serve ``document`` for ``url`` from now on (for contexts that ship with microcred)."""
    if url in _CARRIERS or url in _OWN:
        raise ValueError(f"{url} is already served from an installed package")
    _registered[url] = document


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A pyld document loader that never touches the network.

    ``"tag": "static"`` tells pyld the document never changes, which lets its resolved-context
    cache keep it instead of reloading and re-hashing it for every credential.
    """
    document = load_context(url)
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": document,
        "tag": "static",
    }
