"""W3C Data Integrity proofs: eddsa-rdfc-2022 (default), eddsa-jcs-2022, Ed25519Signature2020.

The three suites share one shape (vc-di-eddsa §3): canonicalize the document without its
proof, canonicalize the proof configuration, hash both with SHA-256, sign
``hash(proof config) || hash(document)``. They differ only in the canonicalization, which is
what :class:`Cryptosuite` captures. Ed25519Signature2020 is kept for verifying credentials
issued by older stacks.

Proof sets (several independent proofs) and proof chains (``previousProof``) follow the
Data Integrity 1.0 algorithms: a proof covers the document with no proofs, plus, for a chain,
the proofs it names as previous.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Final, Protocol

import base58

from microcred.proofs.canonical import canonicalize
from microcred.proofs.jcs import JcsError, canonical_json

DATA_INTEGRITY_PROOF: Final = "DataIntegrityProof"
ED25519_SIGNATURE_2020: Final = "Ed25519Signature2020"
ASSERTION_METHOD: Final = "assertionMethod"


class Signer(Protocol):
    """What signing needs of a key: raw Ed25519 signatures."""

    algorithm: str

    def sign(self, data: bytes) -> bytes: ...


class SignatureVerifier(Protocol):
    algorithm: str

    def verify(self, signature: bytes, data: bytes) -> bool: ...


class ProofError(ValueError):
    """A proof could not be created or does not hold; the message says why."""


class SignatureMismatchError(ProofError):
    """The proof is well formed, but its signature does not match the document and key."""


@dataclass(frozen=True, slots=True)
class ProofHashes:
    """Every intermediate value of a proof, as the W3C test vectors list them."""

    canonical_document: bytes
    canonical_proof_config: bytes
    document_hash: bytes
    proof_config_hash: bytes

    @property
    def hash_data(self) -> bytes:
        return self.proof_config_hash + self.document_hash


Loader = Callable[..., Any] | None


@dataclass(frozen=True, slots=True)
class Cryptosuite:
    name: str
    proof_type: str
    canonicalize_document: Callable[[Mapping[str, Any], Loader], bytes]
    canonicalize_proof_config: Callable[[Mapping[str, Any], Loader], bytes]
    # Legacy suites define their proof terms in a context of their own, which the signed
    # document must carry.
    context: str | None = None

    def document_context(self, context: Any) -> Any:
        if self.context is None:
            return context
        contexts = context if isinstance(context, list) else [context]
        return contexts if self.context in contexts else [*contexts, self.context]


def _rdfc(document: Mapping[str, Any], loader: Loader) -> bytes:
    return canonicalize(document, loader=loader).encode()


@lru_cache(maxsize=1024)
def _rdfc_cached(config_json: str, loader: Loader) -> bytes:
    # Proof configurations repeat (same key, purpose and second of a batch): canonicalize once.
    return _rdfc(json.loads(config_json), loader)


def _rdfc_proof_config(config: Mapping[str, Any], loader: Loader) -> bytes:
    try:
        config_json = json.dumps(config, sort_keys=True)
    except (TypeError, ValueError):
        return _rdfc(config, loader)
    return _rdfc_cached(config_json, loader)


def _jcs(document: Mapping[str, Any], loader: Loader) -> bytes:
    try:
        return canonical_json(document)
    except JcsError as error:
        raise ProofError(str(error)) from error


SUITES: Final[dict[str, Cryptosuite]] = {
    "eddsa-rdfc-2022": Cryptosuite(
        "eddsa-rdfc-2022", DATA_INTEGRITY_PROOF, _rdfc, _rdfc_proof_config
    ),
    "eddsa-jcs-2022": Cryptosuite("eddsa-jcs-2022", DATA_INTEGRITY_PROOF, _jcs, _jcs),
    ED25519_SIGNATURE_2020: Cryptosuite(
        ED25519_SIGNATURE_2020,
        ED25519_SIGNATURE_2020,
        _rdfc,
        _rdfc_proof_config,
        context="https://w3id.org/security/suites/ed25519-2020/v1",
    ),
}
DEFAULT_CRYPTOSUITE: Final = "eddsa-rdfc-2022"


def suite_of(proof: Mapping[str, Any]) -> Cryptosuite:
    """The cryptosuite a proof names, or a ProofError saying what is unsupported."""
    proof_type = proof.get("type")
    if proof_type == ED25519_SIGNATURE_2020:
        return SUITES[ED25519_SIGNATURE_2020]
    if proof_type != DATA_INTEGRITY_PROOF:
        raise ProofError(f"The proof type {proof_type!r} is not one microcred can check.")
    name = proof.get("cryptosuite")
    suite = SUITES.get(name) if isinstance(name, str) else None
    if suite is None or suite.proof_type != DATA_INTEGRITY_PROOF:
        raise ProofError(f"The cryptosuite {name!r} is not one microcred can check.")
    return suite


def proofs_of(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The document's proofs as a list (``proof`` may be one object or an array)."""
    proof = document.get("proof")
    if proof is None:
        return []
    proofs = proof if isinstance(proof, list) else [proof]
    if not all(isinstance(item, dict) for item in proofs):
        raise ProofError("The proof must be an object or a list of objects.")
    return proofs


