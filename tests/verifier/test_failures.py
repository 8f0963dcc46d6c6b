"""Every way a credential can be wrong yields invalid or indeterminate, on the right line.

Each test builds its own broken credential and checks the verdict, which check fails, and
that the sentence says why in English and German.
"""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest

from microcred.proofs.data_integrity import add_proof
from microcred.proofs.did import did_key, did_key_verification_method
from microcred.proofs.keys import KeyPair
from microcred.verifier import Outcome, Verdict, VerificationReport
from tests.verifier.fixtures import (
    FORMATS,
    NOW,
    VALID_FROM,
    Issuer,
    baked,
    blank_png,
    describe,
    failed_codes,
    jwt_with_payload,
    sign_like_a_lax_issuer,
)


@pytest.fixture(scope="module")
def issuer() -> Issuer:
    return Issuer()


def line(report: VerificationReport, code: str, outcome: Outcome) -> str:
    """The English sentence of the first ``code`` line with ``outcome``; fails if none."""
    for check in report.checks:
        if check.code == code and check.outcome is outcome:
            assert check.message.de and check.message.de != check.message.en
            return check.message.en
    raise AssertionError(f"no {outcome.value} {code} line in:\n{describe(report)}")


@pytest.mark.parametrize("proof_format", FORMATS)
def test_a_tampered_field_breaks_the_signature(issuer: Issuer, proof_format: str) -> None:
    def tamper(credential: dict) -> None:
        credential["credentialSubject"]["creditsEarned"] = 30.0

    signed = issuer.signed(proof_format)
    if isinstance(signed, str):
        tampered = jwt_with_payload(signed, tamper)
    else:
        tampered = copy.deepcopy(signed)
        tamper(tampered)
    report = issuer.verify(tampered)
    assert report.verdict is Verdict.INVALID
    assert "changed after signing" in line(report, "proof.signature", Outcome.FAILED)


def test_a_signature_by_another_key_under_the_issuers_name_fails(issuer: Issuer) -> None:
    forger = KeyPair.generate()
    forged = add_proof(issuer.credential(), forger, issuer.method)
    report = issuer.verify(forged)
    assert report.verdict is Verdict.INVALID
    assert "another key" in line(report, "proof.signature", Outcome.FAILED)


def test_a_credential_signed_by_someone_elses_key_is_forged(issuer: Issuer) -> None:
    forger = KeyPair.generate()
    forged = add_proof(issuer.credential(), forger, did_key_verification_method(forger.public_key))
    report = issuer.verify(forged)
    assert report.verdict is Verdict.INVALID
    sentence = line(report, "issuer.key", Outcome.FAILED)
    assert "forged" in sentence and did_key(forger.public_key) in sentence
    assert report.first("proof.signature").outcome is Outcome.SKIPPED


def test_an_expired_credential_is_invalid(issuer: Issuer) -> None:
    report = issuer.verify(issuer.signed("eddsa-jcs-2022"), now=NOW + timedelta(days=6 * 365))
    assert report.verdict is Verdict.INVALID
    assert "expired on" in line(report, "dates.expired", Outcome.FAILED)
    assert failed_codes(report) == ["dates.expired"]


def test_a_credential_not_yet_valid_is_invalid(issuer: Issuer) -> None:
    report = issuer.verify(issuer.signed("eddsa-jcs-2022"), now=VALID_FROM - timedelta(hours=1))
    assert report.verdict is Verdict.INVALID
    assert "not valid yet" in line(report, "dates.not_yet_valid", Outcome.FAILED)


def test_a_revoked_credential_is_invalid() -> None:
    issuer = Issuer(host="revoking.example.org")
    signed = issuer.signed("eddsa-rdfc-2022", index=123)
    issuer.revoke(123)
    report = issuer.verify(signed)
    assert report.verdict is Verdict.INVALID
    assert "revoked" in line(report, "status.revoked", Outcome.FAILED)
    assert report.facts.status == "revoked"


def test_a_suspended_credential_is_invalid() -> None:
    issuer = Issuer(host="suspending.example.org")
    signed = issuer.signed("eddsa-jcs-2022", index=5, purpose="both")
    assert issuer.verify(signed).verdict is Verdict.VALID
    issuer.suspend(5)
    report = issuer.verify(signed)
    assert report.verdict is Verdict.INVALID
    assert "suspended" in line(report, "status.suspended", Outcome.FAILED)
    assert report.first("status.revoked").outcome is Outcome.PASSED
    assert report.facts.status == "suspended"


