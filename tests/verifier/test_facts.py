"""What a page shows: display facts from OB 3.0 and OB 2.0, never a hash, EU elements."""

from __future__ import annotations

from microcred.verifier import Check, Message, Outcome
from microcred.verifier.facts import ob2_facts, ob3_facts, status_fact
from tests.verifier.fixtures import Issuer


def line(code: str, outcome: Outcome) -> Check:
    return Check(code, outcome, Message("x.", "y."), {})


def test_ob3_facts_show_the_badge_and_the_eu_elements() -> None:
    issuer = Issuer(method="key")
    facts = ob3_facts(issuer.credential(), "Open Badges 3.0 (VC 2.0)", [])
    assert facts.achievement_name == "Data Analysis with Python"
    assert facts.achievement_type == "MicroCredential"
    assert facts.achievement_criteria.startswith("# Requirements")
    assert facts.issuer_image == "https://badges.example.org/media/issuer-logo.png"
    assert facts.recipient_identifier == "hashed e-mail"
    elements = facts.micro_credential
    assert elements["ects_credits"] == 2.0 and elements["country"] == "Germany"
    # Skills are alignments, not learning outcomes; this sample states no outcomes.
    assert "learning_outcomes" not in elements
    assert elements["assessment"] == ["Final project score"] and elements["grade"] == ["87"]


def test_a_plain_name_identifier_is_the_recipients_name() -> None:
    subject = {
        "identifier": [
            {"type": "IdentityObject", "identityType": "name", "hashed": False,
             "identityHash": "Anna Schmidt"},
            {"type": "IdentityObject", "identityType": "emailAddress", "hashed": False,
             "identityHash": "anna@example.org"},
        ]
    }  # fmt: skip
    facts = ob3_facts({"credentialSubject": subject}, "x", [])
    assert (facts.recipient_name, facts.recipient_identifier) == (
        "Anna Schmidt",
        "anna@example.org",
    )


def test_ob2_facts_read_timestamps_and_hide_hashes() -> None:
    facts = ob2_facts(
        {"id": "https://a.example/1", "issuedOn": 1748779200, "recipient": {"type": "email",
         "hashed": True, "identity": "sha256$00"}, "badge": "https://a.example/b"},
        {"name": "Old Badge", "criteria": "https://a.example/criteria", "image": "https://a.example/i.png"},
        {"id": "https://a.example/issuer", "name": "Old School"},
        "Open Badges 2.0 (hosted)",
        [],
    )  # fmt: skip
    assert facts.valid_from == "2025-06-01T12:00:00Z"
    assert facts.recipient_identifier == "hashed e-mail"
    assert facts.achievement_criteria_url == "https://a.example/criteria"


def test_the_status_fact_follows_the_status_lines() -> None:
    assert status_fact([]) is None
    assert status_fact([line("status.revoked", Outcome.PASSED)]) == "active"
    assert status_fact([line("status.revoked", Outcome.INDETERMINATE)]) == "unknown"
    assert (
        status_fact(
            [line("status.revoked", Outcome.PASSED), line("status.suspended", Outcome.FAILED)]
        )
        == "suspended"
    )
    assert status_fact([line("status.revoked", Outcome.SKIPPED)]) is None


def test_facts_tolerate_any_shape() -> None:
    for weird in ({}, {"credentialSubject": [1, 2]}, {"issuer": [None]}, {"name": {"@value": 3}}):
        ob3_facts(weird, "x", [])
    assert ob3_facts(
        {"name": [{"@value": "Titel", "@language": "de"}]}, "x", []
    ).credential_name == ("Titel")


def test_learning_outcomes_and_the_eqf_level_come_from_the_eu_elements() -> None:
    from microcred.openbadges.eu import EuElements, with_eu_elements
    from microcred.openbadges.samples import realistic_achievement

    achievement = with_eu_elements(
        realistic_achievement(),
        EuElements(learning_outcomes=("Cleans tabular data", "Writes SQL joins"), eqf_level=5),
    )
    credential = {"credentialSubject": {"achievement": achievement.to_json()}}
    elements = ob3_facts(credential, "x", []).micro_credential
    assert elements["learning_outcomes"] == ["Cleans tabular data", "Writes SQL joins"]
    assert elements["eqf_level"] == "5"