def now() -> str:
    """The current time as Data Integrity's ``created`` wants it (UTC, whole seconds)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_proof(
    document: Mapping[str, Any],
    signer: Signer,
    verification_method: str,
    *,
    cryptosuite: str = DEFAULT_CRYPTOSUITE,
    created: str | None = None,
    proof_purpose: str = ASSERTION_METHOD,
    proof_id: str | None = None,
    previous_proof: str | Sequence[str] | None = None,
    loader: Loader = None,
) -> dict[str, Any]:
    """A copy of ``document`` with a new proof appended to its ``proof`` array.

    ``proof`` is always written as an array, which the OB 3.0 JSON Schema requires.
    """
    suite = SUITES.get(cryptosuite)
    if suite is None:
        raise ProofError(f"Unknown cryptosuite {cryptosuite!r}; use one of {sorted(SUITES)}.")
    if signer.algorithm != "Ed25519":
        raise ProofError(f"{cryptosuite} needs an Ed25519 key, not {signer.algorithm}.")
    existing = proofs_of(document)
    options: dict[str, Any] = {"type": suite.proof_type}
    if suite.proof_type == DATA_INTEGRITY_PROOF:
        options["cryptosuite"] = suite.name
    options["created"] = created or now()
    options["verificationMethod"] = verification_method
    options["proofPurpose"] = proof_purpose
    if proof_id is not None:
        options["id"] = proof_id
    if previous_proof is not None:
        options["previousProof"] = previous_proof

    secured = dict(document)
    if "@context" in secured:
        secured["@context"] = suite.document_context(secured["@context"])
    unsecured = _document_covered_by(secured, existing, previous_proof)
    hashes = proof_hashes(unsecured, options, loader=loader)
    proof = {
        **options,
        "proofValue": "z" + base58.b58encode(signer.sign(hashes.hash_data)).decode(),
    }
    secured["proof"] = [*existing, proof]
    return secured


def proof_hashes(
    unsecured: Mapping[str, Any], proof_options: Mapping[str, Any], *, loader: Loader = None
) -> ProofHashes:
    """Canonical forms and hashes for a document (without proof) and a proof's options."""
    suite = suite_of(proof_options)
    config = {key: value for key, value in proof_options.items() if key != "proofValue"}
    if "@context" in unsecured:
        # vc-di-eddsa: the proof configuration is read in the document's context.
        config["@context"] = suite.document_context(unsecured["@context"])
    canonical_config = suite.canonicalize_proof_config(config, loader)
    canonical_document = suite.canonicalize_document(unsecured, loader)
    return ProofHashes(
        canonical_document=canonical_document,
        canonical_proof_config=canonical_config,
        document_hash=hashlib.sha256(canonical_document).digest(),
        proof_config_hash=hashlib.sha256(canonical_config).digest(),
    )


