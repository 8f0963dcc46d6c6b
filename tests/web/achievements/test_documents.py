"""What credentials get from a designed badge: its OB 3.0 document, expiry, the EU context."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from microcred.openbadges import contexts, eu
from microcred.web.achievements.documents import (
    achievement_document,
    awarding_body,
    credential_valid_until,
    skill_alignment,
)
from microcred.web.achievements.models import Achievement

ISSUED = datetime(2026, 1, 31, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("months", "expected"),
    [
        (None, None),
        (1, datetime(2026, 2, 28, 9, 30, tzinfo=UTC)),
        (12, datetime(2027, 1, 31, 9, 30, tzinfo=UTC)),
        (13, datetime(2027, 2, 28, 9, 30, tzinfo=UTC)),
        (25, datetime(2028, 2, 29, 9, 30, tzinfo=UTC)),
    ],
)
def test_credentials_expire_n_months_after_issue_on_the_same_day_or_the_months_last(
    months, expected
):
    assert credential_valid_until(Achievement(expiry_months=months), ISSUED) == expected


def test_esco_skills_are_named_as_such():
    esco = skill_alignment("SQL", "http://data.europa.eu/esco/skill/598de5b0")
    assert (esco.target_framework, esco.target_code) == ("ESCO", "598de5b0")
    other = skill_alignment("Scrum", "https://akademie.example/scrum")
    assert other.target_framework is None


@pytest.mark.django_db
def test_the_awarding_body_is_the_organization_with_its_country(academy):
    body = awarding_body(academy)
    assert body.id == "did:web:testserver:o:akademie-beispiel"
    assert body.name == "Akademie Beispiel"
    assert (body.address.address_country_code, body.address.address_region) == ("DE", "Bayern")


@pytest.mark.django_db
def test_a_badge_without_eu_elements_carries_no_extension(academy, make_badge):
    document = achievement_document(make_badge(academy, image=False))
    assert not eu.uses_eu_extension(document)
    assert document.image is None
    assert document.creator.name == "Akademie Beispiel"


@pytest.mark.django_db
def test_the_instance_serves_the_eu_context_that_ships_in_the_package(client):
    response = client.get(reverse("achievements:eu_context"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "max-age=31536000" in response["Cache-Control"]
    assert json.loads(response.content) == contexts.load_context(eu.EU_CONTEXT)


@pytest.mark.django_db
def test_a_designed_image_bakes_as_svg_and_png(academy, make_badge):
    from microcred.baking import bake, unbake
    from microcred.web.achievements.documents import images_for_baking

    images = images_for_baking(make_badge(academy))
    assert set(images) == {"svg", "png"}
    for data in images.values():
        assert unbake(bake(data, '{"id": "urn:x"}')).text == '{"id": "urn:x"}'
    assert images_for_baking(make_badge(academy, name="Ohne Bild", image=False)) == {}