def test_an_unknown_did_method_leaves_the_verdict_open(issuer: Issuer) -> None:
    credential = issuer.credential()
    credential["issuer"]["id"] = "did:ion:EiClkZMDxPKqC9c-umQfTkR8vvZ9JPhl_xLDI9Nfk38w5w"
    signed = add_proof(credential, issuer.key, credential["issuer"]["id"] + "#key-1")
    report = issuer.verify(signed)
    assert report.verdict is Verdict.INDETERMINATE
    assert "did:ion" in line(report, "issuer.key", Outcome.INDETERMINATE)
    assert report.first("proof.signature").outcome is Outcome.INDETERMINATE


@pytest.mark.parametrize(
    "value",
    ["not-multibase", "z", "zzzz", "z" + "1" * 90, "uAAAA", 42, None],
    ids=["plain", "empty", "short", "long", "base64", "number", "missing"],
)
def test_a_malformed_proof_value_fails(issuer: Issuer, value: object) -> None:
    signed = issuer.signed("eddsa-jcs-2022")
    signed["proof"][0]["proofValue"] = value
    report = issuer.verify(signed)
    assert report.verdict is Verdict.INVALID
    assert "proofValue" in line(report, "proof.signature", Outcome.FAILED)


def test_an_undefined_json_ld_term_is_refused(issuer: Issuer) -> None:
    credential = issuer.credential()
    credential["credentialSubject"]["secretGrade"] = "A+"
    signed = sign_like_a_lax_issuer(credential, issuer)
    report = issuer.verify(signed)
    assert report.verdict is Verdict.INVALID
    assert "secretGrade" in line(report, "proof.signature", Outcome.FAILED)
    # The signature itself is sound: only the unsigned property makes it fail.
    del signed["credentialSubject"]["secretGrade"]
    assert issuer.verify(signed).first("proof.signature").outcome is Outcome.PASSED


def test_an_undefined_term_added_after_signing_is_refused(issuer: Issuer) -> None:
    signed = issuer.signed()
    signed["credentialSubject"]["secretGrade"] = "A+"
    report = issuer.verify(signed)
    assert report.verdict is Verdict.INVALID
    assert "secretGrade" in line(report, "proof.signature", Outcome.FAILED)


def test_a_broken_image_is_reported(issuer: Issuer) -> None:
    image = bytearray(baked(issuer.signed(), "png"))
    image[40] ^= 0xFF
    report = issuer.verify(bytes(image))
    assert report.verdict is Verdict.INVALID
    assert "image cannot be read" in line(report, "input.format", Outcome.FAILED)


def test_an_image_without_a_badge_is_reported(issuer: Issuer) -> None:
    report = issuer.verify(blank_png())
    assert report.verdict is Verdict.INVALID
    assert "no badge" in line(report, "input.format", Outcome.FAILED)


def test_an_unsigned_credential_is_invalid(issuer: Issuer) -> None:
    report = issuer.verify(issuer.credential())
    assert report.verdict is Verdict.INVALID
    assert "not signed" in line(report, "proof.signature", Outcome.FAILED)


def test_an_unreachable_status_list_leaves_the_verdict_open() -> None:
    issuer = Issuer(host="flaky.example.org")
    signed = issuer.signed("eddsa-jcs-2022")
    del issuer.fetcher._documents[issuer.revocation_url]
    report = issuer.verify(signed)
    assert report.verdict is Verdict.INDETERMINATE
    assert "could not be fetched" in line(report, "status.revoked", Outcome.INDETERMINATE)
    assert report.facts.status == "unknown"


def test_a_status_list_signed_by_someone_else_is_not_trusted() -> None:
    issuer = Issuer(host="victim.example.org")
    signed = issuer.signed("eddsa-jcs-2022")
    attacker = Issuer(method="key")
    forged_list = copy.deepcopy(issuer.fetcher.fetch(issuer.revocation_url).body)
    import json

    document = json.loads(forged_list)
    del document["proof"]
    document["issuer"] = attacker.id
    issuer.fetcher.add(issuer.revocation_url, attacker.sign(document, "eddsa-jcs-2022"))
    report = issuer.verify(signed)
    assert report.verdict is Verdict.INDETERMINATE
    assert "not by the credential's issuer" in line(report, "status.revoked", Outcome.INDETERMINATE)


def test_a_tampered_status_list_is_not_trusted() -> None:
    issuer = Issuer(host="tampered-list.example.org")
    signed = issuer.signed("eddsa-jcs-2022", index=9)
    import json

    document = json.loads(issuer.fetcher.fetch(issuer.revocation_url).body)
    document["validUntil"] = "2099-01-01T00:00:00Z"
    issuer.fetcher.add(issuer.revocation_url, document)
    report = issuer.verify(signed)
    assert report.verdict is Verdict.INDETERMINATE
    assert "could not be verified" in line(report, "status.revoked", Outcome.INDETERMINATE)
