"""Decentralized identifiers for issuers: did:key (local, offline) and did:web (hosted).

Nothing here touches the network. did:key documents are computed from the identifier;
for did:web this module says where the document lives (``did_web_document_url``), builds
the document an issuer publishes, and reads a fetched one (``find_verification_method``).
A did:web document lists every key an issuer has signed with, so rotating to a new key
keeps credentials signed with the old ones verifiable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final
from urllib.parse import quote

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .keys import InvalidKeyError, PublicKey, public_key_from_jwk, public_key_from_multikey

DID_V1_CONTEXT: Final = "https://www.w3.org/ns/did/v1"
MULTIKEY_V1_CONTEXT: Final = "https://w3id.org/security/multikey/v1"
# Defines the JsonWebKey verification method type (W3C Controlled Identifiers 1.0).
CID_V1_CONTEXT: Final = "https://www.w3.org/ns/cid/v1"

VERIFICATION_RELATIONSHIPS: Final = frozenset(
    {
        "assertionMethod",
        "authentication",
        "capabilityInvocation",
        "capabilityDelegation",
        "keyAgreement",
    }
)

_MAX_DID_CHARS: Final = 2048
# DID syntax: idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded
_ID_SEGMENT = re.compile(r"(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+")
_HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_FRAGMENT = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@/?%-]+")


class DidError(ValueError):
    """A DID, DID URL or DID document that cannot be used."""


class InvalidDidError(DidError):
    """The text is not a DID (or DID URL) of a method this software understands."""


class InvalidDidDocumentError(DidError):
    """The DID document is malformed, or a verification method in it is."""


class VerificationMethodNotFound(DidError):
    """The document does not authorize the requested key for the requested purpose."""


# --- did:key -------------------------------------------------------------------------------


def did_key(public_key: PublicKey) -> str:
    """``did:key:z6Mk...`` (Ed25519) or ``did:key:zDn...`` (P-256) for a public key."""
    return "did:key:" + public_key.to_multikey()


def did_key_verification_method(public_key: PublicKey) -> str:
    """The verification method id of a did:key: ``did:key:z...#z...``."""
    multikey = public_key.to_multikey()
    return f"did:key:{multikey}#{multikey}"


