"""The official JSON Schemas: the URLs credentials name, and every builder's output passes."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from jsonschema import Draft201909Validator

from microcred.openbadges.model import AchievementCredential
from microcred.openbadges.samples import realistic_credential, realistic_issuer
from microcred.openbadges.schemas import (
    ACHIEVEMENT_CREDENTIAL_SCHEMA,
    ENDORSEMENT_CREDENTIAL_SCHEMA,
    JSON_SCHEMA_VALIDATOR_TYPE,
    PROFILE_SCHEMA,
    achievement_credential_schema,
    endorsement_credential_schema,
)
from tests.conftest import load_json
from tests.openbadges.schema_validation import assert_valid, registry, schema_errors
from tests.openbadges.strategies import credentials

EXAMPLES = [
    "examples/ob3_basic_openbadgecredential.json",
    "examples/ob3_complete_openbadgecredential.json",
    "examples/ob3_skill_assertion_case.json",
]


def test_the_schema_urls_are_the_ones_the_official_index_names():
    index = load_json("schemas/index.json")
    for url in (ACHIEVEMENT_CREDENTIAL_SCHEMA, ENDORSEMENT_CREDENTIAL_SCHEMA, PROFILE_SCHEMA):
        assert url in index


def test_credential_schema_entries_use_the_1edtech_validator_type():
    assert achievement_credential_schema().to_json() == {
        "id": ACHIEVEMENT_CREDENTIAL_SCHEMA,
        "type": JSON_SCHEMA_VALIDATOR_TYPE,
    }
    assert endorsement_credential_schema().id == ENDORSEMENT_CREDENTIAL_SCHEMA


def test_the_examples_use_the_same_entry():
    example = load_json(EXAMPLES[1])
    assert example["credentialSchema"] == [achievement_credential_schema().to_json()]


@pytest.mark.parametrize("url", [ACHIEVEMENT_CREDENTIAL_SCHEMA, ENDORSEMENT_CREDENTIAL_SCHEMA])
def test_the_official_schemas_are_valid_draft_2019_09(url: str):
    Draft201909Validator.check_schema(registry().contents(url))


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_official_examples_validate(example: str):
    assert_valid(load_json(example))


def test_the_realistic_credential_validates():
    assert_valid(realistic_credential())


def test_the_realistic_issuer_validates_as_a_profile():
    assert_valid(realistic_issuer().to_json(), PROFILE_SCHEMA)


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda c: c.pop("validFrom"), "'validFrom' is a required property"),
        (lambda c: c.update(type="OpenBadgeCredential"), "is not of type 'array'"),
        (lambda c: c.update(validFrom="2024-05-01T12:00:00"), "is not a 'date-time'"),
        (lambda c: c["credentialSubject"]["achievement"].pop("criteria"), "'criteria'"),
        (lambda c: c["issuer"]["image"].update(url="x"), "Additional properties"),
        (lambda c: c.update(proof={"type": "DataIntegrityProof"}), "is not of type 'array'"),
    ],
)
def test_the_helper_reports_what_the_schema_forbids(change: Any, complaint: str):
    credential = realistic_credential()
    change(credential)
    assert any(complaint in error for error in schema_errors(credential))


@settings(max_examples=50)
@given(credentials())
def test_every_generated_credential_validates(credential: dict[str, Any]):
    assert_valid(credential)
    AchievementCredential.from_json(credential)
