"""Awarding an achievement to a recipient builds one well-formed, signable credential."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from microcred.openbadges.award import Recipient, award
from microcred.openbadges.errors import ModelError
from microcred.openbadges.identity import identity_matches
from microcred.openbadges.samples import realistic_achievement, realistic_issuer
from microcred.proofs.canonical import canonicalize
from microcred.status import status_list_entry
from tests.openbadges.schema_validation import assert_valid

ISSUER = realistic_issuer("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")


def _award(**recipient):
    return award(realistic_achievement(), ISSUER, Recipient(**recipient)).to_json()


def test_the_credential_validates_and_has_no_undefined_terms():
    credential = _award(email="jurgen@example.org", name="Jürgen Müller-Lüdenscheidt")
    assert_valid(credential)
    assert canonicalize(credential)


def test_the_e_mail_is_only_a_salted_hash():
    credential = _award(email="Ada@Example.org")
    identifiers = credential["credentialSubject"]["identifier"]
    assert "Ada@Example.org".lower() not in str(credential).lower()
    assert identifiers[0]["hashed"] is True
    assert identity_matches(identifiers[0], "ada@example.org")


def test_the_name_is_a_plain_name_identifier():
    credential = _award(email="ada@example.org", name="Ada Lovelace")
    names = [
        i for i in credential["credentialSubject"]["identifier"] if i["identityType"] == "name"
    ]
    assert names == [
        {
            "type": "IdentityObject",
            "hashed": False,
            "identityHash": "Ada Lovelace",
            "identityType": "name",
        }
    ]


def test_a_did_recipient_becomes_the_subject_id():
    credential = _award(did="did:example:holder")
    assert credential["credentialSubject"]["id"] == "did:example:holder"


def test_a_recipient_needs_an_e_mail_or_a_did():
    with pytest.raises(ModelError, match="e-mail address or a DID"):
        _award(name="Nobody")


def test_status_and_dates_are_carried():
    entry = status_list_entry("https://badges.example.org/status/1", 7, "revocation")
    start = datetime(2026, 3, 1, tzinfo=UTC)
    credential = award(
        realistic_achievement(),
        ISSUER,
        Recipient(email="a@example.org"),
        valid_from=start,
        valid_until=start.replace(year=2028),
        credential_status=entry,
    ).to_json()
    assert credential["validFrom"] == "2026-03-01T00:00:00Z"
    assert credential["validUntil"] == "2028-03-01T00:00:00Z"
    assert credential["credentialStatus"] == entry
    assert_valid(credential)
    assert canonicalize(credential)