def verify_proof(
    document: Mapping[str, Any],
    proof: Mapping[str, Any],
    public_key: SignatureVerifier,
    *,
    loader: Loader = None,
) -> None:
    """Check one of ``document``'s proofs with the key its verification method resolved to.

    Returns nothing when the proof holds; raises :class:`ProofError` (or a canonicalization
    error, also a ValueError) with the reason otherwise.
    """
    suite = suite_of(proof)
    if public_key.algorithm != "Ed25519":
        raise ProofError(
            f"{suite.name} needs an Ed25519 key, but the key is {public_key.algorithm}."
        )
    signature = decode_proof_value(proof.get("proofValue"))
    _check_proof_context(document, proof)
    unsecured = _document_covered_by(document, proofs_of(document), proof.get("previousProof"))
    hashes = proof_hashes(unsecured, proof, loader=loader)
    if not public_key.verify(signature, hashes.hash_data):
        raise SignatureMismatchError(
            "The signature does not match the credential: it was changed after signing, "
            "or signed with another key."
        )


def decode_proof_value(value: Any) -> bytes:
    """The raw Ed25519 signature inside a multibase base58btc ``proofValue``."""
    if not isinstance(value, str) or not value.startswith("z"):
        raise ProofError(
            "The proofValue is missing or not multibase base58btc (it must start with 'z')."
        )
    try:
        signature = b58decode(value[1:])
    except ValueError as error:
        raise ProofError("The proofValue is not valid base58.") from error
    if len(signature) != 64:
        raise ProofError(
            f"The proofValue holds {len(signature)} bytes; an Ed25519 signature has 64."
        )
    return signature


_BASE58: Final = {
    char: index
    for index, char in enumerate("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
}


def b58decode(text: str) -> bytes:
    """``base58.b58decode(text)``, byte for byte and error for error (a ValueError), faster.

    The library turns the number into bytes one division at a time; int.to_bytes does it at
    once, which matters when every verification decodes a signature.
    """
    text = text.rstrip()
    text.encode("ascii")  # as the library does: UnicodeEncodeError, a ValueError
    digits = text.lstrip("1")
    number = 0
    try:
        for char in digits:
            number = number * 58 + _BASE58[char]
    except KeyError as error:
        raise ValueError(f"Invalid character {error.args[0]!r}") from None
    body = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return b"\0" * (len(text) - len(digits)) + body


def _check_proof_context(document: Mapping[str, Any], proof: Mapping[str, Any]) -> None:
    # vc-di-eddsa: a proof's own @context must be a prefix of the document's.
    if "@context" not in proof:
        return
    wanted = proof["@context"] if isinstance(proof["@context"], list) else [proof["@context"]]
    have = document.get("@context")
    have = have if isinstance(have, list) else [have]
    if have[: len(wanted)] != wanted:
        raise ProofError(
            "The proof's @context does not match the start of the document's @context."
        )


def _document_covered_by(
    document: Mapping[str, Any],
    proofs: Sequence[Mapping[str, Any]],
    previous_proof: Any,
) -> dict[str, Any]:
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    if previous_proof is None:
        return unsecured
    wanted = [previous_proof] if isinstance(previous_proof, str) else previous_proof
    if not isinstance(wanted, list) or not all(isinstance(item, str) for item in wanted):
        raise ProofError("previousProof must be a proof id or a list of proof ids.")
    by_id = {proof.get("id"): proof for proof in proofs if proof.get("id")}
    missing = [proof_id for proof_id in wanted if proof_id not in by_id]
    if missing:
        raise ProofError(
            f"The previous proof {missing[0]!r} named by the proof chain is not present."
        )
    chained = [copy.deepcopy(dict(by_id[proof_id])) for proof_id in wanted]
    unsecured["proof"] = chained[0] if len(chained) == 1 else chained
    return unsecured
