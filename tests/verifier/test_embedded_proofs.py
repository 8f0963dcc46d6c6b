"""Embedded Data Integrity proofs: proof sets, chains, purposes, expiry, unknown suites."""

from __future__ import annotations

import pytest

from microcred.proofs.data_integrity import add_proof
from microcred.verifier import Outcome, Verdict
from tests.verifier.fixtures import Issuer, describe, minimal_credential


@pytest.fixture(scope="module")
def issuer() -> Issuer:
    return Issuer(method="key")


def sign(issuer: Issuer, document: dict, suite: str, **options: object) -> dict:
    return add_proof(document, issuer.key, issuer.method, cryptosuite=suite, **options)  # type: ignore[arg-type]


def test_a_proof_set_holds_when_every_proof_holds(issuer: Issuer) -> None:
    signed = sign(
        issuer, sign(issuer, minimal_credential(issuer), "eddsa-rdfc-2022"), "eddsa-jcs-2022"
    )
    report = issuer.verify(signed)
    assert report.verdict is Verdict.VALID, describe(report)
    assert [line.outcome for line in report.with_code("proof.signature")] == [Outcome.PASSED] * 2


def test_one_broken_proof_in_a_set_fails_the_credential(issuer: Issuer) -> None:
    signed = sign(
        issuer, sign(issuer, minimal_credential(issuer), "eddsa-rdfc-2022"), "eddsa-jcs-2022"
    )
    signed["proof"][1]["proofValue"] = signed["proof"][0]["proofValue"]
    assert issuer.verify(signed).verdict is Verdict.INVALID


def test_a_proof_chain_verifies_and_a_missing_link_fails(issuer: Issuer) -> None:
    first = sign(issuer, minimal_credential(issuer), "eddsa-jcs-2022", proof_id="urn:uuid:p1")
    chained = sign(
        issuer, first, "eddsa-rdfc-2022", proof_id="urn:uuid:p2", previous_proof="urn:uuid:p1"
    )
    assert issuer.verify(chained).verdict is Verdict.VALID
    chained["proof"] = [chained["proof"][1]]
    report = issuer.verify(chained)
    assert report.verdict is Verdict.INVALID
    assert "urn:uuid:p1" in report.first("proof.signature").message.en


def test_an_unknown_suite_beside_a_valid_proof_is_skipped(issuer: Issuer) -> None:
    signed = sign(issuer, minimal_credential(issuer), "eddsa-jcs-2022")
    signed["proof"].append({**signed["proof"][0], "cryptosuite": "ecdsa-rdfc-2019"})
    report = issuer.verify(signed)
    assert report.verdict is Verdict.VALID, describe(report)
    assert report.with_code("proof.signature")[-1].outcome is Outcome.SKIPPED


def test_only_an_unknown_suite_leaves_the_verdict_open(issuer: Issuer) -> None:
    signed = sign(issuer, minimal_credential(issuer), "eddsa-jcs-2022")
    signed["proof"][0]["cryptosuite"] = "bbs-2023"
    report = issuer.verify(signed)
    assert report.verdict is Verdict.INDETERMINATE
    assert "bbs-2023" in report.first("proof.signature").message.en


def test_a_proof_for_another_purpose_does_not_vouch(issuer: Issuer) -> None:
    signed = sign(
        issuer, minimal_credential(issuer), "eddsa-jcs-2022", proof_purpose="authentication"
    )
    report = issuer.verify(signed)
    assert report.verdict is Verdict.INVALID
    assert "authentication" in report.first("proof.signature").message.en


def test_an_expired_proof_fails(issuer: Issuer) -> None:
    signed = sign(issuer, minimal_credential(issuer), "eddsa-jcs-2022")
    signed["proof"][0]["expires"] = "2025-01-01T00:00:00Z"
    report = issuer.verify(signed)
    assert report.first("proof.signature").outcome is Outcome.FAILED


@pytest.mark.parametrize("proof", [[], "proof", [1, 2], [{}] * 9])
def test_malformed_proof_lists_fail(issuer: Issuer, proof: object) -> None:
    report = issuer.verify({**minimal_credential(issuer), "proof": proof})
    assert report.verdict is Verdict.INVALID
    assert report.first("proof.signature").outcome is Outcome.FAILED
