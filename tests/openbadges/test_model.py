"""The model's public surface, and the official examples read through it."""

from __future__ import annotations

from typing import Any

import pytest

from microcred.openbadges import model
from microcred.openbadges.model import Achievement, ModelError, Profile
from tests.conftest import load_json

EXAMPLES = [
    "examples/ob3_basic_openbadgecredential.json",
    "examples/ob3_complete_openbadgecredential.json",
    "examples/ob3_skill_assertion_case.json",
]


def test_everything_public_is_importable_from_the_model():
    for name in model.__all__:
        assert getattr(model, name) is not None


def test_model_errors_are_value_errors():
    assert issubclass(ModelError, ValueError)


def _profiles_in(document: Any) -> list[dict[str, Any]]:
    """Every Profile object inside ``document``, however deep."""
    found = []
    if isinstance(document, dict):
        if "Profile" in document.get("type", ()):
            found.append(document)
        for value in document.values():
            found += _profiles_in(value)
    elif isinstance(document, list):
        for value in document:
            found += _profiles_in(value)
    return found


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_profile_in_the_examples_is_read_and_written_back_unchanged(example: str):
    profiles = _profiles_in(load_json(example))
    assert profiles
    for profile in profiles:
        assert Profile.from_json(profile).to_json() == profile


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_achievement_in_the_examples_is_read_and_written_back_unchanged(example: str):
    achievement = load_json(example)["credentialSubject"]["achievement"]
    assert Achievement.from_json(achievement).to_json() == achievement


def test_model_objects_are_frozen_slotted_keyword_only_dataclasses():
    for name in model.__all__:
        cls = getattr(model, name)
        if isinstance(cls, type) and hasattr(cls, "__dataclass_params__"):
            params = cls.__dataclass_params__
            assert params.frozen, name
            assert "__slots__" in vars(cls), name
            assert all(field.kw_only for field in cls.__dataclass_fields__.values()), name
