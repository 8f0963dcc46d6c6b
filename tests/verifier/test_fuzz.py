"""Whatever it is handed, verify() answers with a report: never a crash, never a hang.

Generated credentials signed by the core verify in every format (the round trip over the
whole model); random documents, tokens, assertions and bytes come back as reports with no
internal error and never as valid.
"""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.verifier import Response, StaticFetcher, Verdict, VerificationReport, verify
from tests.openbadges.strategies import credentials
from tests.verifier.fixtures import NOW, Issuer, Ob2Issuer

SETTINGS = {"deadline": None, "suppress_health_check": list(HealthCheck)}
VC_CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
KEYS = [
    "id", "type", "issuer", "name", "validFrom", "validUntil", "credentialSubject",
    "achievement", "proof", "credentialStatus", "credentialSchema", "endorsement",
    "endorsementJwt", "identifier", "statusListCredential", "statusPurpose",
    "statusListIndex", "verificationMethod", "proofValue", "cryptosuite", "proofPurpose",
    "created", "recipient", "badge", "verification", "issuedOn", "expires", "@context",
]  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(
        [
            "https://badges.example.org/status/revocation/1",
            "did:web:badges.example.org#key-1",
            "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "did:web:badges.example.org",
            "DataIntegrityProof",
            "eddsa-rdfc-2022",
            "eddsa-jcs-2022",
            "BitstringStatusListEntry",
            "1EdTechRevocationList",
            "OpenBadgeCredential",
            "VerifiableCredential",
            "assertionMethod",
            "revocation",
            "2025-01-01T00:00:00Z",
            "z3FXQqFwbZxKBxGxqFpCDabcdef",
        ]
    ),
)
JSON = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), children, max_size=6)
    ),
    max_leaves=30,
)


@cache
def issuer() -> Issuer:
    return Issuer(host="badges.example.org")


def assert_answered(report: VerificationReport) -> None:
    assert report.first("verifier.error") is None, report.render_text()
    json.dumps(report.to_json())
    report.render_text("de")


def _b64(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


# --- round trips over the whole model -------------------------------------------------------


def _issuable(credential: dict[str, Any]) -> dict[str, Any]:
    """A generated credential as this test issuer would issue it today."""
    credential["issuer"] = {**credential["issuer"], "id": issuer().id}
    for holder in (
        credential,
        credential["issuer"],
        credential["credentialSubject"].get("achievement", {}),
        credential["credentialSubject"].get("achievement", {}).get("creator") or {},
    ):
        holder.pop("endorsement", None)
        holder.pop("endorsementJwt", None)
    credential.pop("credentialStatus", None)
    credential["validFrom"] = (NOW - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    credential.pop("validUntil", None)
    return credential


@settings(max_examples=60, **SETTINGS)
@given(credentials(), st.sampled_from(["eddsa-rdfc-2022", "eddsa-jcs-2022", "vc-jwt"]))
def test_every_credential_the_model_can_make_verifies(credential: dict, proof_format: str) -> None:
    signed = issuer().sign(_issuable(credential), proof_format)
    report = issuer().verify(signed)
    assert report.verdict is Verdict.VALID, report.render_text()


# --- hostile documents ----------------------------------------------------------------------


@settings(max_examples=300, **SETTINGS)
@given(st.dictionaries(st.sampled_from(KEYS), JSON, max_size=10), st.booleans())
def test_random_credentials_are_answered_and_never_valid(fields: dict, vc: bool) -> None:
    document = {"@context": VC_CONTEXTS, **fields} if vc else fields
    report = issuer().verify(document)
    assert_answered(report)
    assert report.verdict is not Verdict.VALID


@settings(max_examples=200, **SETTINGS)
@given(JSON, JSON, st.binary(max_size=80))
def test_random_tokens_are_answered_and_never_valid(
    header: Any, payload: Any, signature: bytes
) -> None:
    if isinstance(payload, dict) and payload:
        payload.setdefault("@context", VC_CONTEXTS)
    signed = base64.urlsafe_b64encode(signature).decode().rstrip("=") or "AA"
    token = f"{_b64(header)}.{_b64(payload)}.{signed}"
    report = issuer().verify(token)
    assert_answered(report)
    assert report.verdict is not Verdict.VALID


@settings(max_examples=150, **SETTINGS)
@given(st.dictionaries(st.sampled_from(KEYS), JSON, max_size=8), JSON, JSON)
def test_random_ob2_assertions_and_documents_are_answered(
    fields: dict, badge: Any, profile: Any
) -> None:
    ob2 = Ob2Issuer(host="fuzz-ob2.example.org")
    ob2.fetcher.add(ob2.badge_id, badge if isinstance(badge, dict | list) else json.dumps(badge))
    ob2.fetcher.add(ob2.id, profile if isinstance(profile, dict | list) else json.dumps(profile))
    assertion = {**ob2.assertion(1), **fields}
    if isinstance(assertion.get("id"), str):
        ob2.fetcher.add(assertion["id"], assertion)
    assert_answered(ob2.verify(assertion))
    assert_answered(ob2.verify(ob2.sign(ob2.assertion(2, signed=True, **fields))))


@settings(max_examples=150, **SETTINGS)
@given(JSON, JSON, st.integers(min_value=100, max_value=599))
def test_random_remote_documents_are_answered(
    did_document: Any, status_list: Any, status: int
) -> None:
    fetcher = StaticFetcher(
        {
            "https://badges.example.org/.well-known/did.json": Response(
                "https://badges.example.org/.well-known/did.json",
                status,
                "application/json",
                json.dumps(did_document).encode(),
            ),
            issuer().revocation_url: status_list if isinstance(status_list, dict) else b"{}",
        },
        fallback=issuer().fetcher,
    )
    report = verify(issuer().signed("eddsa-jcs-2022"), fetcher=fetcher, now=NOW)
    assert_answered(report)
    assert report.verdict is not Verdict.VALID


@settings(max_examples=200, **SETTINGS)
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200)))
def test_random_input_is_answered(raw: bytes | str) -> None:
    assert_answered(issuer().verify(raw))
