"""Finding the key a proof names, and making sure it is the issuer's.

A proof's ``verificationMethod`` (or a JWT's ``kid``) may be a ``did:key``, ``did:jwk`` or
``did:web`` URL, an https URL of a controller document or issuer profile that lists the key
(including the 1EdTech convention ``https://issuer.example/issuers/1#z6Mk…``), or an https URL
of a JWK or JWK set. Whatever the route, the key counts only if the document that vouches for it
is the issuer's own: a credential that names issuer A and is signed with B's key is forged.

Problems come out as :class:`KeyProblem` with the outcome they deserve: ``failed`` when the
credential is wrong (the key is not authorized, belongs to someone else, is malformed), and
``indeterminate`` when the answer is out of reach (a DID method not supported, a document that
could not be fetched).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from threading import Lock
from typing import Any, Final
from urllib.parse import urldefrag

from microcred.proofs.did import (
    DidError,
    did_web_document_url,
    find_verification_method,
    resolve_did_key,
    split_did_url,
)
from microcred.proofs.keys import (
    InvalidKeyError,
    PublicKey,
    b64url_decode,
    public_key_from_jwk,
    public_key_from_multikey,
)
from microcred.verifier.fetcher import Fetcher, FetchError, Response, fetch_ok
from microcred.verifier.fields import split_url
from microcred.verifier.messages import fetch_reason
from microcred.verifier.report import Outcome

ACCEPT_DID: Final = "application/did+json, application/did+ld+json, application/json;q=0.9"
MAX_JWKS_KEYS: Final = 100
_KEY_TYPES: Final = frozenset(
    {"Multikey", "Ed25519VerificationKey2020", "JsonWebKey", "JsonWebKey2020"}
)


class KeyProblem(ValueError):
    """Why no usable issuer key was found; ``key`` names the sentence in the catalog."""

    def __init__(self, outcome: Outcome, key: str, reason: str = "", **values: Any) -> None:
        super().__init__(reason or key)
        self.outcome = outcome
        self.key = key
        self.reason = reason
        self.values = values


@dataclass(frozen=True, slots=True)
class ResolvedKey:
    public_key: PublicKey
    method_id: str
    # Who vouches for the key: a DID, or the id of a controller document or key set URL.
    controller: str
    route: str


def _failed(key: str, reason: str = "", **values: Any) -> KeyProblem:
    return KeyProblem(Outcome.FAILED, key, reason, **values)


def _unknown(key: str, reason: str = "", **values: Any) -> KeyProblem:
    return KeyProblem(Outcome.INDETERMINATE, key, reason, **values)


class KeyResolver:
    """Resolves verification methods through a fetcher; remembers documents for one run."""

    def __init__(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher
        self._documents: dict[str, Any] = {}
        self._responses: dict[str, Response] = {}

    # --- entry points ------------------------------------------------------------------------

    def issuer_key(self, method_id: object, issuer_id: str | None) -> ResolvedKey:
        """The key behind ``method_id`` once it is shown to belong to ``issuer_id``."""
        if not isinstance(method_id, str) or not method_id:
            raise _failed("issuer.key.no_method")
        if issuer_id is None:
            raise _failed("issuer.key.no_issuer")
        resolved, also_known_as = self._resolve(method_id)
        if not _belongs(resolved, issuer_id, also_known_as):
            raise _failed("issuer.key.not_issuer", controller=resolved.controller, issuer=issuer_id)
        return resolved

    def header_key(self, jwk: object, issuer_id: str | None) -> ResolvedKey:
        """A JWT's embedded ``jwk``: self-asserted, so it counts only for did:key/jwk issuers."""
        try:
            public_key = public_key_from_jwk(jwk)  # type: ignore[arg-type]
        except InvalidKeyError as error:
            raise _failed("issuer.key.malformed", str(error)) from None
        if issuer_id is not None and issuer_id.startswith(("did:key:", "did:jwk:")):
            issuer_key, _ = self._resolve(issuer_id)
            if issuer_key.public_key == public_key:
                return ResolvedKey(public_key, issuer_id, issuer_id, "jwk")
            raise _failed("issuer.key.not_issuer", controller="jwk", issuer=issuer_id)
        raise _unknown("issuer.key.self_asserted", issuer=issuer_id or "")

    # --- resolution --------------------------------------------------------------------------

    def _resolve(self, method_id: str) -> tuple[ResolvedKey, list[str]]:
        if method_id.startswith("did:"):
            return self._resolve_did(method_id)
        if method_id.startswith(("https://", "http://")):
            return self._resolve_url(method_id), []
        raise _failed("issuer.key.malformed", f"{_short(method_id)} is neither a DID nor a URL")

    def _resolve_did(self, method_id: str) -> tuple[ResolvedKey, list[str]]:
        try:
            did, fragment = split_did_url(method_id)
        except DidError as error:
            raise _failed("issuer.key.malformed", str(error)) from None
        method = did.split(":", 2)[1]
        if method == "key":
            return self._from_did_document(_did_key_document(did), did, fragment, "did:key"), []
        if method == "jwk":
            return _did_jwk(did, fragment), []
        if method == "web":
            url = _did_web_url(did)
            response = self._fetch(url, ACCEPT_DID)
            # What a DID document says is a function of its bytes: a batch of credentials
            # from one issuer resolves its key once, and a changed document is read anew.
            memo_key = (method_id, url, response.digest)
            with _resolved_lock:
                known = _resolved.get(memo_key)
            if known is not None:
                return known[0], list(known[1])
            document = self._did_web_document(did, url)
            aliases = document.get("alsoKnownAs")
            also = [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []
            resolved = self._from_did_document(document, did, fragment, "did:web")
            with _resolved_lock:
                _resolved[memo_key] = (resolved, tuple(also))
                while len(_resolved) > _RESOLVED_SIZE:
                    _resolved.popitem(last=False)
            return resolved, also
        raise _unknown("issuer.key.unsupported_method", method=f"did:{method}")

    def _from_did_document(
        self, document: Mapping[str, Any], did: str, fragment: str | None, route: str
    ) -> ResolvedKey:
        if fragment is None:
            # A bare DID names the DID's only key, if it has exactly one.
            fragment = _only_method_fragment(document, did)
        method_id = f"{did}#{fragment}"
        try:
            public_key = find_verification_method(document, method_id, "assertionMethod")
        except DidError as error:
            raise _failed("issuer.key.not_authorized", str(error), method=method_id) from None
        return ResolvedKey(public_key, method_id, did, route)

    def _did_web_document(self, did: str, url: str) -> Mapping[str, Any]:
        document = self._fetch_json(url, ACCEPT_DID)
        if not isinstance(document, Mapping) or document.get("id") != did:
            raise _failed(
                "issuer.key.wrong_document",
                f"the document at {url} is not the DID document of {did}",
                url=url,
            )
        return document

    def _resolve_url(self, method_id: str) -> ResolvedKey:
        url, fragment = urldefrag(method_id)
        document = self._fetch_json(url, "application/json, application/ld+json;q=0.9")
        if isinstance(document, Mapping) and isinstance(document.get("keys"), list):
            return _from_jwks(document["keys"], method_id, url, fragment)
        if isinstance(document, Mapping) and "kty" in document:
            return _from_jwk(document, method_id, url)
        if not isinstance(document, Mapping) or document.get("id") != url:
            raise _failed(
                "issuer.key.wrong_document",
                f"the document at {url} does not name itself {url}",
                url=url,
            )
        public_key = _controller_document_key(document, method_id)
        if fragment:
            embedded = _fragment_key(fragment)
            if embedded is not None and embedded != public_key:
                raise _failed("issuer.key.fragment_mismatch", method=method_id)
        return ResolvedKey(public_key, method_id, url, "controller-document")

    def _fetch(self, url: str, accept: str) -> Response:
        response = self._responses.get(url)
        if response is None:
            try:
                response = fetch_ok(self._fetcher, url, accept=accept)
            except FetchError as error:
                raise _unknown(
                    "issuer.key.unreachable", str(error), url=url, why=fetch_reason(error)
                ) from None
            self._responses[url] = response
        return response

    def _fetch_json(self, url: str, accept: str) -> Any:
        if url in self._documents:
            return self._documents[url]
        response = self._fetch(url, accept)
        try:
            document = json.loads(response.body)
        except (ValueError, RecursionError):
            raise _failed("issuer.key.wrong_document", f"{url} is not JSON", url=url) from None
        self._documents[url] = document
        return document


# (verification method, DID document URL, SHA-256 of the document) -> (key, alsoKnownAs)
_resolved: OrderedDict[tuple[str, str, bytes], tuple[ResolvedKey, tuple[str, ...]]] = OrderedDict()
_resolved_lock = Lock()
_RESOLVED_SIZE: Final = 256


@lru_cache(maxsize=256)
def _did_web_document_url(did: str) -> str:
    return did_web_document_url(did)


def _did_web_url(did: str) -> str:
    try:
        return _did_web_document_url(did)
    except DidError as error:
        raise _failed("issuer.key.malformed", str(error)) from None


def _did_key_document(did: str) -> dict[str, Any]:
    try:
        return resolve_did_key(did)
    except DidError as error:
        raise _failed("issuer.key.malformed", str(error)) from None


def _did_jwk(did: str, fragment: str | None) -> ResolvedKey:
    # did:jwk (https://github.com/quartzjer/did-jwk): the DID is the base64url of the JWK.
    if fragment not in (None, "0"):
        raise _failed("issuer.key.not_authorized", "a did:jwk has only the key #0", method=did)
    try:
        jwk = json.loads(b64url_decode(did.removeprefix("did:jwk:")))
        public_key = public_key_from_jwk(jwk)
    except (ValueError, RecursionError) as error:  # InvalidKeyError is a ValueError too
        raise _failed("issuer.key.malformed", f"the did:jwk holds no usable key: {error}") from None
    return ResolvedKey(public_key, f"{did}#0", did, "did:jwk")


def _only_method_fragment(document: Mapping[str, Any], did: str) -> str:
    methods = document.get("assertionMethod")
    if isinstance(methods, list) and len(methods) == 1:
        entry = methods[0]
        entry_id = entry.get("id") if isinstance(entry, Mapping) else entry
        if isinstance(entry_id, str) and "#" in entry_id:
            return entry_id.rsplit("#", 1)[1]
    raise _failed(
        "issuer.key.not_authorized",
        f"{_short(did)} names a DID, not one of its keys",
        method=did,
    )


def _from_jwks(keys: list[Any], method_id: str, url: str, fragment: str) -> ResolvedKey:
    if len(keys) > MAX_JWKS_KEYS:
        raise _failed("issuer.key.wrong_document", f"{url} lists too many keys", url=url)
    wanted = {fragment, method_id} if fragment else {method_id}
    matches = [
        key
        for key in keys
        if isinstance(key, Mapping) and isinstance(key.get("kid"), str) and key["kid"] in wanted
    ]
    if len(matches) != 1:
        raise _failed(
            "issuer.key.not_authorized",
            f"the key set at {url} has no single key with kid {fragment or method_id!r}",
            method=method_id,
        )
    return _from_jwk(matches[0], method_id, url)


def _from_jwk(jwk: Mapping[str, Any], method_id: str, url: str) -> ResolvedKey:
    public_jwk = {k: v for k, v in jwk.items() if k not in ("kid", "use", "alg", "key_ops")}
    try:
        public_key = public_key_from_jwk(public_jwk)
    except InvalidKeyError as error:
        raise _failed("issuer.key.malformed", str(error)) from None
    if jwk.get("use") not in (None, "sig"):
        raise _failed("issuer.key.not_authorized", "the JWK is not for signatures", method=url)
    return ResolvedKey(public_key, method_id, url, "jwk-set")


def _controller_document_key(document: Mapping[str, Any], method_id: str) -> PublicKey:
    doc_id = str(document["id"])
    entries = document.get("assertionMethod")
    if not isinstance(entries, list):
        entries = [entries] if entries is not None else []
    listed = None
    for entry in entries:
        entry_id = entry.get("id") if isinstance(entry, Mapping) else entry
        if isinstance(entry_id, str) and _absolute(doc_id, entry_id) == method_id:
            listed = entry
            break
    if listed is None:
        raise _failed(
            "issuer.key.not_authorized",
            f"{doc_id} does not list {method_id} in assertionMethod",
            method=method_id,
        )
    method = listed if isinstance(listed, Mapping) else _listed_method(document, doc_id, method_id)
    controller = method.get("controller", doc_id)
    if controller != doc_id:
        raise _failed(
            "issuer.key.not_authorized",
            f"the key is controlled by {_short(str(controller))}, not by {doc_id}",
            method=method_id,
        )
    return _method_public_key(method)


def _listed_method(document: Mapping[str, Any], doc_id: str, method_id: str) -> Mapping[str, Any]:
    methods = document.get("verificationMethod")
    if isinstance(methods, Mapping):
        methods = [methods]
    for method in methods if isinstance(methods, list) else []:
        method_ref = method.get("id") if isinstance(method, Mapping) else None
        if isinstance(method_ref, str) and _absolute(doc_id, method_ref) == method_id:
            return method
    raise _failed(
        "issuer.key.not_authorized",
        f"{method_id} is listed but not described in {doc_id}",
        method=method_id,
    )


def _method_public_key(method: Mapping[str, Any]) -> PublicKey:
    kind = method.get("type")
    if kind not in _KEY_TYPES:
        raise _failed("issuer.key.malformed", f"the key type {_short(str(kind))} is not supported")
    try:
        if "publicKeyMultibase" in method:
            value = method["publicKeyMultibase"]
            if not isinstance(value, str):
                raise InvalidKeyError("publicKeyMultibase is not a string")
            return public_key_from_multikey(value)
        return public_key_from_jwk(method.get("publicKeyJwk"))  # type: ignore[arg-type]
    except InvalidKeyError as error:
        raise _failed("issuer.key.malformed", str(error)) from None


def _fragment_key(fragment: str) -> PublicKey | None:
    # The 1EdTech convention: the fragment is the key's Multikey text.
    if not fragment.startswith("z") or len(fragment) > 128:
        return None
    try:
        return public_key_from_multikey(fragment)
    except InvalidKeyError:
        return None


def _belongs(resolved: ResolvedKey, issuer_id: str, also_known_as: list[str]) -> bool:
    controller = resolved.controller
    if controller == issuer_id:
        return True
    issuer = split_url(issuer_id)
    if issuer is None or issuer.scheme != "https":
        return False
    if resolved.route == "jwk-set":
        # A bare JWK (set) says nothing of its owner but where it is served: the issuer's
        # own https origin.
        key_set = split_url(controller)
        return key_set is not None and key_set.scheme == "https" and key_set.netloc == issuer.netloc
    # An https issuer may sign with a did:web of the same host whose document names it: both
    # ends are then controlled by whoever controls that host.
    if controller.startswith("did:web:") and issuer_id in also_known_as:
        try:
            host = split_url(did_web_document_url(controller))
        except DidError:
            return False
        return host is not None and issuer.netloc == host.netloc
    return False


def _absolute(doc_id: str, reference: str) -> str:
    return doc_id + reference if reference.startswith("#") else reference


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
