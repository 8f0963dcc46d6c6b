"""AchievementCredential: the document microcred signs and hands to the learner."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given

from microcred.openbadges import contexts
from microcred.openbadges.model import (
    ACHIEVEMENT_CREDENTIAL_TYPES,
    Achievement,
    AchievementCredential,
    AchievementSubject,
    CredentialStatus,
    Criteria,
    Evidence,
    ModelError,
    Profile,
    hashed_email,
)
from tests.openbadges.schema_validation import assert_valid
from tests.openbadges.strategies import credentials

NOON = datetime(2024, 5, 1, 12, tzinfo=UTC)


def _credential(**changes: Any) -> AchievementCredential:
    values: dict[str, Any] = {
        "id": "urn:uuid:6f2b3c1e-9d4a-4b8e-a1c2-3d4e5f6a7b8c",
        "issuer": Profile(id="did:web:badges.example.org", name="Example Academy"),
        "valid_from": NOON,
        "credential_subject": AchievementSubject(
            identifier=[hashed_email("a@example.com", "Kosher")],
            achievement=Achievement(
                id="https://badges.example.org/achievements/1",
                name="Teamwork",
                description="Works well in a team.",
                criteria=Criteria(narrative="Nominated by peers."),
            ),
        ),
    }
    values.update(changes)
    return AchievementCredential(**values)


def test_a_minimal_credential():
    written = _credential().to_json()
    assert written["@context"] == [contexts.CREDENTIALS_V2, contexts.OB_V3P0_3_0_3]
    assert written["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert written["validFrom"] == "2024-05-01T12:00:00Z"
    assert list(written)[:3] == ["@context", "id", "type"]
    assert "proof" not in written
    assert_valid(written)


def test_the_achievement_credential_type_is_selectable():
    written = _credential(types=ACHIEVEMENT_CREDENTIAL_TYPES).to_json()
    assert written["type"] == ["VerifiableCredential", "AchievementCredential"]
    assert_valid(written)


def test_types_without_a_badge_credential_type_are_refused():
    with pytest.raises(ModelError, match="'AchievementCredential' or 'OpenBadgeCredential'"):
        _credential(types=["VerifiableCredential"])


@pytest.mark.parametrize(
    "credential_id",
    # A fixed uuid: xdist workers must collect the same test ids.
    [
        "urn:uuid:e7e9e9c7-d6c2-4d2d-9fa6-8c95c38723fb",
        "https://badges.example.org/credentials/8f1c",
    ],
)
def test_ids_are_uuid_urns_or_https_urls(credential_id: str):
    assert _credential(id=credential_id).to_json()["id"] == credential_id


@pytest.mark.parametrize(
    "credential_id", ["http://example.com/credentials/3527", "3527", "urn:uuid:3527"]
)
def test_other_ids_are_refused(credential_id: str):
    with pytest.raises(ModelError, match="must be a urn:uuid: URN or an https:// URL"):
        _credential(id=credential_id)


def test_valid_from_is_required_and_must_be_aware():
    with pytest.raises(ModelError, match="validFrom is required"):
        _credential(valid_from=None)
    with pytest.raises(ModelError, match="no time zone"):
        _credential(valid_from=datetime(2024, 5, 1))


def test_valid_until_must_come_after_valid_from():
    with pytest.raises(ModelError, match="validUntil must be later than validFrom"):
        _credential(valid_until=NOON)
    assert _credential(valid_until=NOON + timedelta(seconds=1)).valid_until


def test_every_credential_field_is_written():
    endorsement = {
        "@context": [contexts.CREDENTIALS_V2, contexts.OB_V3P0_3_0_3],
        "id": "urn:uuid:0c1e7a6e-2b7f-4d7e-9d0e-2f6b0f5b2a11",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": "Accreditation",
        "issuer": {"id": "https://accreditor.example/issuers/1", "type": ["Profile"]},
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "urn:uuid:6f2b3c1e-9d4a-4b8e-a1c2-3d4e5f6a7b8c",
            "type": ["EndorsementSubject"],
        },
    }
    credential = _credential(
        name="Teamwork",
        description="Awarded for teamwork.",
        image={"id": "https://badges.example.org/credentials/1.png"},
        valid_until=NOON + timedelta(days=365),
        awarded_date=NOON - timedelta(days=1),
        evidence=[Evidence(id="https://example.org/work/1", name="Project", audience="Public")],
        endorsement=[endorsement],
        endorsement_jwt=["eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ.c2ln"],
        credential_schema=[
            {
                "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
                "ob_v3p0_achievementcredential_schema.json",
                "type": "1EdTechJsonSchemaValidator2019",
            }
        ],
        credential_status=CredentialStatus(
            id="https://example.org/status/1#5",
            type="BitstringStatusListEntry",
            extra={"statusPurpose": "revocation", "statusListIndex": "5"},
        ),
        refresh_service={"id": "https://example.org/refresh/1", "type": "1EdTechCredentialRefresh"},
        terms_of_use=[{"type": "IssuerPolicy", "id": "https://example.org/policy"}],
    )
    written = credential.to_json()
    for key in (
        "name",
        "description",
        "image",
        "validUntil",
        "awardedDate",
        "evidence",
        "endorsement",
        "endorsementJwt",
        "credentialSchema",
        "credentialStatus",
        "refreshService",
        "termsOfUse",
    ):
        assert key in written, key
    assert written["endorsement"] == [endorsement]
    assert written["evidence"][0]["type"] == ["Evidence"]
    assert_valid(written)
    assert AchievementCredential.from_json(written) == credential


def test_a_status_entry_may_be_given_as_a_dict():
    entry = {
        "id": "https://example.org/status/1#5",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "5",
        "statusListCredential": "https://example.org/status/1",
    }
    assert _credential(credential_status=entry).to_json()["credentialStatus"] == entry


def test_a_status_entry_without_an_id_is_refused_by_name():
    with pytest.raises(ModelError, match="credentialStatus: 'id' is required"):
        _credential(credential_status={"type": "BitstringStatusListEntry"})


def test_the_document_is_json_as_it_stands():
    written = _credential(name="Zusammenarbeit 🤝").to_json()
    assert json.loads(json.dumps(written)) == written


@given(credentials())
def test_generated_credentials_validate_and_survive_a_round_trip(credential: dict[str, Any]):
    assert_valid(credential)
    assert AchievementCredential.from_json(credential).to_json() == credential
