"""Designing a badge: the form saves what was typed, refuses bad input and keeps it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from microcred.web.achievements.models import Achievement
from microcred.web.audit.models import AuditEvent
from tests.web.achievements.conftest import ESCO_SQL, design_data

pytestmark = pytest.mark.django_db


def create_url(organization) -> str:
    return reverse("achievements:create", args=[organization.slug])


def test_an_issuer_designs_a_badge_and_it_is_logged(login, academy) -> None:
    client = login(academy.issuer.user)
    response = client.post(create_url(academy), design_data())
    badge = Achievement.objects.get(organization=academy)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "achievements:detail", args=[academy.slug, badge.public_id]
    )
    assert badge.learning_outcomes == ["Plant Sprints.", "Moderiert Retrospektiven."]
    assert badge.skills == [{"name": "SQL", "url": ESCO_SQL}]
    assert badge.tags == ["Scrum", "Agilität"]
    assert badge.expiry_months is None
    assert badge.image.content_type == "image/svg+xml"
    assert b"Agiles Projektmanagement" in bytes(badge.image.data)
    assert bytes(badge.image.png).startswith(b"\x89PNG")
    assert badge.created_by == academy.issuer.user
    event = AuditEvent.objects.get(organization=academy, action="achievement.created")
    assert event.target_label == "Agiles Projektmanagement"
    assert event.actor == academy.issuer.user


def test_editing_counts_the_revision_and_logs_what_changed(login, academy, make_badge) -> None:
    badge = make_badge(academy)
    client = login(academy.issuer.user)
    url = reverse("achievements:edit", args=[academy.slug, badge.public_id])
    form_page = client.get(url)
    assert form_page.status_code == 200
    assert "Keep the current image" in form_page.text
    response = client.post(url, design_data(name="Prompting 2", **{"image-source": "keep"}))
    assert response.status_code == 302
    badge.refresh_from_db()
    assert (badge.name, badge.revision) == ("Prompting 2", 2)
    event = AuditEvent.objects.get(organization=academy, action="achievement.updated")
    assert "name" in event.details["changed"]
    assert event.details["revision"] == 2


def test_the_edit_form_starts_with_the_saved_values(login, academy, make_badge) -> None:
    badge = make_badge(
        academy,
        learning_outcomes=["Eins.", "Zwei."],
        tags=["KI", "Prompting"],
        expiry_months=24,
        skills=[{"name": "SQL", "url": ESCO_SQL}],
    )
    page = login(academy.issuer.user).get(
        reverse("achievements:edit", args=[academy.slug, badge.public_id])
    )
    assert "Eins.\nZwei.</textarea>" in page.text
    assert 'value="KI, Prompting"' in page.text
    assert 'value="24"' in page.text
    assert f'value="{ESCO_SQL}"' in page.text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "This field is required."),
        ({"description": ""}, "description", "This field is required."),
        ({"criteria": ""}, "criteria", "This field is required."),
        ({"achievement_type": "Spaceship"}, "achievement_type", "Select a valid choice."),
        ({"language": "xx"}, "language", "Select a valid choice."),
        ({"workload_hours": "-5"}, "workload_hours", "greater than or equal to 0"),
        ({"workload_hours": "lots"}, "workload_hours", "Enter a number."),
        ({"ects": "500"}, "ects", "less than or equal to 300"),
        ({"eqf_level": "9"}, "eqf_level", "Select a valid choice."),
        ({"participation_form": "by post"}, "participation_form", "Select a valid choice."),
        ({"expires": "months"}, "expiry_months", "after how many months"),
        ({"expires": "months", "expiry_months": "0"}, "expiry_months", "after how many months"),
        ({"expires": "months", "expiry_months": "601"}, "expiry_months", "less than or equal"),
        ({"stackability_note": "Zertifikat"}, "stackability_note", "stackable"),
        ({"learning_outcomes": "x" * 501}, "learning_outcomes", "at most 500 characters"),
        ({"learning_outcomes": "\n".join(["x"] * 31)}, "learning_outcomes", "at most 30"),
        ({"tags": ",".join(f"t{i}" for i in range(21))}, "tags", "at most 20 tags"),
        ({"skills-0-url": "javascript:alert(1)"}, "skills-0-url", "http:// or https://"),
        ({"skills-0-url": "ftp://example.org/x"}, "skills-0-url", "http:// or https://"),
        ({"skills-0-name": ""}, "skills-0-name", "name the skill"),
        ({"skills-0-url": ""}, "skills-0-url", "ESCO URI"),
        ({"image-primary": "red"}, "image", "check the colours"),
        ({"image-source": "upload"}, "image-upload", "choose an image file"),
        ({"image-title": "x" * 81}, "image-title", "at most 80 characters"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_kept(
    login, academy, changes, field, message
) -> None:
    client = login(academy.issuer.user)
    response = client.post(create_url(academy), design_data(**changes))
    assert response.status_code == 200
    assert message in response.text, response.text
    assert not Achievement.objects.exists()
    # What the person typed is still in the form.
    if "name" not in changes:
        assert 'value="Agiles Projektmanagement"' in response.text
    if "description" not in changes:
        assert "Plant und steuert Projekte mit Scrum.</textarea>" in response.text
    for key, value in changes.items():
        if value and key not in ("expires", "achievement_type", "language") and len(value) < 60:
            assert value.replace("&", "&amp;") in response.text, key
    assert "Please correct the marked fields." in response.text


def test_errors_are_explained_in_german(login, academy) -> None:
    client = login(academy.issuer.user)
    with translation.override("de"):
        response = client.post(
            create_url(academy),
            design_data(expires="months", **{"skills-0-url": "nope"}),
            HTTP_ACCEPT_LANGUAGE="de",
        )
    assert response.status_code == 200
    assert "nach wie vielen Monaten" in response.text
    assert "vollständige Webadresse" in response.text
    assert "Bitte die markierten Felder korrigieren." in response.text


def test_a_number_of_months_is_kept_only_when_credentials_expire(login, academy) -> None:
    client = login(academy.issuer.user)
    client.post(create_url(academy), design_data(expires="never", expiry_months="12"))
    assert Achievement.objects.get().expiry_months is None
    client.post(create_url(academy), design_data(name="Zwei", expires="months", expiry_months="12"))
    assert Achievement.objects.get(name="Zwei").expiry_months == 12


def test_tags_are_trimmed_and_deduplicated(login, academy) -> None:
    login(academy.issuer.user).post(
        create_url(academy), design_data(tags=" KI ,ki,  Prompting  Basics ,, ")
    )
    assert Achievement.objects.get().tags == ["KI", "Prompting Basics"]


def test_an_empty_skill_row_is_ignored(login, academy) -> None:
    login(academy.issuer.user).post(
        create_url(academy), design_data(**{"skills-0-name": "", "skills-0-url": ""})
    )
    assert Achievement.objects.get().skills == []


def test_too_many_skill_rows_are_refused(login, academy) -> None:
    rows = {"skills-TOTAL_FORMS": "31"}
    for index in range(31):
        rows[f"skills-{index}-name"] = f"Skill {index}"
        rows[f"skills-{index}-url"] = f"https://example.org/skills/{index}"
    response = login(academy.issuer.user).post(create_url(academy), design_data(**rows))
    assert response.status_code == 200
    assert "30" in response.text


# --- the buttons that change the form without saving ---------------------------------------


def test_add_a_skill_without_javascript_keeps_everything_typed(login, academy) -> None:
    response = login(academy.issuer.user).post(
        create_url(academy), design_data(action="add-skill", name="")
    )
    assert response.status_code == 200
    assert 'name="skills-1-name"' in response.text
    assert f'value="{ESCO_SQL}"' in response.text
    # No complaint about the empty name yet: nothing was meant to be saved.
    assert "This field is required." not in response.text
    assert not Achievement.objects.exists()


def test_add_a_skill_with_htmx_returns_the_page_to_swap_the_skills_in(login, academy) -> None:
    response = login(academy.issuer.user).post(
        create_url(academy), design_data(action="add-skill"), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'id="skills"' in response.text


def test_remove_a_skill_drops_just_that_row(login, academy) -> None:
    data = design_data(
        **{
            "skills-TOTAL_FORMS": "3",
            "skills-1-name": "Python",
            "skills-1-url": "https://example.org/python",
            "skills-2-name": "Kanban",
            "skills-2-url": "https://example.org/kanban",
            "skills-1-DELETE": "on",
        }
    )
    response = login(academy.issuer.user).post(create_url(academy), data)
    assert response.status_code == 200
    assert "Python" not in response.text
    assert "Kanban" in response.text and "SQL" in response.text
    assert 'name="skills-TOTAL_FORMS" value="2"' in response.text
    assert not Achievement.objects.exists()


def test_update_the_preview_without_javascript_draws_the_design(login, academy) -> None:
    response = login(academy.issuer.user).post(
        create_url(academy), design_data(action="preview", **{"image-title": "Neu & Größer"})
    )
    assert response.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in response.text
    assert not Achievement.objects.exists()


def test_the_live_preview_draws_the_posted_design(login, academy) -> None:
    import base64
    import re

    response = login(academy.issuer.user).post(
        reverse("achievements:preview", args=[academy.slug]),
        {
            "name": "Erste Hilfe",
            "image-shape": "ribbon",
            "image-primary": "#b3261e",
            "image-secondary": "#ffffff",
            "image-icon": "heart",
            "image-title": "",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    encoded = re.search(r"base64,([A-Za-z0-9+/=]+)", response.text).group(1)
    svg = base64.b64decode(encoded)
    assert b"Erste Hilfe" in svg
    assert b"#b3261e" in svg


def test_the_live_preview_says_so_when_the_design_cannot_be_drawn(login, academy) -> None:
    response = login(academy.issuer.user).post(
        reverse("achievements:preview", args=[academy.slug]),
        {"image-shape": "triangle", "image-primary": "#000000", "image-secondary": "#ffffff"},
    )
    assert response.status_code == 200
    assert "cannot be drawn" in response.text


def test_an_edit_of_an_issued_badge_says_issued_credentials_stay_as_signed(
    login, academy, make_badge, monkeypatch
) -> None:
    from microcred.web.achievements import views

    badge = make_badge(academy)
    monkeypatch.setattr(views.services, "is_in_use", lambda achievement: True)
    page = login(academy.issuer.user).get(
        reverse("achievements:edit", args=[academy.slug, badge.public_id])
    )
    assert "keeps exactly what it was signed with" in page.text


_ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=60)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "name",
                "learning_outcomes",
                "tags",
                "expiry_months",
                "workload_hours",
                "ects",
                "eqf_level",
                "participation_form",
                "stackability",
                "expires",
                "language",
            ]
        ),
        _ANY_TEXT,
    ),
    _ANY_TEXT,
    _ANY_TEXT,
)
def test_any_typed_text_is_accepted_or_refused_never_a_crash(values, skill_name, skill_url):
    from microcred.web.achievements.forms import AchievementForm, skill_formset

    form = AchievementForm(design_data(**values), instance=Achievement())
    if form.is_valid():
        assert isinstance(form.cleaned_data["learning_outcomes"], list)
        assert isinstance(form.cleaned_data["tags"], list)
    else:
        assert all(form.errors.values())
    skills = skill_formset(design_data(**{"skills-0-name": skill_name, "skills-0-url": skill_url}))
    if skills.is_valid():
        for skill in skills.skills():
            assert skill["url"].startswith(("http://", "https://"))
