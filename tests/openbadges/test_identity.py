"""Hashed e-mail identities: the spec's hash, microcred's normalization, legacy matching."""

from __future__ import annotations

import contextlib
import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.openbadges.model import IdentityObject, ModelError, hashed_email, identity_matches

# The example in the OB 3.0 IdentityHash definition: 'a@example.com' salted with 'Kosher'.
SPEC_HASH = "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"


def test_it_reproduces_the_specs_example_hash():
    identity = hashed_email("a@example.com", salt="Kosher")
    assert identity.to_json() == {
        "type": "IdentityObject",
        "hashed": True,
        "identityHash": SPEC_HASH,
        "identityType": "emailAddress",
        "salt": "Kosher",
    }


def test_it_hashes_the_normalized_address():
    assert hashed_email("  A@Example.COM\n", salt="Kosher").identity_hash == SPEC_HASH


def test_it_composes_unicode_before_hashing():
    decomposed = "jose\u0301@example.org"
    composed = "jos\u00e9@example.org"
    assert hashed_email(decomposed, "s").identity_hash == hashed_email(composed, "s").identity_hash


def test_the_default_salt_is_random_hex():
    first = hashed_email("a@example.com")
    second = hashed_email("a@example.com")
    assert first.salt is not None
    assert len(first.salt) == 32
    int(first.salt, 16)
    assert first.salt != second.salt
    assert first.identity_hash != second.identity_hash


def test_an_empty_salt_hashes_the_bare_address_and_is_left_out():
    identity = hashed_email("a@example.com", salt="")
    digest = hashlib.sha256(b"a@example.com").hexdigest()
    assert identity.identity_hash == f"sha256${digest}"
    assert "salt" not in identity.to_json()


@pytest.mark.parametrize("value", ["", "anna", "anna@", "@example.org", "a@b@c", "a b@c.de"])
def test_it_refuses_what_is_not_an_e_mail_address(value: str):
    with pytest.raises(ModelError, match="is not an e-mail address"):
        hashed_email(value)


def test_it_refuses_text_that_is_not_unicode():
    with pytest.raises(ModelError, match="lone surrogate"):
        hashed_email("a\ud800@example.org")


def test_it_matches_the_address_it_hashed():
    identity = hashed_email("Anna.Schmidt@example.org")
    assert identity_matches(identity, "anna.schmidt@example.org")
    assert identity_matches(identity, " ANNA.SCHMIDT@EXAMPLE.ORG ")
    assert not identity_matches(identity, "anna.schmitt@example.org")


def test_it_matches_the_json_form():
    identity = hashed_email("a@example.com", "Kosher").to_json()
    assert identity_matches(identity, "a@example.com")


def test_it_matches_other_issuers_hashes_of_mixed_case_addresses():
    salt = "pepper"
    digest = hashlib.sha256(f"Anna.Schmidt@Example.org{salt}".encode()).hexdigest()
    identity = IdentityObject(
        hashed=True, identity_hash=f"sha256${digest}", identity_type="emailAddress", salt=salt
    )
    assert identity_matches(identity, "Anna.Schmidt@Example.org")


def test_it_matches_upper_case_hex():
    identity = IdentityObject(
        hashed=True,
        identity_hash=SPEC_HASH.upper().replace("SHA256", "sha256"),
        identity_type="emailAddress",
        salt="Kosher",
    )
    assert identity_matches(identity, "a@example.com")


def test_it_matches_legacy_md5_hashes():
    digest = hashlib.md5(b"a@example.comKosher", usedforsecurity=False).hexdigest()
    identity = {
        "type": "IdentityObject",
        "hashed": True,
        "identityHash": f"md5${digest}",
        "identityType": "emailAddress",
        "salt": "Kosher",
    }
    assert identity_matches(identity, "a@example.com")
    assert not identity_matches(identity, "b@example.com")


def test_it_matches_unhashed_identities_ignoring_case():
    identity = {
        "type": "IdentityObject",
        "hashed": False,
        "identityHash": "student@1edtech.edu",
        "identityType": "emailAddress",
        "salt": "not-used",
    }
    assert identity_matches(identity, "Student@1EdTech.edu")
    assert not identity_matches(identity, "somebody@gmail.com")


def test_identities_of_other_types_do_not_match_an_e_mail_address():
    identity = IdentityObject(hashed=False, identity_hash="a@example.com", identity_type="name")
    assert not identity_matches(identity, "a@example.com")


@pytest.mark.parametrize(
    "identity_hash",
    ["sha1$abcd", "sha256$xyz", "sha256$" + "a" * 63, "b5809d8a", "md5$" + "0" * 64],
)
def test_malformed_hashes_are_refused(identity_hash: str):
    with pytest.raises(ModelError, match="identityHash"):
        identity_matches(
            {
                "type": "IdentityObject",
                "hashed": True,
                "identityHash": identity_hash,
                "identityType": "emailAddress",
            },
            "a@example.com",
        )


def test_malformed_identity_objects_are_refused_with_the_reason():
    with pytest.raises(ModelError, match="'hashed' is required"):
        identity_matches(
            {"type": "IdentityObject", "identityHash": "x", "identityType": "emailAddress"},
            "a@example.com",
        )
    with pytest.raises(ModelError, match="'identity' is not a property of IdentityObject"):
        identity_matches({"identity": "a@example.com", "hashed": False}, "a@example.com")


@given(st.emails(), st.one_of(st.none(), st.text(max_size=20).filter(lambda s: s.isprintable())))
def test_every_address_matches_its_own_hash(email: str, salt: str | None):
    identity = hashed_email(email, salt)
    assert identity_matches(identity, email)
    assert identity_matches(IdentityObject.from_json(identity.to_json()), email.upper())


@given(
    st.dictionaries(
        st.sampled_from(["type", "hashed", "identityHash", "identityType", "salt"]),
        st.one_of(st.text(max_size=70), st.booleans(), st.none(), st.integers()),
    ),
    st.text(max_size=30),
)
def test_any_identity_json_matches_or_is_refused_with_a_model_error(data: dict, email: str):
    with contextlib.suppress(ModelError):
        identity_matches(data, email)
