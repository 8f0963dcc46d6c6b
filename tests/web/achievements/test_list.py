"""The list of badges: the EU indicator on each, archived ones apart, a clear empty state."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

COMPLETE = {
    "learning_outcomes": ["Plant Sprints."],
    "workload_hours": Decimal(60),
    "eqf_level": 5,
    "assessment_type": "Projektarbeit",
    "participation_form": "online",
    "quality_assurance": "ISO 9001",
}


def test_an_empty_organization_is_invited_to_design_its_first_badge(login, academy) -> None:
    page = login(academy.issuer.user).get(reverse("achievements:list", args=[academy.slug]))
    assert "No badges yet" in page.text
    assert "Design your first badge" in page.text


def test_the_empty_state_for_viewers_offers_no_button(login, academy) -> None:
    page = login(academy.viewer.user).get(reverse("achievements:list", args=[academy.slug]))
    assert "No badges yet" in page.text
    assert "Design your first badge" not in page.text


def test_each_badge_shows_whether_its_eu_elements_are_complete(login, academy, make_badge) -> None:
    make_badge(academy, name="Vollständig", **COMPLETE)
    make_badge(academy, name="Lückenhaft", learning_outcomes=["Eins."])
    page = login(academy.viewer.user).get(reverse("achievements:list", args=[academy.slug]))
    assert page.text.count("EU elements complete") == 1
    assert "EU elements: 5 missing" in page.text
    assert "notional workload, EQF level, type of assessment" in page.text


def test_the_indicator_in_german(login, academy, make_badge) -> None:
    make_badge(academy, name="Lückenhaft")
    client = login(academy.viewer.user)
    with translation.override("de"):
        page = client.get(
            reverse("achievements:list", args=[academy.slug]), HTTP_ACCEPT_LANGUAGE="de"
        )
    assert "EU-Elemente: 6 fehlen" in page.text
    assert "Lernergebnisse" in page.text


def test_a_missing_country_counts_against_completeness(login, academy, make_badge) -> None:
    from microcred.web.achievements.views import eu_status

    badge = make_badge(academy, **COMPLETE)
    assert eu_status(badge) == {"eu_complete": True, "eu_missing": []}
    academy.country = ""
    academy.save()
    badge.refresh_from_db()
    assert eu_status(badge)["eu_missing"] == ["country of the awarding body"]


def test_archived_badges_are_listed_apart(login, academy, make_badge) -> None:
    from microcred.web.achievements.services import archive

    make_badge(academy, name="Aktiv")
    old = make_badge(academy, name="Alt")
    archive(old, academy.issuer.user)
    client = login(academy.viewer.user)
    page = client.get(reverse("achievements:list", args=[academy.slug]))
    assert "Aktiv" in page.text and ">Alt<" not in page.text
    assert "Show 1 archived badge" in page.text
    archived = client.get(reverse("achievements:list", args=[academy.slug]) + "?archived=1")
    assert ">Alt<" in archived.text and "Aktiv" not in archived.text
