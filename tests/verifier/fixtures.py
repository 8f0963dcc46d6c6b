"""Issuers and credentials for the verifier's tests, made on the fly with the core's functions.

An :class:`Issuer` has a key, a DID (did:web by default, or did:key), its DID document and
its revocation and suspension lists, all served by its own :class:`StaticFetcher` together
with the official OB 3.0 JSON Schemas. :class:`Ob2Issuer` does the same for Open Badges 2.0:
issuer profile, badge class, CryptographicKey, revocation list and hosted assertions.
Everything is judged at the fixed moment :data:`NOW`.
"""

from __future__ import annotations

import base64
import copy
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any, Final

import base58
from PIL import Image

from microcred.baking import bake_png, bake_svg
from microcred.openbadges.identity import hashed_email
from microcred.openbadges.samples import realistic_credential
from microcred.openbadges.schemas import (
    ACHIEVEMENT_CREDENTIAL_SCHEMA,
    ENDORSEMENT_CREDENTIAL_SCHEMA,
    PROFILE_SCHEMA,
)
from microcred.proofs.data_integrity import add_proof
from microcred.proofs.did import did_key, did_key_verification_method, did_web, did_web_document
from microcred.proofs.keys import KeyPair
from microcred.proofs.vc_jwt import sign_vc_jwt
from microcred.status import StatusList, status_list_credential
from microcred.verifier import Response, StaticFetcher, VerificationReport, verify
from tests.conftest import load_json

NOW: Final = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
VALID_FROM: Final = NOW - timedelta(days=30)
RECIPIENT: Final = "anna.schmidt@example.org"
SALT: Final = "c0ffee"

DATA_INTEGRITY_FORMATS: Final = ("eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020")
JWT_FORMATS: Final = ("vc-jwt", "vc-jwt-payload")
FORMATS: Final = DATA_INTEGRITY_FORMATS + JWT_FORMATS


@cache
def fixed_key(algorithm: str = "Ed25519", number: int = 0) -> KeyPair:
    """Keys reused across tests: RSA key generation is slow."""
    return KeyPair.generate(algorithm)


@cache
def schema_documents() -> dict[str, Any]:
    index: dict[str, str] = load_json("schemas/index.json")
    wanted = (ACHIEVEMENT_CREDENTIAL_SCHEMA, ENDORSEMENT_CREDENTIAL_SCHEMA, PROFILE_SCHEMA)
    return {url: load_json(f"schemas/{index[url]}") for url in wanted}


class Issuer:
    """An OB 3.0 issuer with its published documents, served by ``self.fetcher``."""

    def __init__(
        self,
        *,
        method: str = "web",
        host: str = "badges.example.org",
        key: KeyPair | None = None,
        list_format: str = "eddsa-jcs-2022",
    ) -> None:
        self.key = key or KeyPair.generate("Ed25519")
        self.host = host
        if method == "web":
            self.id = did_web(host)
            self.method = f"{self.id}#key-1"
        else:
            self.id = did_key(self.key.public_key)
            self.method = did_key_verification_method(self.key.public_key)
        self.list_format = list_format
        self.revocation_url = f"https://{host}/status/revocation/1"
        self.suspension_url = f"https://{host}/status/suspension/1"
        self.revocations = StatusList()
        self.suspensions = StatusList()
        self.fetcher = StaticFetcher(schema_documents())
        if method == "web":
            self.fetcher.add(
                f"https://{host}/.well-known/did.json",
                did_web_document(self.id, [("key-1", self.key.public_key)]),
            )
        self.publish()

    # --- status lists ------------------------------------------------------------------------

    def publish(self) -> None:
        for url, purpose, bits in (
            (self.revocation_url, "revocation", self.revocations),
            (self.suspension_url, "suspension", self.suspensions),
        ):
            document = status_list_credential(url, self.id, purpose, bits, valid_from=VALID_FROM)
            self.fetcher.add(url, self.sign(document, self.list_format))

    def revoke(self, index: int) -> None:
        self.revocations.set(index, 1)
        self.publish()

    def suspend(self, index: int) -> None:
        self.suspensions.set(index, 1)
        self.publish()

    # --- credentials -------------------------------------------------------------------------

    def credential(
        self, *, index: int = 7, purpose: str = "revocation", **options: Any
    ) -> dict[str, Any]:
        """The realistic sample credential from this issuer, unsigned.

        ``purpose`` picks its status entry: ``revocation``, ``suspension``, or ``both`` (two
        entries; the official schema allows only one, so ``credentialSchema`` is left out).
        """
        options.setdefault("valid_from", VALID_FROM)
        options.setdefault("salt", SALT)
        options.setdefault("recipient_email", RECIPIENT)
        credential = realistic_credential(
            issuer_id=self.id,
            status_list_credential=self.revocation_url,
            status_list_index=index,
            **options,
        )
        suspension = {
            "id": f"{self.suspension_url}#{index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "suspension",
            "statusListIndex": str(index),
            "statusListCredential": self.suspension_url,
        }
        if purpose == "suspension":
            credential["credentialStatus"] = suspension
        elif purpose == "both":
            credential["credentialStatus"] = [credential["credentialStatus"], suspension]
            del credential["credentialSchema"]
        return credential

    def sign(self, credential: dict[str, Any], proof_format: str = "eddsa-rdfc-2022") -> Any:
        """The credential secured in ``proof_format`` (a dict, or a JWT string)."""
        if proof_format == "vc-jwt":
            return sign_vc_jwt(credential, self.key, kid=self.method, vc_claim=True)
        if proof_format == "vc-jwt-payload":
            return sign_vc_jwt(credential, self.key, kid=self.method)
        return add_proof(
            credential,
            self.key,
            self.method,
            cryptosuite=proof_format,
            created="2025-05-01T10:00:00Z",
        )

    def signed(self, proof_format: str = "eddsa-rdfc-2022", **options: Any) -> Any:
        return self.sign(self.credential(**options), proof_format)

    def verify(self, given: Any, **options: Any) -> VerificationReport:
        options.setdefault("now", NOW)
        return verify(given, fetcher=self.fetcher, **options)


