"""Profile: issuers, creators, endorsers and people, with addresses."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given

from microcred.openbadges.model import (
    Address,
    GeoCoordinates,
    IdentifierEntry,
    Image,
    ModelError,
    Profile,
)
from tests.conftest import load_json
from tests.openbadges.schema_validation import PROFILE_SCHEMA, assert_valid
from tests.openbadges.strategies import profiles


def _complete_issuer() -> dict[str, Any]:
    return load_json("examples/ob3_complete_openbadgecredential.json")["issuer"]


def test_the_complete_examples_issuer_is_read_and_written_back_unchanged():
    issuer = _complete_issuer()
    assert Profile.from_json(issuer).to_json() == issuer


def test_it_reads_the_issuers_fields():
    issuer = Profile.from_json(_complete_issuer())
    assert issuer.name == "1EdTech University"
    assert issuer.address is not None
    assert issuer.address.geo == GeoCoordinates(latitude=1.0, longitude=1.0)
    assert issuer.other_identifier[1] == IdentifierEntry(
        identifier="67890", identifier_type="nationalIdentityNumber"
    )
    assert issuer.parent_org is not None
    assert issuer.parent_org.id == "did:example:123456789"
    assert issuer.endorsement[0]["proof"][0]["type"] == "DataIntegrityProof"


def test_a_persons_profile_carries_every_name_field():
    person = Profile(
        id="did:web:example.org:people:anna",
        given_name="Anna",
        additional_name="Maria",
        family_name="Boer",
        family_name_prefix="de",
        patronymic_name="Ivanovna",
        honorific_prefix="Dr.",
        honorific_suffix="PhD",
        date_of_birth=date(1990, 12, 31),
        phone="+49 40 1234567",
        email="anna@example.org",
        endorsement_jwt=["eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ.c2ln"],
    )
    written = person.to_json()
    assert written["dateOfBirth"] == "1990-12-31"
    assert written["familyNamePrefix"] == "de"
    assert written["patronymicName"] == "Ivanovna"
    assert_valid(written, PROFILE_SCHEMA)
    assert Profile.from_json(written) == person


def test_an_organizations_profile_validates():
    organization = Profile(
        id="https://badges.example.org/issuers/1",
        name="Weiterbildungszentrum Nord",
        url="https://example.org",
        image=Image(id="https://example.org/logo.png", caption="Logo"),
        official="Dr. Jana Krüger",
        address=Address(
            address_country_code="DE",
            address_locality="Hamburg",
            geo=GeoCoordinates(latitude=53.55, longitude=9.99),
        ),
        other_identifier=[IdentifierEntry(identifier="DE123", identifier_type="ext:VATID")],
    )
    assert_valid(organization.to_json(), PROFILE_SCHEMA)


def test_it_requires_an_id():
    with pytest.raises(ModelError, match="'id' is required"):
        Profile.from_json({"type": ["Profile"], "name": "Nameless"})


def test_the_id_and_url_must_be_uris():
    with pytest.raises(ModelError, match=r"url 'example\.org' is not an absolute URI"):
        Profile(id="https://example.org/i", url="example.org")


def test_the_country_code_must_be_iso_3166_alpha_2():
    with pytest.raises(ModelError, match="addressCountryCode 'USA'"):
        Address(address_country_code="USA")


def test_coordinates_must_be_on_earth():
    with pytest.raises(ModelError, match="latitude 91"):
        GeoCoordinates(latitude=91, longitude=0)
    with pytest.raises(ModelError, match="longitude -181"):
        GeoCoordinates(latitude=0, longitude=-181)


def test_endorsement_jwts_must_be_compact_jws():
    with pytest.raises(ModelError, match=r"endorsementJwt\[0\]"):
        Profile(id="https://example.org/i", endorsement_jwt=["not a token"])


def test_a_date_of_birth_is_a_date_not_a_datetime():
    with pytest.raises(ModelError, match="dateOfBirth: '1990-12-31T00:00:00Z' is not a date"):
        Profile.from_json({"id": "https://example.org/i", "dateOfBirth": "1990-12-31T00:00:00Z"})


@given(profiles)
def test_every_profile_validates_and_survives_a_round_trip(profile: Profile):
    written = profile.to_json()
    assert_valid(written, PROFILE_SCHEMA)
    assert Profile.from_json(written) == profile
