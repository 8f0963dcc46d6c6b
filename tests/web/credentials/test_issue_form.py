"""Issuing a designed badge to one person: form, preview, issue, and what the credential says."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import timezone
from PIL import Image

from microcred.baking import unbake
from microcred.web.credentials.models import IssuedCredential
from microcred.web.credentials.verdict import live_report
from microcred.web.organizations.models import Role
from tests.web.credentials.helpers import designed_badge

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization(make_organization):
    return make_organization(region="Bayern")


@pytest.fixture
def badge(organization):
    return designed_badge(
        organization,
        expiry_months=24,
        ects=Decimal("2"),
        eqf_level=5,
        learning_outcomes=["Plant Sprints.", "Moderiert Retrospektiven."],
        assessment_type="Projektarbeit",
        participation_form="blended",
    )


@pytest.fixture
def issuer(client, organization, make_user, add_member):
    person = make_user("issuer@example.org", name="Ina Issuer")
    add_member(organization, person, Role.ISSUER)
    client.force_login(person)
    return person


def form_data(**changes):
    data = {
        "recipient_name": "Erika  Mustermann",
        "recipient_email": "erika@example.org",
        "result": "1,3",
        "evidence_url": "https://portfolio.example/erika/projekt",
        "evidence_text": "Sprint-Review mit echtem Kunden moderiert.",
        "issue_date": timezone.localdate().isoformat(),
    }
    data.update(changes)
    return data


def url(organization, badge) -> str:
    return f"/o/{organization.slug}/achievements/{badge.public_id}/issue/"


def test_the_form_starts_with_todays_date(client, organization, badge, issuer) -> None:
    response = client.get(url(organization, badge))
    assert response.status_code == 200
    assert badge.name in response.text
    assert f'value="{timezone.localdate().isoformat()}"' in response.text
    assert "Valid for 24 months after the issue date." in response.text


def test_the_preview_shows_everything_and_issues_nothing(
    client, organization, badge, issuer
) -> None:
    response = client.post(url(organization, badge), form_data(preview="1"))
    assert response.status_code == 200
    assert "Check before issuing" in response.text
    assert "Erika Mustermann" in response.text  # names are tidied
    assert "https://portfolio.example/erika/projekt" in response.text
    assert 'name="issue"' in response.text
    assert not IssuedCredential.objects.exists()


def test_change_goes_back_to_the_form_with_the_values(client, organization, badge, issuer):
    response = client.post(url(organization, badge), form_data(edit="1"))
    assert 'name="preview"' in response.text
    assert 'value="erika@example.org"' in response.text


def test_issuing_signs_and_shows_the_credential(client, organization, badge, issuer) -> None:
    response = client.post(url(organization, badge), form_data(issue="1"), follow=True)
    credential = IssuedCredential.objects.get()
    assert response.redirect_chain[-1][0] == (
        f"/o/{organization.slug}/credentials/{credential.public_id}/"
    )
    assert "is issued to Erika Mustermann" in response.text
    assert credential.achievement == badge
    assert credential.issued_by == issuer
    assert credential.recipient_email == "erika@example.org"
    assert live_report(credential).verdict.value == "valid"
    document = json.loads(credential.signed_text)
    subject = document["credentialSubject"]
    assert subject["achievement"]["name"] == "Agiles Projektmanagement"
    assert subject["result"] == [{"type": ["Result"], "value": "1,3"}]
    assert {"id": "https://portfolio.example/erika/projekt"}.items() <= document["evidence"][
        0
    ].items()
    assert document["evidence"][1]["narrative"] == "Sprint-Review mit echtem Kunden moderiert."
    assert document["issuer"]["address"] == {
        "type": ["Address"],
        "addressCountryCode": "DE",
        "addressRegion": "Bayern",
    }
    assert "https://w3id.org/microcred/eu/v1" in document["@context"]


def test_the_expiry_rule_of_the_badge_applies(client, organization, badge, issuer) -> None:
    client.post(url(organization, badge), form_data(issue="1"))
    credential = IssuedCredential.objects.get()
    assert credential.valid_until is not None
    assert (credential.valid_until - credential.valid_from).days in range(729, 733)


def test_an_earlier_issue_date_starts_that_day(client, organization, badge, issuer) -> None:
    earlier = date(2025, 3, 14)
    client.post(url(organization, badge), form_data(issue="1", issue_date=earlier.isoformat()))
    credential = IssuedCredential.objects.get()
    assert timezone.localtime(credential.valid_from).date() == earlier
    assert json.loads(credential.signed_text)["validFrom"].startswith("2025-03-1")


def test_the_baked_png_uses_the_designed_image(client, organization, badge, issuer) -> None:
    client.post(url(organization, badge), form_data(issue="1"))
    credential = IssuedCredential.objects.get()
    baked = client.get(f"/c/{credential.public_id}/badge.png").content
    assert unbake(baked).text == credential.signed_text
    assert Image.open(BytesIO(baked)).size == (128, 128)  # the designer's PNG, not a stand-in
    svg = client.get(f"/c/{credential.public_id}/badge.svg").content
    assert b"Agiles" in svg or b"Projekt" in svg


def test_the_public_page_shows_the_eu_elements(client, organization, badge, issuer) -> None:
    client.post(url(organization, badge), form_data(issue="1"))
    credential = IssuedCredential.objects.get()
    client.logout()
    page = client.get(f"/c/{credential.public_id}", headers={"accept": "text/html"}).text
    assert "EU micro-credential elements" in page
    assert "ECTS credits" in page and "EQF level" in page


BAD = {
    "no name": ({"recipient_name": "  "}, "recipient_name", "This field is required."),
    "bad e-mail": ({"recipient_email": "erika@"}, "recipient_email", "Enter a valid email"),
    "future date": (
        {"issue_date": (timezone.localdate() + timedelta(days=2)).isoformat()},
        "issue_date",
        "cannot be in the future",
    ),
    "no date": ({"issue_date": "gestern"}, "issue_date", "Enter a valid date."),
    "bad link": ({"evidence_url": "javascript:alert(1)"}, "evidence_url", "Enter a valid URL."),
}


@pytest.mark.parametrize(("changes", "field", "message"), BAD.values(), ids=BAD.keys())
def test_bad_input_is_explained_and_kept(
    client, organization, badge, issuer, changes, field, message
) -> None:
    data = form_data(issue="1", **changes)
    response = client.post(url(organization, badge), data)
    assert response.status_code == 200
    assert message in response.text
    assert 'value="1,3"' in response.text  # the rest of what was typed is still there
    assert not IssuedCredential.objects.exists()


def test_viewers_cannot_issue(client, organization, badge, make_user, add_member) -> None:
    viewer = make_user()
    add_member(organization, viewer, Role.VIEWER)
    client.force_login(viewer)
    assert client.get(url(organization, badge)).status_code == 403
    assert client.post(url(organization, badge), form_data(issue="1")).status_code == 403


def test_archived_badges_are_not_offered(client, organization, badge, issuer) -> None:
    badge.archived_at = timezone.now()
    badge.save(update_fields=["archived_at"])
    assert client.get(url(organization, badge)).status_code == 404
    assert badge.name not in client.get(f"/o/{organization.slug}/credentials/new/").text


def test_the_chooser_lists_the_badges(client, organization, badge, issuer) -> None:
    page = client.get(f"/o/{organization.slug}/credentials/new/").text
    assert url(organization, badge) in page


def test_an_issued_badge_cannot_be_deleted_only_archived(
    client, organization, badge, issuer
) -> None:
    from microcred.web.achievements.services import is_in_use

    client.post(url(organization, badge), form_data(issue="1"))
    assert is_in_use(badge)