def minimal_credential(issuer: Issuer, **fields: Any) -> dict[str, Any]:
    """A small OB 3.0 credential (no schema, no status): cheap to sign and verify."""
    credential: dict[str, Any] = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:0e3f1c5a-8a7b-4c1e-9d2f-3b4a5c6d7e8f",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Team Player",
        "issuer": {"id": issuer.id, "type": ["Profile"], "name": "Test Academy"},
        "validFrom": "2025-01-01T00:00:00Z",
        "validUntil": "2030-01-01T00:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [hashed_email(RECIPIENT, SALT).to_json()],
            "achievement": {
                "id": "https://badges.example.org/achievements/team-player",
                "type": ["Achievement"],
                "name": "Team Player",
                "description": "Works well with others.",
                "criteria": {"narrative": "Completed three group projects."},
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": "Teamwork",
                        "targetUrl": "https://example.org/skills/teamwork",
                    },
                    {
                        "type": ["Alignment"],
                        "targetName": "Communication",
                        "targetUrl": "https://example.org/skills/communication",
                    },
                ],
            },
        },
    }
    credential.update(fields)
    return credential


def endorsement(
    endorser: Issuer, subject_id: str, proof_format: str = "eddsa-jcs-2022", **fields: Any
) -> Any:
    document: dict[str, Any] = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:5a1d0c0e-2f53-4a59-8f7c-1c6f3b2e9d10",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": "Accreditation",
        "issuer": {"id": endorser.id, "type": ["Profile"], "name": "Accreditation Agency"},
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {
            "id": subject_id,
            "type": ["EndorsementSubject"],
            "endorsementComment": "In good standing.",
        },
    }
    document.update(fields)
    return endorser.sign(document, proof_format)


# --- images -----------------------------------------------------------------------------------


@cache
def blank_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (4, 4), (200, 30, 30, 255)).save(buffer, format="PNG")
    return buffer.getvalue()


BLANK_SVG: Final = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">'
    b'<rect width="4" height="4" fill="red"/></svg>'
)


def baked(credential: Any, image: str) -> bytes:
    if image == "png":
        return bake_png(blank_png(), credential)
    return bake_svg(BLANK_SVG, credential)


# --- Open Badges 2.0 --------------------------------------------------------------------------


