"""The realistic sample credential that the demo, the benchmarks and other tests use."""

from __future__ import annotations

from datetime import UTC, datetime

from microcred.openbadges.model import AchievementCredential, identity_matches
from microcred.openbadges.samples import (
    ESCO_SKILLS,
    SAMPLE_ISSUER_ID,
    SAMPLE_RECIPIENT_EMAIL,
    SAMPLE_STATUS_LIST,
    realistic_credential,
    realistic_credential_model,
)
from tests.openbadges.schema_validation import assert_valid

FIXED = {
    "credential_id": "urn:uuid:6f2b3c1e-9d4a-4b8e-a1c2-3d4e5f6a7b8c",
    "salt": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    "valid_from": datetime(2024, 5, 1, 12, tzinfo=UTC),
}


def test_it_is_a_valid_unsigned_open_badge_credential():
    credential = realistic_credential()
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert "proof" not in credential
    assert_valid(credential)


def test_the_issuer_has_a_name_a_url_and_a_logo():
    issuer = realistic_credential()["issuer"]
    assert issuer["id"] == SAMPLE_ISSUER_ID
    assert issuer["name"]
    assert issuer["url"].startswith("https://")
    assert issuer["image"]["type"] == "Image"


def test_the_achievement_is_a_described_micro_credential_aligned_to_three_esco_skills():
    achievement = realistic_credential()["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "MicroCredential"
    assert achievement["criteria"]["narrative"]
    assert achievement["description"]
    assert achievement["image"]["id"].startswith("https://")
    assert [a["targetUrl"] for a in achievement["alignment"]] == [uri for uri, _ in ESCO_SKILLS]
    assert all(uri.startswith("http://data.europa.eu/esco/skill/") for uri, _ in ESCO_SKILLS)
    assert len(achievement["resultDescription"]) == 1


def test_the_result_answers_the_result_description():
    subject = realistic_credential()["credentialSubject"]
    description = subject["achievement"]["resultDescription"][0]
    assert subject["result"][0]["resultDescription"] == description["id"]


def test_the_status_is_a_bitstring_status_list_entry():
    status = realistic_credential(status_list_index=7)["credentialStatus"]
    assert status == {
        "id": f"{SAMPLE_STATUS_LIST}#7",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "7",
        "statusListCredential": SAMPLE_STATUS_LIST,
    }


def test_the_recipient_is_a_salted_hash_of_their_e_mail_address():
    subject = realistic_credential(recipient_email="jonas@example.de")["credentialSubject"]
    (identity,) = subject["identifier"]
    assert identity["identityHash"].startswith("sha256$")
    assert identity["salt"]
    assert identity_matches(identity, "jonas@example.de")
    assert not identity_matches(identity, SAMPLE_RECIPIENT_EMAIL)
    assert "id" not in subject


def test_a_recipient_did_may_be_given():
    subject = realistic_credential(recipient_id="did:web:learner.example")["credentialSubject"]
    assert subject["id"] == "did:web:learner.example"


def test_it_is_the_same_document_for_the_same_arguments():
    assert realistic_credential(**FIXED) == realistic_credential(**FIXED)
    assert realistic_credential(**FIXED)["validFrom"] == "2024-05-01T12:00:00Z"


def test_ids_and_salts_are_fresh_unless_given():
    first, second = realistic_credential(), realistic_credential()
    assert first["id"] != second["id"]
    assert first["credentialSubject"]["identifier"] != second["credentialSubject"]["identifier"]


def test_the_issuer_can_be_any_identifier_that_signs():
    key_issuer = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    credential = realistic_credential_model(issuer_id=key_issuer)
    assert credential.issuer.id == key_issuer
    assert AchievementCredential.from_json(credential.to_json()) == credential
