"""How model objects become JSON and come back: the rules every class shares."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.openbadges.codec import MAX_DEPTH
from microcred.openbadges.model import (
    Achievement,
    AchievementCredential,
    AchievementType,
    Alignment,
    Criteria,
    Image,
    ModelError,
    Profile,
)
from tests.openbadges.strategies import achievements


def _achievement(**changes: object) -> Achievement:
    values: dict[str, object] = {
        "id": "https://example.org/achievements/1",
        "name": "Teamwork",
        "description": "Works well in a team.",
        "criteria": Criteria(narrative="Nominated by peers."),
    }
    values.update(changes)
    return Achievement(**values)  # type: ignore[arg-type]


def test_it_leaves_unset_fields_out():
    assert _achievement().to_json() == {
        "id": "https://example.org/achievements/1",
        "type": ["Achievement"],
        "criteria": {"narrative": "Nominated by peers."},
        "description": "Works well in a team.",
        "name": "Teamwork",
    }


def test_it_writes_camel_case_keys_and_lists():
    written = _achievement(
        in_language="de", credits_available=2.5, tag=("a", "b"), human_code="T1"
    ).to_json()
    assert written["inLanguage"] == "de"
    assert written["creditsAvailable"] == 2.5
    assert written["humanCode"] == "T1"
    assert written["tag"] == ["a", "b"]


def test_it_accepts_lists_and_stores_tuples():
    achievement = _achievement(tag=["a", "b"])
    assert achievement.tag == ("a", "b")
    assert achievement == _achievement(tag=("a", "b"))


def test_it_writes_string_enumerations_as_plain_strings():
    written = _achievement(achievement_type=AchievementType.MICRO_CREDENTIAL).to_json()
    assert type(written["achievementType"]) is str
    assert json.dumps(written["achievementType"]) == '"MicroCredential"'


def test_fixed_types_are_written_as_strings():
    assert Image(id="https://example.org/a.png").to_json() == {
        "id": "https://example.org/a.png",
        "type": "Image",
    }


def test_it_reads_a_single_type_string_as_a_list():
    data = {"type": "Alignment", "targetName": "SQL", "targetUrl": "https://example.org/sql"}
    assert Alignment.from_json(data).to_json()["type"] == ["Alignment"]


def test_it_reads_a_document_without_type_and_writes_the_type():
    data = {"targetName": "SQL", "targetUrl": "https://example.org/sql"}
    assert Alignment.from_json(data).to_json()["type"] == ["Alignment"]


def test_it_keeps_additional_types():
    data = {
        "type": ["Alignment", "ExampleAlignment"],
        "targetName": "SQL",
        "targetUrl": "https://example.org/sql",
    }
    assert Alignment.from_json(data).to_json() == data


def test_it_rejects_types_without_the_class_type():
    with pytest.raises(ModelError, match="type must include 'Alignment'"):
        Alignment.from_json(
            {"type": ["Skill"], "targetName": "SQL", "targetUrl": "https://example.org/sql"}
        )


def test_it_keeps_unknown_properties_in_extra_and_writes_them_back():
    data = _achievement().to_json() | {"ext:level": {"@value": "EQF 5"}}
    achievement = Achievement.from_json(data)
    assert achievement.extra == {"ext:level": {"@value": "EQF 5"}}
    assert achievement.to_json() == data


def test_it_rejects_extra_that_shadows_a_modelled_property():
    with pytest.raises(ModelError, match="extra holds 'name'"):
        _achievement(extra={"name": "Other"})


def test_it_rejects_unknown_properties_where_the_schema_allows_none():
    with pytest.raises(ModelError, match="'url' is not a property of Image"):
        Image.from_json({"id": "https://example.org/a.png", "type": "Image", "url": "x"})


def test_a_missing_property_is_named_with_its_path():
    data = {
        "id": "https://example.org/issuer",
        "parentOrg": {"type": ["Profile"], "name": "Parent"},
    }
    with pytest.raises(ModelError) as caught:
        Profile.from_json(data)
    assert str(caught.value) == "parentOrg: 'id' is required"


def test_a_wrong_type_is_named_with_its_path():
    data = _achievement().to_json()
    data["alignment"] = [
        {"targetName": "SQL", "targetUrl": "https://example.org/sql"},
        {"targetName": "Python", "targetUrl": 42},
    ]
    with pytest.raises(ModelError) as caught:
        Achievement.from_json(data)
    assert str(caught.value) == "alignment[1]: targetUrl must be a string, not a number"


def test_top_level_errors_name_the_class():
    with pytest.raises(ModelError, match=r"^Achievement: must be a JSON object, not a list$"):
        Achievement.from_json([])
    with pytest.raises(ModelError, match=r"^Achievement: 'criteria' is required$"):
        Achievement.from_json({"id": "urn:x:1", "name": "A", "description": "B"})


def test_json_null_is_not_an_absent_value():
    data = _achievement().to_json() | {"version": None}
    with pytest.raises(ModelError, match=r"^version: must be a string, not null$"):
        Achievement.from_json(data)


def test_a_list_property_given_one_value_is_refused():
    data = _achievement().to_json() | {"tag": "python"}
    with pytest.raises(ModelError, match="tag: must be a list, not a string"):
        Achievement.from_json(data)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, True, "2", 10**400])
def test_numbers_must_be_finite_numbers(value: object):
    with pytest.raises(ModelError, match="creditsAvailable must be"):
        _achievement(credits_available=value)


def test_it_refuses_lone_surrogates():
    with pytest.raises(ModelError, match="lone surrogate"):
        _achievement(name="broken \ud800 text")


def test_it_refuses_values_json_cannot_carry_in_extra():
    with pytest.raises(ModelError, match="cannot represent"):
        _achievement(extra={"ext:when": object()})
    with pytest.raises(ModelError, match="cannot represent"):
        _achievement(extra={"ext:score": math.nan})


def test_nested_objects_may_be_given_as_their_json():
    profile = Profile(id="https://example.org/i", image={"id": "https://example.org/i.png"})
    assert profile.image == Image(id="https://example.org/i.png")


def test_errors_in_nested_json_given_to_a_constructor_name_the_field():
    with pytest.raises(ModelError) as caught:
        Profile(id="https://example.org/i", image={"caption": "logo"})
    assert str(caught.value) == "image: 'id' is required"


def test_objects_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        _achievement().name = "Other"  # type: ignore[misc]


def test_output_and_input_are_detached_from_the_object():
    given_extra = {"ext:data": {"list": [1, 2]}}
    achievement = _achievement(extra=given_extra)
    given_extra["ext:data"]["list"].append(3)
    written = achievement.to_json()
    written["ext:data"]["list"].append(4)
    assert achievement.to_json()["ext:data"] == {"list": [1, 2]}


def test_deeply_nested_documents_are_refused_cleanly():
    profile: dict[str, object] = {"id": "https://example.org/0"}
    for level in range(1, MAX_DEPTH + 5):
        profile = {"id": f"https://example.org/{level}", "parentOrg": profile}
    with pytest.raises(ModelError, match="nested too deeply"):
        Profile.from_json(profile)


def test_deeply_nested_extension_data_is_refused_cleanly():
    value: object = "bottom"
    for _ in range(5000):
        value = [value]
    with pytest.raises(ModelError, match="nested too deeply"):
        Achievement.from_json(_achievement().to_json() | {"ext:deep": value})


json_values = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_any_json_is_read_or_refused_with_a_model_error(value: object):
    for cls in (Achievement, Profile, AchievementCredential, Image):
        with contextlib.suppress(ModelError):
            cls.from_json(value)


_KEYS = ["id", "type", "name", "description", "criteria", "alignment", "creator", "tag"]


@given(achievements, st.sampled_from([*_KEYS, "inLanguage", "image"]), json_values)
def test_a_corrupted_achievement_is_read_or_refused_with_a_model_error(
    achievement: Achievement, key: str, value: object
):
    data = achievement.to_json()
    data[key] = value
    try:
        read = Achievement.from_json(data)
    except ModelError:
        return
    assert Achievement.from_json(read.to_json()) == read


@given(achievements)
def test_achievements_survive_a_round_trip(achievement: Achievement):
    written = achievement.to_json()
    assert Achievement.from_json(json.loads(json.dumps(written))).to_json() == written