class Ob2Issuer:
    """An OB 2.0 issuer: profile, badge class, key, revocation list and hosted assertions."""

    def __init__(self, host: str = "ob2.example.org") -> None:
        self.host = host
        self.base = f"https://{host}"
        self.key = fixed_key("RSA")
        self.id = f"{self.base}/issuer"
        self.key_id = f"{self.base}/keys/1"
        self.badge_id = f"{self.base}/badges/python"
        self.revocation_url = f"{self.base}/revocations"
        self.revoked: list[Any] = []
        self.fetcher = StaticFetcher()
        self.profile: dict[str, Any] = {
            "@context": "https://w3id.org/openbadges/v2",
            "type": "Issuer",
            "id": self.id,
            "name": "Old School Academy",
            "url": self.base,
            "email": "badges@ob2.example.org",
            "publicKey": self.key_id,
            "revocationList": self.revocation_url,
        }
        self.fetcher.add(self.id, self.profile)
        self.fetcher.add(
            self.badge_id,
            {
                "@context": "https://w3id.org/openbadges/v2",
                "type": "BadgeClass",
                "id": self.badge_id,
                "name": "Python Basics",
                "description": "Knows the basics of Python.",
                "image": f"{self.base}/badges/python.png",
                "criteria": {"narrative": "Passed the exam."},
                "issuer": self.id,
            },
        )
        pem = self.key.public_key.cryptography_key.public_bytes(encoding=_PEM, format=_SPKI).decode(
            "ascii"
        )
        self.fetcher.add(
            self.key_id,
            {
                "@context": "https://w3id.org/openbadges/v2",
                "type": "CryptographicKey",
                "id": self.key_id,
                "owner": self.id,
                "publicKeyPem": pem,
            },
        )
        self.publish_revocations()

    def publish_revocations(self) -> None:
        self.fetcher.add(
            self.revocation_url,
            {
                "@context": "https://w3id.org/openbadges/v2",
                "type": "RevocationList",
                "id": self.revocation_url,
                "issuer": self.id,
                "revokedAssertions": self.revoked,
            },
        )

    def assertion(self, number: int = 1, *, signed: bool = False, **fields: Any) -> dict:
        identity = hashed_email(RECIPIENT, SALT)
        assertion: dict[str, Any] = {
            "@context": "https://w3id.org/openbadges/v2",
            "type": "Assertion",
            "id": f"{self.base}/assertions/{number}"
            if not signed
            else f"urn:uuid:9b8e7d6c-5b4a-4392-8172-6a5b4c3d2e{number:02d}",
            "recipient": {
                "type": "email",
                "hashed": True,
                "salt": SALT,
                "identity": identity.identity_hash,
            },
            "badge": self.badge_id,
            "verification": {"type": "signed", "creator": self.key_id}
            if signed
            else {"type": "hosted"},
            "issuedOn": "2025-01-15T09:00:00Z",
        }
        assertion.update(fields)
        return assertion

    def host_assertion(self, assertion: dict[str, Any]) -> dict[str, Any]:
        self.fetcher.add(assertion["id"], copy.deepcopy(assertion))
        return assertion

    def gone(self, assertion: dict[str, Any]) -> None:
        self.fetcher.add(assertion["id"], Response(assertion["id"], 410, "text/plain", b"Gone"))

    def sign(self, assertion: dict[str, Any], header: dict[str, Any] | None = None) -> str:
        header = header or {"alg": "RS256"}
        signing_input = _b64(json.dumps(header)) + "." + _b64(json.dumps(assertion))
        signature = self.key.sign(signing_input.encode("ascii"))
        return signing_input + "." + base64.urlsafe_b64encode(signature).rstrip(b"=").decode()

    def verify(self, given: Any, **options: Any) -> VerificationReport:
        options.setdefault("now", NOW)
        return verify(given, fetcher=self.fetcher, **options)


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).rstrip(b"=").decode("ascii")


def _serialization() -> tuple[Any, Any]:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return Encoding.PEM, PublicFormat.SubjectPublicKeyInfo


_PEM, _SPKI = _serialization()


# --- report helpers ---------------------------------------------------------------------------


def outcomes(report: VerificationReport, code: str) -> list[str]:
    return [check.outcome.value for check in report.checks if check.code == code]


def failed_codes(report: VerificationReport) -> list[str]:
    return [check.code for check in report.checks if check.outcome.value == "failed"]


def describe(report: VerificationReport) -> str:
    """The report as text, for assertion messages."""
    return report.render_text()


def jwt_with_payload(token: str, change: Callable[[dict[str, Any]], None]) -> str:
    """``token`` with ``change`` applied to its credential, the old signature kept."""
    header, payload, signature = token.split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    change(data.get("vc", data))
    return f"{header}.{_b64(json.dumps(data))}.{signature}"


def sign_like_a_lax_issuer(credential: dict[str, Any], issuer: Issuer) -> dict[str, Any]:
    """eddsa-rdfc-2022 as an implementation without JSON-LD safe mode signs it: undefined
    properties are silently dropped from what the signature covers."""
    import hashlib

    from pyld import jsonld

    from microcred.openbadges.contexts import document_loader

    def nquads(document: dict[str, Any]) -> bytes:
        options = {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": document_loader,
        }
        return jsonld.normalize(document, options).encode()

    config = {
        "@context": credential["@context"],
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2025-05-01T10:00:00Z",
        "verificationMethod": issuer.method,
        "proofPurpose": "assertionMethod",
    }
    data = hashlib.sha256(nquads(config)).digest() + hashlib.sha256(nquads(credential)).digest()
    proof = {key: value for key, value in config.items() if key != "@context"}
    proof["proofValue"] = "z" + base58.b58encode(issuer.key.sign(data)).decode()
    return {**credential, "proof": [proof]}


def baked_ob2_png(text: str) -> bytes:
    """A PNG with an Open Badges 2.0 ``openbadges`` iTXt chunk (baking writes only OB 3.0)."""
    import struct
    import zlib

    png = blank_png()
    body = b"openbadges\0\0\0\0\0" + text.encode("utf-8")
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"iTXt" + body))
    first_idat = png.index(b"IDAT") - 4
    return png[:first_idat] + chunk + png[first_idat:]