def did_key_document(did: str) -> dict[str, Any]:
    """The DID document of a did:key, with its one Multikey verification method."""
    multikey = _did_key_multikey(did)
    method_id = f"{did}#{multikey}"
    return {
        "@context": [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
        "id": did,
        "verificationMethod": [
            {
                "id": method_id,
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": multikey,
            }
        ],
        "authentication": [method_id],
        "assertionMethod": [method_id],
        "capabilityInvocation": [method_id],
        "capabilityDelegation": [method_id],
    }


def resolve_did_key(did_or_method_id: str) -> dict[str, Any]:
    """Resolve a did:key or a did:key verification method id locally to its DID document."""
    did, fragment = split_did_url(did_or_method_id)
    document = did_key_document(did)
    if fragment is not None and fragment != did.removeprefix("did:key:"):
        raise InvalidDidError(
            f"the did:key fragment #{fragment} does not name the key of {did}; "
            "a did:key has only the verification method named by its own key"
        )
    return document


def _did_key_multikey(did: str) -> str:
    _check_text(did, "did:key")
    if not did.startswith("did:key:"):
        raise InvalidDidError(f"{_shorten(did)!r} is not a did:key")
    multikey = did.removeprefix("did:key:")
    try:
        public_key_from_multikey(multikey)
    except InvalidKeyError as error:
        raise InvalidDidError(f"the did:key does not hold a usable public key: {error}") from None
    return multikey


# --- did:web -------------------------------------------------------------------------------


def did_web(host_and_path: str) -> str:
    """``did:web:example.com:issuers:acme`` from ``example.com/issuers/acme``.

    A port is percent-encoded (``localhost:8000`` -> ``did:web:localhost%3A8000``). An
    ``https://`` prefix and a trailing slash are accepted and dropped.
    """
    _check_text(host_and_path, "host and path")
    text = host_and_path.strip().removeprefix("https://").rstrip("/")
    if "://" in text:
        raise InvalidDidError("did:web documents are served over https only")
    if "?" in text or "#" in text:
        raise InvalidDidError("a did:web is built from a host and a path, without ? or #")
    host, _, path = text.partition("/")
    host = _checked_host(host.lower())
    segments = [] if not path else path.split("/")
    encoded = [_encode_segment(segment) for segment in segments]
    return ":".join(["did:web", host.replace(":", "%3A"), *encoded])


def did_web_document_url(did: str) -> str:
    """The https URL where did:web resolution fetches the DID document.

    ``did:web:example.com`` -> ``https://example.com/.well-known/did.json``;
    ``did:web:example.com:issuers:acme`` -> ``https://example.com/issuers/acme/did.json``.
    A DID URL is accepted; its fragment does not change where the document is.
    """
    did, _ = split_did_url(did)
    host, segments = _did_web_parts(did)
    if not segments:
        return f"https://{host}/.well-known/did.json"
    return f"https://{host}/{'/'.join(segments)}/did.json"


def did_web_document(
    did: str,
    keys: Sequence[tuple[str, PublicKey]],
    *,
    also_known_as: Sequence[str] | None = None,
) -> dict[str, Any]:
    """The did:web document an issuer publishes, listing every key it has signed with.

    ``keys`` pairs a method id (``"key-2"``, ``"#key-2"`` or ``"did:web:...#key-2"``) with
    a public key. Ed25519 and P-256 keys become Multikey methods, RSA keys JsonWebKey
    methods. All are listed in ``assertionMethod``, so a retired key stays usable for
    verifying what it signed; take a compromised key out of ``keys`` to withdraw it.
    """
    _did_web_parts(did)
    if not keys:
        raise InvalidDidDocumentError("a did:web document needs at least one key")
    methods: list[dict[str, Any]] = []
    seen: set[str] = set()
    uses_jwk = False
    for name, public_key in keys:
        method_id = _method_id(did, name)
        if method_id in seen:
            raise InvalidDidDocumentError(f"the method id {method_id} is used twice")
        seen.add(method_id)
        if public_key.algorithm == "RSA":
            uses_jwk = True
            methods.append(
                {
                    "id": method_id,
                    "type": "JsonWebKey",
                    "controller": did,
                    "publicKeyJwk": public_key.to_jwk(),
                }
            )
        else:
            methods.append(
                {
                    "id": method_id,
                    "type": "Multikey",
                    "controller": did,
                    "publicKeyMultibase": public_key.to_multikey(),
                }
            )
    contexts = [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT] + ([CID_V1_CONTEXT] if uses_jwk else [])
    document: dict[str, Any] = {"@context": contexts, "id": did}
    if also_known_as:
        if isinstance(also_known_as, str) or not all(isinstance(a, str) for a in also_known_as):
            raise InvalidDidDocumentError("alsoKnownAs must be a list of URI strings")
        document["alsoKnownAs"] = list(also_known_as)
    document["verificationMethod"] = methods
    document["assertionMethod"] = [method["id"] for method in methods]
    return document


def _did_web_parts(did: str) -> tuple[str, list[str]]:
    _check_text(did, "did:web")
    if not did.startswith("did:web:"):
        raise InvalidDidError(f"{_shorten(did)!r} is not a did:web")
    host_part, *segments = did.removeprefix("did:web:").split(":")
    host = _checked_host(host_part.replace("%3A", ":").replace("%3a", ":").lower())
    for segment in segments:
        if not _ID_SEGMENT.fullmatch(segment) or segment in {".", ".."}:
            raise InvalidDidError(f"the did:web path part {segment!r} is not allowed")
    return host, segments


def _checked_host(host: str) -> str:
    name, colon, port = host.partition(":")
    if colon and not (port.isascii() and port.isdigit() and 0 < int(port) < 65536):
        raise InvalidDidError(f"the port in {host!r} is not a number from 1 to 65535")
    labels = name.split(".")
    if not name or len(name) > 253 or not all(_HOST_LABEL.fullmatch(label) for label in labels):
        raise InvalidDidError(
            f"{host!r} is not a host name (letters, digits, '-' and '.', e.g. example.com)"
        )
    return host


def _encode_segment(segment: str) -> str:
    if segment in {"", ".", ".."}:
        raise InvalidDidError(f"the path part {segment!r} cannot be part of a did:web")
    # quote() leaves "~" alone, but it is no DID idchar.
    return quote(segment, safe="").replace("~", "%7E")


# --- reading documents ---------------------------------------------------------------------


def split_did_url(did_url: str) -> tuple[str, str | None]:
    """(DID, fragment or None) of a DID or DID URL; the query, if any, is dropped."""
    _check_text(did_url, "DID")
    did, hash_sign, fragment = did_url.partition("#")
    did = did.partition("?")[0]
    if not re.fullmatch(r"did:[a-z0-9]+:\S+", did):
        raise InvalidDidError(f"{_shorten(did_url)!r} is not a DID (did:<method>:<id>)")
    if hash_sign and not _FRAGMENT.fullmatch(fragment):
        raise InvalidDidError(f"the fragment of {_shorten(did_url)!r} is empty or malformed")
    return did, (fragment if hash_sign else None)


def find_verification_method(
    document: Mapping[str, Any], method_id: str, relationship: str = "assertionMethod"
) -> PublicKey:
    """The public key of ``method_id`` if ``document`` authorizes it for ``relationship``.

    Accepts Multikey and Ed25519VerificationKey2020 (``publicKeyMultibase``),
    Ed25519VerificationKey2018 (``publicKeyBase58``) and JsonWebKey / JsonWebKey2020
    (``publicKeyJwk``); relative ids (``#key-1``); references to ``verificationMethod``
    entries and methods embedded in the relationship itself. The method's controller must
    be the document's DID, and ``method_id`` must belong to that DID.
    """
    if relationship not in VERIFICATION_RELATIONSHIPS:
        raise ValueError(f"{relationship!r} is not a verification relationship")
    if not isinstance(document, Mapping):
        raise InvalidDidDocumentError("a DID document must be a JSON object")
    doc_id = document.get("id")
    if not isinstance(doc_id, str):
        raise InvalidDidDocumentError("the DID document has no 'id' string")
    try:
        doc_did, doc_fragment = split_did_url(doc_id)
    except InvalidDidError as error:
        raise InvalidDidDocumentError(f"the DID document's id is not a DID: {error}") from None
    if doc_fragment is not None or doc_did != doc_id:
        raise InvalidDidDocumentError(f"the DID document's id {_shorten(doc_id)!r} is a DID URL")
    if not isinstance(method_id, str):
        raise VerificationMethodNotFound("the verification method id must be a string")
    wanted = _absolute(doc_id, method_id)
    wanted_did, wanted_fragment = split_did_url(wanted)
    if wanted_did != doc_id:
        raise VerificationMethodNotFound(
            f"the key {_shorten(method_id)} belongs to {_shorten(wanted_did)}, "
            f"not to the DID document of {_shorten(doc_id)}"
        )
    if wanted_fragment is None:
        raise VerificationMethodNotFound(
            f"{_shorten(method_id)!r} names a DID, not one of its keys (add #fragment)"
        )

    entry = _relationship_entry(document, doc_id, wanted, relationship)
    method = entry if isinstance(entry, Mapping) else _listed_method(document, doc_id, wanted)

    controller = method.get("controller")
    if controller != doc_id:
        raise VerificationMethodNotFound(
            f"the key {_shorten(wanted)} is controlled by {_shorten(str(controller))}, "
            f"not by {_shorten(doc_id)}"
        )
    return _method_key(method, wanted)


def _relationship_entry(
    document: Mapping[str, Any], doc_id: str, wanted: str, relationship: str
) -> str | Mapping[str, Any]:
    entries = document.get(relationship, [])
    if not isinstance(entries, list):
        raise InvalidDidDocumentError(f"the DID document's {relationship} is not a list")
    for entry in entries:
        if isinstance(entry, str):
            entry_id = entry
        elif isinstance(entry, Mapping) and isinstance(entry.get("id"), str):
            entry_id = entry["id"]
        else:
            raise InvalidDidDocumentError(
                f"an entry of {relationship} is neither a method id nor a method with an id"
            )
        if _absolute(doc_id, entry_id) == wanted:
            return entry
    raise VerificationMethodNotFound(
        f"the DID document of {_shorten(doc_id)} does not list {_shorten(wanted)} in {relationship}"
    )


def _listed_method(document: Mapping[str, Any], doc_id: str, wanted: str) -> Mapping[str, Any]:
    methods = document.get("verificationMethod", [])
    if not isinstance(methods, list):
        raise InvalidDidDocumentError("the DID document's verificationMethod is not a list")
    for method in methods:
        if not isinstance(method, Mapping) or not isinstance(method.get("id"), str):
            raise InvalidDidDocumentError("a verificationMethod entry has no 'id' string")
        if _absolute(doc_id, method["id"]) == wanted:
            return method
    raise VerificationMethodNotFound(
        f"{_shorten(wanted)} is listed but not described in the DID document's verificationMethod"
    )


def _method_key(method: Mapping[str, Any], method_id: str) -> PublicKey:
    kind = method.get("type")
    try:
        # Tuples, not sets: a hostile type may be a list, which a set lookup cannot hash.
        if kind in ("Multikey", "Ed25519VerificationKey2020"):
            value = method.get("publicKeyMultibase")
            if not isinstance(value, str):
                raise InvalidKeyError(f"a {kind} method needs a publicKeyMultibase string")
            key = public_key_from_multikey(value)
            if kind == "Ed25519VerificationKey2020" and key.algorithm != "Ed25519":
                raise InvalidKeyError(f"an {kind} method holds a {key.algorithm} key")
            return key
        if kind == "Ed25519VerificationKey2018":
            return _ed25519_from_base58(method.get("publicKeyBase58"))
        if kind in ("JsonWebKey", "JsonWebKey2020"):
            return public_key_from_jwk(method.get("publicKeyJwk"))  # type: ignore[arg-type]
    except InvalidKeyError as error:
        raise InvalidDidDocumentError(
            f"the key of {_shorten(method_id)} cannot be read: {error}"
        ) from None
    raise InvalidDidDocumentError(
        f"{_shorten(method_id)} has type {kind!r}; supported: Multikey, "
        "Ed25519VerificationKey2020, Ed25519VerificationKey2018, JsonWebKey, JsonWebKey2020"
    )


def _ed25519_from_base58(value: object) -> PublicKey:
    if not isinstance(value, str) or not 0 < len(value) <= 64:
        raise InvalidKeyError("an Ed25519VerificationKey2018 method needs a publicKeyBase58")
    try:
        raw = base58.b58decode(value)
    except ValueError:
        raise InvalidKeyError("publicKeyBase58 is not base58") from None
    if len(raw) != 32:
        raise InvalidKeyError(f"an Ed25519 public key is 32 bytes, not {len(raw)}")
    return PublicKey(Ed25519PublicKey.from_public_bytes(raw))


def _method_id(did: str, name: str) -> str:
    if not isinstance(name, str) or not name:
        raise InvalidDidDocumentError("a key's method id must be a non-empty string")
    absolute = _absolute(did, name if ("#" in name) else "#" + name)
    try:
        method_did, fragment = split_did_url(absolute)
    except InvalidDidError as error:
        raise InvalidDidDocumentError(f"{name!r} is not a usable method id: {error}") from None
    if method_did != did or fragment is None:
        raise InvalidDidDocumentError(f"the method id {name!r} does not belong to {did}")
    return absolute


def _absolute(doc_id: str, reference: str) -> str:
    return doc_id + reference if reference.startswith("#") else reference


def _check_text(value: object, what: str) -> None:
    if not isinstance(value, str):
        raise InvalidDidError(f"a {what} must be a string, not {type(value).__name__}")
    if len(value) > _MAX_DID_CHARS:
        raise InvalidDidError(
            f"the {what} is {len(value)} characters; at most {_MAX_DID_CHARS} are accepted"
        )


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit] + "..."
