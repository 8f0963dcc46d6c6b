"""Does the credential belong to the person named: e-mail (hashed or plain), DID, URL."""

from __future__ import annotations

import pytest

from microcred.verifier import Outcome
from tests.verifier.fixtures import RECIPIENT, Issuer, Ob2Issuer, minimal_credential


@pytest.fixture(scope="module")
def issuer() -> Issuer:
    return Issuer(method="key")


def outcome(issuer: Issuer, credential: dict, recipient: str | None) -> Outcome:
    report = issuer.verify(issuer.sign(credential, "eddsa-jcs-2022"), recipient=recipient)
    return report.first("recipient.match").outcome


@pytest.mark.parametrize("given", [RECIPIENT, "  Anna.Schmidt@Example.org ", f"mailto:{RECIPIENT}"])
def test_a_salted_hash_matches_the_address(issuer: Issuer, given: str) -> None:
    assert outcome(issuer, minimal_credential(issuer), given) is Outcome.PASSED


def test_another_address_does_not_match(issuer: Issuer) -> None:
    assert outcome(issuer, minimal_credential(issuer), "eve@example.org") is Outcome.FAILED


def test_a_subject_id_matches_a_did_or_mailto(issuer: Issuer) -> None:
    credential = minimal_credential(issuer)
    credential["credentialSubject"]["id"] = "did:example:learner"
    assert outcome(issuer, credential, "did:example:learner") is Outcome.PASSED
    assert outcome(issuer, credential, "did:example:other") is Outcome.FAILED
    credential["credentialSubject"]["id"] = f"mailto:{RECIPIENT}"
    del credential["credentialSubject"]["identifier"]
    assert outcome(issuer, credential, RECIPIENT) is Outcome.PASSED


def test_a_plain_e_mail_identifier_matches(issuer: Issuer) -> None:
    credential = minimal_credential(issuer)
    credential["credentialSubject"]["identifier"] = [
        {
            "type": "IdentityObject",
            "identityHash": RECIPIENT,
            "identityType": "emailAddress",
            "hashed": False,
        }
    ]
    assert outcome(issuer, credential, RECIPIENT.upper()) is Outcome.PASSED


def test_no_recipient_given_is_skipped_and_none_named_is_open(issuer: Issuer) -> None:
    credential = minimal_credential(issuer)
    assert outcome(issuer, credential, None) is Outcome.SKIPPED
    del credential["credentialSubject"]["identifier"]
    assert outcome(issuer, credential, RECIPIENT) is Outcome.INDETERMINATE


def test_a_malformed_identity_does_not_match(issuer: Issuer) -> None:
    credential = minimal_credential(issuer)
    credential["credentialSubject"]["identifier"] = [
        {
            "type": "IdentityObject",
            "identityHash": "sha256$zz",
            "identityType": "emailAddress",
            "hashed": True,
        }
    ]
    assert outcome(issuer, credential, RECIPIENT) is Outcome.FAILED


def test_ob2_recipients_match_by_hash_or_plain_identity() -> None:
    ob2 = Ob2Issuer()
    token = ob2.sign(ob2.assertion(20, signed=True))
    assert ob2.verify(token, recipient=RECIPIENT).first("recipient.match").outcome is (
        Outcome.PASSED
    )
    assert ob2.verify(token, recipient="x@example.org").first("recipient.match").outcome is (
        Outcome.FAILED
    )
    plain = ob2.assertion(
        21,
        signed=True,
        recipient={"type": "url", "hashed": False, "identity": "https://me.example"},
    )
    report = ob2.verify(ob2.sign(plain), recipient="https://me.example")
    assert report.first("recipient.match").outcome is Outcome.PASSED
