"""Open Badges 2.0: hosted assertions (valid, gone, revoked, changed) and signed ones (JWS)."""

from __future__ import annotations

import pytest

from microcred.verifier import Outcome, Verdict
from tests.verifier.fixtures import RECIPIENT, Ob2Issuer, baked_ob2_png, describe


@pytest.fixture
def issuer() -> Ob2Issuer:
    return Ob2Issuer()


def test_a_hosted_assertion_verifies_from_json_url_and_image(issuer: Ob2Issuer) -> None:
    assertion = issuer.host_assertion(issuer.assertion(1))
    for given in (assertion, assertion["id"], baked_ob2_png(assertion["id"])):
        report = issuer.verify(given, recipient=RECIPIENT)
        assert report.verdict is Verdict.VALID, describe(report)
        assert report.facts.standard == "Open Badges 2.0 (hosted)"
        assert report.facts.achievement_name == "Python Basics"
        assert report.facts.issuer_name == "Old School Academy"
        assert report.facts.recipient_identifier == "hashed e-mail"
        assert report.first("recipient.match").outcome is Outcome.PASSED


def test_a_baked_ob2_svg_with_the_assertion_json_verifies(issuer: Ob2Issuer) -> None:
    from microcred.baking import OB2_NAMESPACE

    assertion = issuer.host_assertion(issuer.assertion(2))
    import json

    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="{OB2_NAMESPACE}">'
        f'<openbadges:assertion verify="{assertion["id"]}"><![CDATA[{json.dumps(assertion)}]]>'
        "</openbadges:assertion></svg>"
    ).encode()
    report = issuer.verify(svg)
    assert report.verdict is Verdict.VALID, describe(report)


def test_a_hosted_assertion_answering_410_is_revoked(issuer: Ob2Issuer) -> None:
    assertion = issuer.assertion(3)
    issuer.gone(assertion)
    for given in (assertion, assertion["id"]):
        report = issuer.verify(given)
        assert report.verdict is Verdict.INVALID, describe(report)
        revoked = report.first("status.revoked")
        assert revoked.outcome is Outcome.FAILED
        assert "410" in revoked.message.en and "zurückgezogen" in revoked.message.de


def test_a_hosted_assertion_marked_revoked_is_revoked(issuer: Ob2Issuer) -> None:
    assertion = issuer.host_assertion(
        issuer.assertion(4, revoked=True, revocationReason="Cheating")
    )
    report = issuer.verify(assertion)
    assert report.verdict is Verdict.INVALID, describe(report)
    revoked = report.first("status.revoked")
    assert revoked.outcome is Outcome.FAILED
    assert revoked.details["revocationReason"] == "Cheating"
    assert report.facts.status == "revoked"


def test_a_copy_that_differs_from_the_hosted_assertion_fails(issuer: Ob2Issuer) -> None:
    assertion = issuer.host_assertion(issuer.assertion(5))
    changed = {**assertion, "issuedOn": "2020-01-01T00:00:00Z"}
    report = issuer.verify(changed)
    assert report.verdict is Verdict.INVALID
    line = report.first("ob2.hosted")
    assert line.outcome is Outcome.FAILED and "issuedOn" in line.message.en


def test_an_assertion_hosted_outside_the_issuers_domain_fails(issuer: Ob2Issuer) -> None:
    assertion = issuer.assertion(6, id="https://impostor.example.net/assertions/6")
    issuer.host_assertion(assertion)
    report = issuer.verify(assertion)
    assert report.verdict is Verdict.INVALID
    policy = report.first("ob2.verification_policy")
    assert policy.outcome is Outcome.FAILED and "impostor.example.net" in policy.message.en


def test_the_issuers_allowed_origins_are_honoured(issuer: Ob2Issuer) -> None:
    issuer.profile["verification"] = {"allowedOrigins": ["cdn.example.net"]}
    issuer.fetcher.add(issuer.id, issuer.profile)
    assertion = issuer.host_assertion(
        issuer.assertion(7, id="https://cdn.example.net/assertions/7")
    )
    assert issuer.verify(assertion).verdict is Verdict.VALID


