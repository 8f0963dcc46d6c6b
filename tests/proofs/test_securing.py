"""Securing a credential in the issuer's chosen format."""

from __future__ import annotations

import pytest

from microcred.proofs.data_integrity import verify_proof
from microcred.proofs.did import did_key_verification_method
from microcred.proofs.keys import KeyPair
from microcred.proofs.securing import ProofFormat, secure
from microcred.proofs.vc_jwt import parse_vc_jwt, verify_vc_jwt

KEY = KeyPair.generate()
METHOD = did_key_verification_method(KEY.public_key)
CREDENTIAL = {
    "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    "id": "urn:uuid:6f1c2a4e-8d1b-4c5e-9f3a-2b7d8e9f0a1b",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": {"id": METHOD.partition("#")[0], "type": ["Profile"], "name": "ACME"},
    "validFrom": "2026-01-01T00:00:00Z",
    "credentialSubject": {
        "type": ["AchievementSubject"],
        "achievement": {
            "id": "urn:uuid:0d9e0f3c-1111-4222-8333-944455566677",
            "type": ["Achievement"],
            "name": "ESG reporting",
            "criteria": {"narrative": "Wrote a CSRD-compliant report."},
        },
    },
}


@pytest.mark.parametrize("name", ["rdfc", "eddsa-rdfc-2022", "jcs", "eddsa-jcs-2022"])
def test_embedded_proof_formats_verify(name):
    signed = secure(CREDENTIAL, KEY, METHOD, ProofFormat.parse(name))
    assert signed["proof"][0]["cryptosuite"] == ProofFormat.parse(name).value
    verify_proof(signed, signed["proof"][0], KEY.public_key)


def test_vc_jwt_carries_the_credential_as_its_payload():
    token = secure(CREDENTIAL, KEY, METHOD, ProofFormat.parse("jwt"))
    parsed = parse_vc_jwt(token)
    assert parsed.header["kid"] == METHOD
    assert parsed.payload["iss"] == CREDENTIAL["issuer"]["id"]
    assert parsed.payload["jti"] == CREDENTIAL["id"]
    assert verify_vc_jwt(token, KEY.public_key)["id"] == CREDENTIAL["id"]


def test_an_unknown_format_is_explained():
    with pytest.raises(ValueError, match="rdfc, jcs, jwt"):
        ProofFormat.parse("bbs")
