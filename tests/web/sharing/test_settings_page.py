"""/o/<slug>/sharing/: the organization's LinkedIn id, for admins of that organization only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from microcred.web.audit.models import AuditEvent
from microcred.web.sharing.models import SharingSettings, linkedin_organization_id

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization(make_organization):
    return make_organization()


def owner_of(organization):
    return organization.memberships.order_by("pk").first().user


def url(organization) -> str:
    return reverse("sharing:settings", args=[organization.slug])


def test_an_admin_saves_the_linkedin_organization_id(client, organization) -> None:
    client.force_login(owner_of(organization))

    response = client.post(url(organization), {"linkedin_organization_id": " 1337 "})

    assert response.status_code == 302
    assert linkedin_organization_id(organization) == "1337"
    assert AuditEvent.objects.filter(organization=organization, action="sharing.updated").exists()


@pytest.mark.parametrize("value", ["acme-gmbh", "linkedin.com/company/1337", "13 37", "-5"])
def test_anything_but_digits_is_refused_with_a_clear_message(client, organization, value) -> None:
    client.force_login(owner_of(organization))

    response = client.post(url(organization), {"linkedin_organization_id": value})

    assert response.status_code == 200
    assert "Enter only the digits of the LinkedIn organization id" in response.text
    assert not SharingSettings.objects.exists()


def test_the_message_is_german_for_german_admins(client, organization) -> None:
    client.force_login(owner_of(organization))

    response = client.post(
        url(organization), {"linkedin_organization_id": "acme"}, headers={"accept-language": "de"}
    )

    assert "Geben Sie nur die Ziffern der LinkedIn-Organisations-ID ein" in response.text


def test_the_id_can_be_cleared_again(client, organization) -> None:
    SharingSettings.objects.create(organization=organization, linkedin_organization_id="1337")
    client.force_login(owner_of(organization))

    client.post(url(organization), {"linkedin_organization_id": ""})

    assert linkedin_organization_id(organization) == ""


def test_the_page_is_in_the_admins_menu(client, organization) -> None:
    client.force_login(owner_of(organization))

    response = client.get(url(organization))

    assert response.status_code == 200
    assert f'href="{url(organization)}" aria-current="page"' in response.text


def test_members_below_admin_may_not_change_it(client, organization, make_user, add_member) -> None:
    issuer = make_user()
    add_member(organization, issuer, "issuer")
    client.force_login(issuer)

    assert client.get(url(organization)).status_code == 403
    assert client.post(url(organization), {"linkedin_organization_id": "1"}).status_code == 403


def test_another_organizations_admin_sees_nothing(client, organization, make_organization) -> None:
    SharingSettings.objects.create(organization=organization, linkedin_organization_id="1337")
    other = make_organization("Fremde Akademie")
    client.force_login(owner_of(other))

    assert client.get(url(organization)).status_code == 404
    assert client.post(url(organization), {"linkedin_organization_id": "9"}).status_code == 404
    assert linkedin_organization_id(organization) == "1337"
    assert "1337" not in client.get(url(other)).text
