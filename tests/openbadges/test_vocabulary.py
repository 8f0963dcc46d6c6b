"""The enumerations are the official schemas' enumerations, and ext: values satisfy them."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.openbadges.errors import ModelError
from microcred.openbadges.vocabulary import (
    AchievementType,
    AlignmentTargetType,
    IdentifierType,
    ResultStatus,
    ResultType,
    check_closed,
    check_extensible,
    is_extension_value,
)
from tests.conftest import load_json


def _definitions() -> dict[str, Any]:
    return load_json("schemas/ob_v3p0_achievementcredential_schema.json")["$defs"]


def _enum(definition: dict[str, Any]) -> set[str]:
    branches = definition.get("oneOf", [definition])
    return {value for branch in branches for value in branch.get("enum", ())}


@pytest.mark.parametrize(
    ("vocabulary", "where"),
    [
        (AchievementType, ("Achievement", "achievementType")),
        (ResultType, ("ResultDescription", "resultType")),
        (AlignmentTargetType, ("Alignment", "targetType")),
        (IdentifierType, ("IdentityObject", "identityType")),
        (IdentifierType, ("IdentifierEntry", "identifierType")),
        (ResultStatus, ("Result", "status")),
    ],
)
def test_each_vocabulary_is_the_official_one(vocabulary: type[StrEnum], where: tuple[str, str]):
    definition = _definitions()[where[0]]["properties"][where[1]]
    assert {member.value for member in vocabulary} == _enum(definition)


def test_the_microcredential_type_is_known():
    check_extensible("MicroCredential", AchievementType, "achievementType")


def test_extension_values_are_accepted():
    check_extensible("ext:EQFLevel5", AchievementType, "achievementType")


@pytest.mark.parametrize("value", ["microcredential", "ext:", "ext:-x", "Ext:Thing", "x ext:a"])
def test_anything_else_is_refused_with_the_known_values_listed(value: str):
    with pytest.raises(ModelError, match="MicroCredential"):
        check_extensible(value, AchievementType, "achievementType")


def test_closed_vocabularies_refuse_extension_values():
    with pytest.raises(ModelError, match="Completed"):
        check_closed("ext:Graduated", ResultStatus, "status")


_SCHEMA_EXTENSION = re.compile(
    _definitions()["Achievement"]["properties"]["achievementType"]["oneOf"][1]["pattern"]
)


@given(st.text(max_size=20).map(lambda tail: "ext:" + tail))
def test_every_extension_value_accepted_satisfies_the_official_pattern(value: str):
    if is_extension_value(value):
        assert _SCHEMA_EXTENSION.search(value)
