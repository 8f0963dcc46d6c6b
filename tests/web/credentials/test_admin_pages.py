"""The organization's credential pages: list, one credential, revoke/suspend, settings."""

from __future__ import annotations

import pytest

from microcred.web.credentials.models import IssuingSettings
from microcred.web.organizations.models import Role
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization(make_organization):
    return make_organization()


@pytest.fixture
def owner(organization):
    return organization.memberships.get(role=Role.OWNER).user


def as_role(client, organization, make_user, add_member, role):
    person = make_user()
    add_member(organization, person, role)
    client.force_login(person)
    return client


def test_the_list_shows_recipients_and_states(client, organization, owner) -> None:
    issue_sample(organization, name="Erika Mustermann")
    revoked = issue_sample(organization, name="Max Muster", email="max@example.org")
    from microcred.web.credentials import revocation

    revocation.revoke(revoked, actor=None, reason="x")
    client.force_login(owner)
    text = client.get(f"/o/{organization.slug}/credentials/").text
    assert "Erika Mustermann" in text and "Max Muster" in text
    assert "state-revoked" in text
    only_revoked = client.get(f"/o/{organization.slug}/credentials/?state=revoked").text
    assert "Max Muster" in only_revoked and "Erika Mustermann" not in only_revoked
    searched = client.get(f"/o/{organization.slug}/credentials/?q=erika").text
    assert "Erika Mustermann" in searched and "Max Muster" not in searched


def test_an_empty_list_says_how_to_begin(client, organization, owner) -> None:
    client.force_login(owner)
    assert (
        "No credentials have been issued yet"
        in client.get(f"/o/{organization.slug}/credentials/").text
    )


def test_the_detail_page_has_links_downloads_and_the_verdict(client, organization, owner) -> None:
    credential = issue_sample(organization)
    client.force_login(owner)
    text = client.get(f"/o/{organization.slug}/credentials/{credential.public_id}/").text
    assert f"/c/{credential.public_id}/badge.png" in text
    assert "erika.mustermann@example.org" in text  # members see the delivery address
    assert "verdict-valid" in text
    assert "Revoke the credential" in text


def test_an_issuer_revokes_with_a_reason(client, organization, make_user, add_member) -> None:
    credential = issue_sample(organization)
    as_role(client, organization, make_user, add_member, Role.ISSUER)
    url = f"/o/{organization.slug}/credentials/{credential.public_id}/revoke/"
    response = client.post(url, {"reason": "Falsche Person"}, follow=True)
    assert "The credential is revoked." in response.text
    credential.refresh_from_db()
    assert credential.is_revoked and credential.revocation_reason == "Falsche Person"


def test_a_revocation_needs_a_reason_and_keeps_the_form(client, organization, owner) -> None:
    credential = issue_sample(organization)
    client.force_login(owner)
    url = f"/o/{organization.slug}/credentials/{credential.public_id}/revoke/"
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 200
    assert "This field is required." in response.text
    credential.refresh_from_db()
    assert not credential.is_revoked


def test_a_viewer_may_look_but_not_revoke(client, organization, make_user, add_member) -> None:
    credential = issue_sample(organization)
    as_role(client, organization, make_user, add_member, Role.VIEWER)
    detail = client.get(f"/o/{organization.slug}/credentials/{credential.public_id}/")
    assert detail.status_code == 200 and "Revoke the credential" not in detail.text
    for action in ("revoke", "suspend", "unsuspend"):
        url = f"/o/{organization.slug}/credentials/{credential.public_id}/{action}/"
        assert client.post(url, {"reason": "x"}).status_code == 403
    credential.refresh_from_db()
    assert credential.state == "active"


def test_suspend_and_lift_from_the_page(client, organization, owner) -> None:
    credential = issue_sample(organization)
    client.force_login(owner)
    base = f"/o/{organization.slug}/credentials/{credential.public_id}"
    assert "The credential is suspended." in client.post(f"{base}/suspend/", follow=True).text
    credential.refresh_from_db()
    assert credential.is_suspended
    again = client.post(f"{base}/suspend/", follow=True).text
    assert "suspended already" in again
    assert "valid again" in client.post(f"{base}/unsuspend/", follow=True).text
    credential.refresh_from_db()
    assert not credential.is_suspended


def test_admins_choose_the_proof_format(client, organization, owner) -> None:
    client.force_login(owner)
    url = f"/o/{organization.slug}/credentials/settings/"
    page = client.get(url)
    assert "eddsa-rdfc-2022" in page.text
    response = client.post(url, {"proof_format": "vc-jwt", "suspension": "on"}, follow=True)
    assert "The issuing settings are saved." in response.text
    assert IssuingSettings.objects.get(organization=organization).proof_format == "vc-jwt"
    assert issue_sample(organization).is_jwt


def test_bad_settings_are_refused_and_kept(client, organization, owner) -> None:
    client.force_login(owner)
    response = client.post(f"/o/{organization.slug}/credentials/settings/", {"proof_format": "md5"})
    assert response.status_code == 200
    assert "Select a valid choice." in response.text
    assert not IssuingSettings.objects.filter(organization=organization).exists()


def test_issuers_cannot_change_the_settings(client, organization, make_user, add_member) -> None:
    as_role(client, organization, make_user, add_member, Role.ISSUER)
    assert client.get(f"/o/{organization.slug}/credentials/settings/").status_code == 403
