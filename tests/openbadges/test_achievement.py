"""Achievement: what is recognized, read from and written to achievement files."""

from __future__ import annotations

import json
from typing import Any

import pytest

from microcred.openbadges.model import (
    Achievement,
    AchievementType,
    Criteria,
    ModelError,
    Related,
    ResultDescription,
    ResultType,
    RubricCriterionLevel,
)
from tests.conftest import load_json

EXAMPLES = [
    "examples/ob3_basic_openbadgecredential.json",
    "examples/ob3_complete_openbadgecredential.json",
    "examples/ob3_skill_assertion_case.json",
]


@pytest.mark.parametrize("example", EXAMPLES)
def test_each_examples_achievement_is_read_and_written_back_unchanged(example: str):
    achievement = load_json(example)["credentialSubject"]["achievement"]
    assert Achievement.from_json(achievement).to_json() == achievement


def test_it_reads_every_field_of_the_complete_example():
    data = load_json(EXAMPLES[1])["credentialSubject"]["achievement"]
    achievement = Achievement.from_json(data)
    assert achievement.achievement_type == "Degree"
    assert achievement.credits_available == 36.0
    assert achievement.creator is not None
    assert achievement.creator.official == "Horace Mann"
    assert achievement.criteria.id == "https://1edtech.edu/achievements/degree"
    assert achievement.field_of_study == "Research"
    assert achievement.human_code == "R1"
    assert achievement.specialization == "Computer Science Research"
    assert achievement.tag == ("research", "computer science")
    assert [alignment.target_type for alignment in achievement.alignment] == ["CFItem", "CTDL"]
    rubric = achievement.result_description[1]
    assert rubric.required_level == rubric.rubric_criterion_level[0].id
    assert rubric.rubric_criterion_level[0].points == "4"
    assert achievement.result_description[0].allowed_value == ("D", "C", "B", "A")


def _minimal() -> dict[str, Any]:
    return {
        "id": "https://badges.example.org/achievements/first-aid",
        "name": "Erste Hilfe",
        "description": "Grundkurs Erste Hilfe (9 Unterrichtseinheiten).",
        "criteria": {"narrative": "Teilnahme am gesamten Kurs."},
    }


def test_a_hand_written_achievement_needs_no_type():
    achievement = Achievement.from_json(_minimal())
    assert achievement.to_json()["type"] == ["Achievement"]


@pytest.mark.parametrize("missing", ["id", "name", "description", "criteria"])
def test_a_hand_written_achievement_missing_a_required_field_says_which(missing: str):
    data = _minimal()
    del data[missing]
    with pytest.raises(ModelError) as caught:
        Achievement.from_json(data)
    assert str(caught.value) == f"Achievement: '{missing}' is required"


def test_a_misspelt_achievement_type_lists_the_known_ones():
    data = _minimal() | {"achievementType": "Microcredential"}
    with pytest.raises(ModelError) as caught:
        Achievement.from_json(data)
    message = str(caught.value)
    assert "achievementType 'Microcredential'" in message
    assert "MicroCredential" in message
    assert "ext:" in message


def test_micro_credentials_and_extension_types_are_accepted():
    for value in (AchievementType.MICRO_CREDENTIAL, "MicroCredential", "ext:Nanodegree"):
        Achievement.from_json(_minimal() | {"achievementType": value})


def test_an_id_that_is_not_a_uri_is_refused():
    with pytest.raises(ModelError, match="id 'first-aid' is not an absolute URI"):
        Achievement.from_json(_minimal() | {"id": "first-aid"})


def test_the_language_must_be_a_language_code():
    with pytest.raises(ModelError, match="inLanguage 'German'"):
        Achievement.from_json(_minimal() | {"inLanguage": "German"})


def test_credits_must_not_be_negative():
    with pytest.raises(ModelError, match="creditsAvailable -1"):
        Achievement.from_json(_minimal() | {"creditsAvailable": -1})


def test_criteria_need_an_id_or_a_narrative():
    with pytest.raises(ModelError, match="criteria needs an id"):
        Achievement.from_json(_minimal() | {"criteria": {}})
    Criteria(id="https://example.org/criteria")


def test_related_achievements_carry_language_and_version():
    related = Related(id="https://example.org/achievements/1/de", in_language="de", version="2")
    assert related.to_json() == {
        "id": "https://example.org/achievements/1/de",
        "type": ["Related"],
        "inLanguage": "de",
        "version": "2",
    }


def test_a_rubric_result_description_requires_one_of_its_own_levels():
    levels = [
        RubricCriterionLevel(id="urn:uuid:d05a0867-d0ad-4b03-bdb5-28fb5d2aab7a", name="Mastery"),
        RubricCriterionLevel(id="urn:uuid:6b84b429-31ee-4dac-9d20-e5c55881f80e", name="Basic"),
    ]
    ResultDescription(
        id="urn:uuid:a70ddc6a-4c4a-4bd8-8277-cb97c79f40c5",
        name="Final project",
        result_type=ResultType.RUBRIC_CRITERION_LEVEL,
        rubric_criterion_level=levels,
        required_level=levels[1].id,
    )
    with pytest.raises(ModelError, match="requiredLevel"):
        ResultDescription(
            id="urn:uuid:a70ddc6a-4c4a-4bd8-8277-cb97c79f40c5",
            name="Final project",
            result_type=ResultType.RUBRIC_CRITERION_LEVEL,
            rubric_criterion_level=levels,
            required_level="urn:uuid:00000000-0000-0000-0000-000000000000",
        )


def test_a_required_value_must_be_an_allowed_value():
    with pytest.raises(ModelError, match="requiredValue 'E' is not one of allowedValue"):
        ResultDescription(
            id="urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c",
            name="Grade",
            result_type="LetterGrade",
            allowed_value=["D", "C", "B", "A"],
            required_value="E",
        )


def test_result_types_come_from_the_spec_or_ext():
    with pytest.raises(ModelError, match="resultType 'Grade'"):
        ResultDescription(id="urn:x:1", name="Grade", result_type="Grade")
    ResultDescription(id="urn:x:1", name="Grade", result_type="ext:ECTSGrade")


def test_an_achievement_file_round_trips_through_json_text():
    data = load_json(EXAMPLES[1])["credentialSubject"]["achievement"]
    text = json.dumps(Achievement.from_json(data).to_json(), ensure_ascii=False)
    assert Achievement.from_json(json.loads(text)).to_json() == data
