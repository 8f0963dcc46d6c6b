"""EndorsementCredential: third-party comments, valid against their own schema."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from microcred.openbadges.endorsement import EndorsementCredential, EndorsementSubject
from microcred.openbadges.model import Achievement, ModelError, Profile
from microcred.openbadges.samples import realistic_achievement
from microcred.openbadges.schemas import endorsement_credential_schema
from tests.conftest import load_json
from tests.openbadges.schema_validation import (
    ACHIEVEMENT_CREDENTIAL_SCHEMA,
    ENDORSEMENT_CREDENTIAL_SCHEMA,
    assert_valid,
)


def _endorsement(**changes: object) -> EndorsementCredential:
    values: dict[str, object] = {
        "id": "urn:uuid:0c1e7a6e-2b7f-4d7e-9d0e-2f6b0f5b2a11",
        "name": "Accreditation of the Data Analysis with Python course",
        "issuer": Profile(id="https://accreditor.example/issuers/1", name="Accreditor"),
        "valid_from": datetime(2024, 1, 1, tzinfo=UTC),
        "credential_subject": EndorsementSubject(
            id="https://badges.example.org/achievements/data-analysis-python",
            endorsement_comment="Meets the national standard for continuing education.",
        ),
        "credential_schema": [endorsement_credential_schema()],
    }
    values.update(changes)
    return EndorsementCredential(**values)  # type: ignore[arg-type]


def test_an_endorsement_validates_against_its_schema():
    written = _endorsement().to_json()
    assert written["type"] == ["VerifiableCredential", "EndorsementCredential"]
    assert written["credentialSubject"]["type"] == ["EndorsementSubject"]
    assert_valid(written, ENDORSEMENT_CREDENTIAL_SCHEMA)


def test_an_endorsement_needs_a_name():
    data = _endorsement().to_json()
    del data["name"]
    with pytest.raises(ModelError, match="'name' is required"):
        EndorsementCredential.from_json(data)


def test_the_examples_endorsements_are_read_and_written_back_unchanged():
    # The examples name endorsements by http:// URLs, which microcred does not issue; the rest
    # of each document, proof included, comes back as it was.
    example = load_json("examples/ob3_complete_openbadgecredential.json")
    for endorsement in example["endorsement"]:
        renamed = endorsement | {"id": "urn:uuid:0c1e7a6e-2b7f-4d7e-9d0e-2f6b0f5b2a11"}
        assert EndorsementCredential.from_json(renamed).to_json() == renamed


def test_a_signed_endorsement_is_embedded_as_it_was_signed():
    signed = _endorsement().to_json() | {
        "proof": [{"type": "DataIntegrityProof", "proofValue": "z3FXQ"}]
    }
    achievement = Achievement.from_json(
        realistic_achievement().to_json() | {"endorsement": [signed]}
    )
    assert achievement.to_json()["endorsement"] == [signed]
    embedding = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:6f2b3c1e-9d4a-4b8e-a1c2-3d4e5f6a7b8c",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:web:badges.example.org", "type": ["Profile"]},
        "validFrom": "2024-05-01T12:00:00Z",
        "credentialSubject": {
            "id": "did:web:learner.example",
            "type": ["AchievementSubject"],
            "achievement": achievement.to_json(),
        },
    }
    assert_valid(embedding, ACHIEVEMENT_CREDENTIAL_SCHEMA)
