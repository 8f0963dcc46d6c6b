"""Which standard a credential follows and whether it has the parts the checks rely on."""

from __future__ import annotations

import pytest

from microcred.verifier import Outcome, Verdict
from tests.verifier.fixtures import NOW, Issuer, describe, minimal_credential


@pytest.fixture(scope="module")
def issuer() -> Issuer:
    return Issuer(method="key")


def vc11(issuer: Issuer, **fields: object) -> dict:
    credential = minimal_credential(issuer)
    credential["@context"] = [
        "https://www.w3.org/2018/credentials/v1",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    credential["issuanceDate"] = credential.pop("validFrom")
    credential["expirationDate"] = credential.pop("validUntil")
    credential.update(fields)
    return credential


def test_a_vc_1_1_form_credential_is_recognized_and_verified(issuer: Issuer) -> None:
    report = issuer.verify(issuer.sign(vc11(issuer), "eddsa-jcs-2022"))
    assert report.verdict is Verdict.VALID, describe(report)
    assert report.facts.standard == "Open Badges 3.0 (VC 1.1)"
    assert report.facts.valid_until == "2030-01-01T00:00:00Z"
    expired = issuer.sign(vc11(issuer, expirationDate="2025-02-01T00:00:00Z"), "eddsa-jcs-2022")
    assert issuer.verify(expired).first("dates.expired").outcome is Outcome.FAILED


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"issuer": None}, "issuer"),
        ({"issuer": {"name": "No id"}}, "issuer"),
        ({"type": ["VerifiableCredential"]}, "type"),
        ({"credentialSubject": "someone"}, "credentialSubject"),
        ({"credentialSubject": {"type": ["AchievementSubject"]}}, "achievement"),
        ({"validFrom": None}, "validFrom"),
        ({"id": None}, "id"),
    ],
)
def test_missing_parts_fail_the_structure(issuer: Issuer, change: dict, problem: str) -> None:
    credential = minimal_credential(issuer)
    for key, value in change.items():
        if value is None:
            del credential[key]
        else:
            credential[key] = value
    report = issuer.verify(credential)
    line = report.first("format.structure")
    assert line.outcome is Outcome.FAILED and problem in line.message.en
    assert report.verdict is Verdict.INVALID


def test_a_document_that_is_no_verifiable_credential_is_refused(issuer: Issuer) -> None:
    report = issuer.verify({"@context": "https://schema.org", "name": "Not a badge"})
    assert report.verdict is Verdict.INVALID
    assert report.first("format.standard").outcome is Outcome.FAILED
    report = issuer.verify(
        {**minimal_credential(issuer), "@context": ["https://www.w3.org/ns/credentials/v2"]}
    )
    assert "Open Badges 3.0" in report.first("format.structure").message.en


def test_facts_are_read_whatever_the_verdict(issuer: Issuer) -> None:
    report = issuer.verify(minimal_credential(issuer), now=NOW)
    assert report.verdict is Verdict.INVALID
    assert report.facts.achievement_name == "Team Player"
    assert report.facts.issuer_name == "Test Academy"
    assert report.facts.micro_credential == {}
