"""Endorsements inside a credential: each verified on its own and reported on its own line."""

from __future__ import annotations

import copy

from microcred.verifier import Outcome, Verdict
from tests.verifier.fixtures import Issuer, describe, endorsement, minimal_credential


def endorsed(issuer: Issuer, *items: object, where: str = "credential") -> dict:
    credential = minimal_credential(issuer)
    holder = {
        "credential": credential,
        "issuer": credential["issuer"],
        "achievement": credential["credentialSubject"]["achievement"],
    }[where]
    for item in items:
        key = "endorsementJwt" if isinstance(item, str) else "endorsement"
        holder.setdefault(key, []).append(item)
    return credential


def test_valid_endorsements_on_every_holder_are_reported() -> None:
    issuer, agency = Issuer(host="endorsed.example.org"), Issuer(method="key")
    credential = minimal_credential(issuer)
    credential["endorsement"] = [endorsement(agency, credential["id"])]
    credential["issuer"]["endorsement"] = [endorsement(agency, issuer.id, "eddsa-rdfc-2022")]
    achievement = credential["credentialSubject"]["achievement"]
    achievement["endorsementJwt"] = [endorsement(agency, achievement["id"], "vc-jwt")]
    report = issuer.verify(issuer.sign(credential, "eddsa-jcs-2022"))
    assert report.verdict is Verdict.VALID, describe(report)
    lines = report.with_code("endorsement")
    assert [line.outcome for line in lines] == [Outcome.PASSED] * 3
    assert all("Accreditation Agency" in line.message.en for line in lines)
    assert {line.details["on"] for line in lines} == {"credential", "issuer", "achievement"}


def test_a_tampered_endorsement_fails_the_credential() -> None:
    issuer, agency = Issuer(host="tampered-endorsement.example.org"), Issuer(method="key")
    item = endorsement(agency, "urn:uuid:0e3f1c5a-8a7b-4c1e-9d2f-3b4a5c6d7e8f")
    item["credentialSubject"]["endorsementComment"] = "The best school in the world."
    report = issuer.verify(issuer.sign(endorsed(issuer, item), "eddsa-jcs-2022"))
    assert report.verdict is Verdict.INVALID
    line = report.first("endorsement")
    assert line.outcome is Outcome.FAILED and "not authentic" in line.message.en
    assert "nicht echt" in line.message.de


def test_an_endorsement_copied_from_another_credential_fails() -> None:
    issuer, agency = Issuer(host="copied.example.org"), Issuer(method="key")
    item = endorsement(agency, "https://other.example.org/credentials/1")
    report = issuer.verify(issuer.sign(endorsed(issuer, item), "eddsa-jcs-2022"))
    assert report.verdict is Verdict.INVALID
    assert "other.example.org" in report.first("endorsement").message.en


def test_an_expired_endorsement_is_authentic_but_says_so() -> None:
    issuer, agency = Issuer(host="lapsed.example.org"), Issuer(method="key")
    item = endorsement(
        agency,
        "urn:uuid:0e3f1c5a-8a7b-4c1e-9d2f-3b4a5c6d7e8f",
        validUntil="2025-02-01T00:00:00Z",
    )
    report = issuer.verify(issuer.sign(endorsed(issuer, item), "eddsa-jcs-2022"))
    assert report.verdict is Verdict.VALID, describe(report)
    line = report.first("endorsement")
    assert line.outcome is Outcome.PASSED and "expired" in line.message.en


def test_an_endorsement_that_cannot_be_checked_leaves_the_verdict_open() -> None:
    issuer, stranger = Issuer(host="open.example.org"), Issuer(host="unreachable.example.org")
    item = endorsement(stranger, "urn:uuid:0e3f1c5a-8a7b-4c1e-9d2f-3b4a5c6d7e8f")
    report = issuer.verify(issuer.sign(endorsed(issuer, item), "eddsa-jcs-2022"))
    assert report.verdict is Verdict.INDETERMINATE
    assert report.first("endorsement").outcome is Outcome.INDETERMINATE


def test_unreadable_endorsements_fail() -> None:
    issuer = Issuer(host="garbled.example.org")
    report = issuer.verify(issuer.sign(endorsed(issuer, "not.a.jwt", 42), "eddsa-jcs-2022"))
    assert report.verdict is Verdict.INVALID
    assert [line.outcome for line in report.with_code("endorsement")] == [Outcome.FAILED] * 2


def test_endorsements_beyond_the_limit_are_not_checked() -> None:
    issuer, agency = Issuer(host="many.example.org"), Issuer(method="key")
    item = endorsement(agency, "urn:uuid:0e3f1c5a-8a7b-4c1e-9d2f-3b4a5c6d7e8f")
    report = issuer.verify(
        issuer.sign(endorsed(issuer, *[copy.deepcopy(item) for _ in range(12)]), "eddsa-jcs-2022")
    )
    lines = report.with_code("endorsement")
    assert len(lines) == 11 and lines[-1].outcome is Outcome.SKIPPED
