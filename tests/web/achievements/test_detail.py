"""The badge page: the achievement's id URL, for people (HTML) and machines (JSON)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from microcred.web.achievements.models import Achievement
from microcred.web.audit.models import AuditEvent
from tests.openbadges.schema_validation import assert_valid
from tests.web.achievements.conftest import mark_issued

pytestmark = pytest.mark.django_db


def detail_url(badge) -> str:
    return reverse("achievements:detail", args=[badge.organization.slug, badge.public_id])


def test_an_unissued_badge_is_hidden_from_everyone_but_members(
    client, login, academy, make_badge, make_user
) -> None:
    badge = make_badge(academy)
    assert client.get(detail_url(badge)).status_code == 404
    assert login(make_user("stranger@example.org")).get(detail_url(badge)).status_code == 404
    page = login(academy.viewer.user).get(detail_url(badge))
    assert page.status_code == 200
    assert "only members of the organization can see this page" in page.text


def test_an_issued_badge_is_public_with_what_credentials_show(client, academy, make_badge) -> None:
    badge = make_badge(
        academy,
        learning_outcomes=["Formuliert Aufgaben für Sprachmodelle."],
        skills=[{"name": "Prompt Engineering", "url": "https://example.org/prompting"}],
        eqf_level=4,
        participation_form="online",
    )
    mark_issued(badge)
    page = client.get(detail_url(badge))
    assert page.status_code == 200
    for text in (
        "Prompting für Fachkräfte",
        "Formuliert Aufgaben für Sprachmodelle.",
        "Prompt Engineering",
        "EQF level 4",
        "Online",
        "Akademie Beispiel",
        "Germany, Bayern",
    ):
        assert text in page.text, text
    assert ">Edit</a>" not in page.text
    assert {"Accept", "Cookie"} <= {part.strip() for part in page["Vary"].split(",")}


def test_machines_get_the_open_badges_achievement(client, academy, make_badge) -> None:
    badge = make_badge(academy, eqf_level=6, learning_outcomes=["Eins."])
    mark_issued(badge)
    response = client.get(detail_url(badge), HTTP_ACCEPT="application/ld+json")
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    document = response.json()
    assert document["id"] == "http://testserver" + detail_url(badge)
    assert document["type"] == ["Achievement"]
    assert document["alignment"][0]["targetUrl"] == "http://data.europa.eu/snb/eqf/6"
    assert document["euMicroCredential"]["learningOutcome"] == ["Eins."]
    assert document["image"]["id"].endswith(f"/images/{badge.image.version}.svg")


def test_a_browser_asking_for_anything_gets_the_page(client, academy, make_badge) -> None:
    badge = make_badge(academy)
    mark_issued(badge)
    response = client.get(
        detail_url(badge), HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8"
    )
    assert response["Content-Type"].startswith("text/html")
    assert client.get(detail_url(badge), HTTP_ACCEPT="*/*")["Content-Type"].startswith("text/html")


def test_the_achievement_makes_a_schema_valid_credential(academy, make_badge) -> None:
    from microcred.openbadges.award import Recipient, award
    from microcred.openbadges.eu import with_eu_context
    from microcred.openbadges.profile import Profile
    from microcred.proofs.canonical import canonicalize
    from microcred.web.achievements.documents import achievement_document

    badge = make_badge(
        academy,
        learning_outcomes=["Eins."],
        workload_hours=16,
        ects=1.5,
        eqf_level=4,
        assessment_type="Online-Test",
        participation_form="online",
        quality_assurance="ISO 9001",
        prerequisites="Keine",
        stackability="stackable",
        stackability_note="Zertifikat KI",
        skills=[
            {
                "name": "SQL",
                "url": "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742",
            }
        ],
        tags=["KI"],
        expiry_months=12,
    )
    issuer = Profile(id="did:web:testserver:o:akademie-beispiel", name="Akademie Beispiel")
    credential = with_eu_context(
        award(achievement_document(badge), issuer, Recipient(email="lea@example.org"))
    ).to_json()
    assert_valid(credential)
    canonicalize(credential)
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["creditsAvailable"] == 1.5
    assert achievement["euMicroCredential"]["workloadHours"] == 16
    assert achievement["alignment"][1]["targetFramework"] == "ESCO"
    assert achievement["version"] == "1"


# --- archive, restore, delete ---------------------------------------------------------------


def test_an_unissued_badge_is_deleted_with_its_images_and_logged(
    login, academy, make_badge
) -> None:
    badge = make_badge(academy)
    client = login(academy.issuer.user)
    url = reverse("achievements:delete", args=[academy.slug, badge.public_id])
    assert "can be deleted for good" in client.get(url).text
    response = client.post(url)
    assert response["Location"] == reverse("achievements:list", args=[academy.slug])
    assert not Achievement.objects.exists()
    event = AuditEvent.objects.get(action="achievement.deleted")
    assert event.target_label == badge.name


def test_an_issued_badge_is_archived_instead_of_deleted(login, academy, make_badge) -> None:
    badge = make_badge(academy)
    credential = mark_issued(badge)
    client = login(academy.issuer.user)
    url = reverse("achievements:delete", args=[academy.slug, badge.public_id])
    assert "cannot be deleted" in client.get(url).text
    client.post(url)
    badge.refresh_from_db()
    assert badge.is_archived
    credential.refresh_from_db()
    assert credential.achievement_id == badge.pk
    assert credential.signed_text == '{"signed": "bytes"}'
    assert AuditEvent.objects.filter(action="achievement.archived").count() == 1
    assert not AuditEvent.objects.filter(action="achievement.deleted").exists()


def test_archive_and_restore_are_logged(login, academy, make_badge) -> None:
    badge = make_badge(academy)
    client = login(academy.issuer.user)
    client.post(reverse("achievements:archive", args=[academy.slug, badge.public_id]))
    badge.refresh_from_db()
    assert badge.is_archived
    client.post(reverse("achievements:restore", args=[academy.slug, badge.public_id]))
    badge.refresh_from_db()
    assert not badge.is_archived
    assert [e.action for e in AuditEvent.objects.filter(target_id=str(badge.pk))][:2] == [
        "achievement.restored",
        "achievement.archived",
    ]


def test_an_edit_never_touches_issued_credentials(login, academy, make_badge) -> None:
    from tests.web.achievements.conftest import design_data

    badge = make_badge(academy)
    credential = mark_issued(badge)
    old_image = badge.image
    client = login(academy.issuer.user)
    response = client.post(
        reverse("achievements:edit", args=[academy.slug, badge.public_id]),
        design_data(name="Neuer Name", **{"image-icon": "heart"}),
    )
    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.signed_text == '{"signed": "bytes"}'
    badge.refresh_from_db()
    assert badge.image.version != old_image.version
    # The image URL inside the earlier credential still shows the image it was issued with.
    old = client.get(
        reverse(
            "achievements:image", args=[academy.slug, badge.public_id, old_image.version, "svg"]
        )
    )
    assert old.content == bytes(old_image.data)