def test_an_unreachable_hosted_assertion_leaves_the_verdict_open(issuer: Ob2Issuer) -> None:
    report = issuer.verify(issuer.assertion(8))
    assert report.verdict is Verdict.INDETERMINATE
    assert report.first("ob2.hosted").outcome is Outcome.INDETERMINATE


def test_an_expired_ob2_assertion_is_invalid(issuer: Ob2Issuer) -> None:
    assertion = issuer.host_assertion(issuer.assertion(9, expires="2025-02-01T00:00:00Z"))
    report = issuer.verify(assertion)
    assert report.verdict is Verdict.INVALID
    assert report.first("dates.expired").outcome is Outcome.FAILED


def test_a_signed_assertion_verifies(issuer: Ob2Issuer) -> None:
    token = issuer.sign(issuer.assertion(10, signed=True))
    for given in (token, baked_ob2_png(token)):
        report = issuer.verify(given, recipient=RECIPIENT)
        assert report.verdict is Verdict.VALID, describe(report)
        assert report.facts.standard == "Open Badges 2.0 (signed)"
        assert report.first("proof.signature").outcome is Outcome.PASSED


def test_a_tampered_signed_assertion_fails(issuer: Ob2Issuer) -> None:
    header, _payload, signature = issuer.sign(issuer.assertion(11, signed=True)).split(".")
    other = issuer.sign(issuer.assertion(11, signed=True, issuedOn="2024-01-01T00:00:00Z"))
    tampered = f"{header}.{other.split('.')[1]}.{signature}"
    report = issuer.verify(tampered)
    assert report.verdict is Verdict.INVALID
    assert report.first("proof.signature").outcome is Outcome.FAILED
    assert "changed after signing" in report.first("proof.signature").message.en


def test_a_signed_assertion_with_a_key_the_issuer_does_not_list_fails(issuer: Ob2Issuer) -> None:
    assertion = issuer.assertion(12, signed=True)
    assertion["verification"]["creator"] = "https://ob2.example.org/keys/stolen"
    report = issuer.verify(issuer.sign(assertion))
    assert report.verdict is Verdict.INVALID
    assert report.first("issuer.key").outcome is Outcome.FAILED


def test_a_signed_assertion_on_the_revocation_list_is_revoked(issuer: Ob2Issuer) -> None:
    assertion = issuer.assertion(13, signed=True)
    issuer.revoked.append({"id": assertion["id"], "revocationReason": "Issued in error"})
    issuer.publish_revocations()
    report = issuer.verify(issuer.sign(assertion))
    assert report.verdict is Verdict.INVALID
    assert report.first("status.revoked").outcome is Outcome.FAILED


def test_a_signed_assertion_refuses_alg_none(issuer: Ob2Issuer) -> None:
    token = issuer.sign(issuer.assertion(14, signed=True), header={"alg": "none"})
    report = issuer.verify(token)
    assert report.verdict is Verdict.INVALID
    assert report.first("proof.signature").outcome is Outcome.FAILED


def test_a_signed_assertion_given_without_its_jws_fails(issuer: Ob2Issuer) -> None:
    report = issuer.verify(issuer.assertion(15, signed=True))
    assert report.verdict is Verdict.INVALID
    assert "without the signature" in report.first("proof.signature").message.en


def test_an_unreachable_badge_class_leaves_the_signed_verdict_open(issuer: Ob2Issuer) -> None:
    del issuer.fetcher._documents[issuer.badge_id]
    report = issuer.verify(issuer.sign(issuer.assertion(16, signed=True)))
    assert report.verdict is Verdict.INDETERMINATE, describe(report)


def test_a_broken_assertion_url_is_reported_not_raised(issuer: Ob2Issuer) -> None:
    assertion = issuer.host_assertion(issuer.assertion(17, id="https://[broken/assertions/17"))
    report = issuer.verify(assertion)
    assert report.first("verifier.error") is None
    assert report.verdict is Verdict.INVALID
