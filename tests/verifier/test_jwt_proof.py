"""VC-JWT: keys named by kid or carried as jwk, algorithms, enveloped credentials."""

from __future__ import annotations

import base64

from microcred.proofs.vc_jwt import sign_vc_jwt
from microcred.verifier import Outcome, Verdict
from tests.verifier.fixtures import Issuer, describe, minimal_credential


def test_a_jwk_in_the_header_counts_for_a_did_key_issuer() -> None:
    issuer = Issuer(method="key")
    token = sign_vc_jwt(minimal_credential(issuer), issuer.key, embed_jwk=True)
    report = issuer.verify(token)
    assert report.verdict is Verdict.VALID, describe(report)


def test_a_jwk_in_the_header_alone_cannot_speak_for_a_did_web_issuer() -> None:
    issuer = Issuer(host="jwk-only.example.org")
    token = sign_vc_jwt(minimal_credential(issuer), issuer.key, embed_jwk=True)
    report = issuer.verify(token)
    assert report.verdict is Verdict.INDETERMINATE
    assert report.first("issuer.key").outcome is Outcome.INDETERMINATE


def test_a_relative_kid_is_read_against_the_issuer() -> None:
    issuer = Issuer(host="relative-kid.example.org")
    token = sign_vc_jwt(minimal_credential(issuer), issuer.key, kid="#key-1")
    assert issuer.verify(token).verdict is Verdict.VALID


def test_a_jwt_signed_by_a_stranger_under_the_issuers_kid_fails() -> None:
    issuer, stranger = Issuer(host="kid.example.org"), Issuer(method="key")
    token = sign_vc_jwt(minimal_credential(issuer), stranger.key, kid=issuer.method)
    report = issuer.verify(token)
    assert report.verdict is Verdict.INVALID
    assert "another key" in report.first("proof.signature").message.en


def test_an_unsigned_jwt_proves_nothing() -> None:
    issuer = Issuer(method="key")
    payload = issuer.sign(minimal_credential(issuer), "vc-jwt").split(".")[1]
    none = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').rstrip(b"=").decode()
    report = issuer.verify(f"{none}.{payload}.AAAA")
    assert report.verdict is Verdict.INVALID
    assert "alg none" in report.first("proof.signature").message.en


def test_an_enveloped_credential_is_verified_as_its_jwt() -> None:
    issuer = Issuer(method="key")
    token = issuer.sign(minimal_credential(issuer), "vc-jwt-payload")
    envelope = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "data:application/vc+jwt," + token,
        "type": "EnvelopedVerifiableCredential",
    }
    assert issuer.verify(envelope).verdict is Verdict.VALID


def test_a_jws_that_carries_no_credential_is_reported() -> None:
    issuer = Issuer(method="key")
    report = issuer.verify("eyJhbGciOiJFZERTQSJ9.eyJmb28iOjF9.c2ln")
    assert report.verdict is Verdict.INVALID
    assert "does not carry a badge" in report.first("format.standard").message.en
