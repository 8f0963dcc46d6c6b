"""Alignment: links to skills and frameworks, such as ESCO skills."""

from __future__ import annotations

import pytest

from microcred.openbadges.model import Alignment, AlignmentTargetType, ModelError

PYTHON_SKILL = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"


def test_an_esco_skill_alignment():
    alignment = Alignment(
        target_name="Python (computer programming)",
        target_url=PYTHON_SKILL,
        target_framework="ESCO v1.2",
        target_code="ccd0a1d9-afda-43d9-b901-96344886e14d",
        target_type=AlignmentTargetType.CEASN_COMPETENCY,
    )
    assert alignment.to_json() == {
        "type": ["Alignment"],
        "targetCode": "ccd0a1d9-afda-43d9-b901-96344886e14d",
        "targetName": "Python (computer programming)",
        "targetFramework": "ESCO v1.2",
        "targetType": "ceasn:Competency",
        "targetUrl": PYTHON_SKILL,
    }


def test_it_needs_a_name_and_a_url():
    with pytest.raises(ModelError, match="'targetUrl' is required"):
        Alignment.from_json({"targetName": "Python"})
    with pytest.raises(ModelError, match="'targetName' is required"):
        Alignment.from_json({"targetUrl": PYTHON_SKILL})


def test_target_types_come_from_the_spec_or_ext():
    Alignment(target_name="x", target_url=PYTHON_SKILL, target_type="ext:ESCOSkill")
    with pytest.raises(ModelError, match="targetType 'ESCO'"):
        Alignment(target_name="x", target_url=PYTHON_SKILL, target_type="ESCO")
