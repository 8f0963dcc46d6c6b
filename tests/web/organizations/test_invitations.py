"""Invitations by e-mail: a token link, only for the invited address, used once."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.web.organizations.models import Invitation, Membership, Role
from microcred.web.organizations.services import find_invitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization(make_organization):
    return make_organization("Akademie Beispiel")


def invite(client, organization, email: str, role: str = "issuer"):
    return client.post(
        reverse("organizations:invite", args=[organization.slug]), {"email": email, "role": role}
    )


def link_in_last_mail() -> str:
    match = re.search(r"http://testserver(/invitations/[^/\s]+/)", mail.outbox[-1].body)
    assert match is not None
    return match.group(1)


def test_an_admin_invites_and_the_invited_person_joins(
    login, organization, make_user, client
) -> None:
    login(organization.memberships.get().user)
    assert invite(client, organization, "Grace@Example.org").status_code == 302
    assert mail.outbox[-1].to == ["grace@example.org"]
    assert "Akademie Beispiel" in mail.outbox[-1].subject
    link = link_in_last_mail()
    invitation = Invitation.objects.get()
    assert link.split("/")[2] not in invitation.token_hash  # only the hash is stored

    grace = make_user("grace@example.org")
    login(grace)
    assert "Join Akademie Beispiel" in client.get(link).text
    response = client.post(link)
    assert response["Location"] == reverse("organizations:overview", args=[organization.slug])
    assert Membership.objects.get(organization=organization, user=grace).role == Role.ISSUER
    assert client.get(link).status_code == 404  # used once


def test_someone_else_cannot_use_the_link(login, organization, make_user, client) -> None:
    login(organization.memberships.get().user)
    invite(client, organization, "grace@example.org")
    link = link_in_last_mail()
    login(make_user("mallory@example.org"))
    response = client.post(link, follow=True)
    assert "This invitation is for grace@example.org" in response.text
    assert organization.memberships.count() == 1


def test_an_anonymous_visitor_is_asked_to_log_in_or_sign_up(organization, login, client) -> None:
    login(organization.memberships.get().user)
    invite(client, organization, "grace@example.org")
    link = link_in_last_mail()
    client.logout()
    page = client.get(link)
    assert "Log in with that address" in page.text
    assert client.post(link)["Location"].startswith(reverse("accounts:login"))


def test_inviting_again_replaces_the_earlier_link(login, organization, client) -> None:
    login(organization.memberships.get().user)
    invite(client, organization, "grace@example.org")
    first = link_in_last_mail()
    invite(client, organization, "grace@example.org", "viewer")
    assert client.get(first).status_code == 404
    assert Invitation.objects.get().role == Role.VIEWER


def test_it_explains_bad_invitations_and_keeps_the_input(
    login, organization, add_member, make_user, client
) -> None:
    owner = organization.memberships.get().user
    login(owner)
    bad = invite(client, organization, "not-an-address")
    assert bad.status_code == 400
    assert "Enter a valid email address." in bad.text
    assert 'value="not-an-address"' in bad.text
    member = invite(client, organization, owner.email)
    assert "is already a member" in member.text


def test_admins_cannot_invite_owners_and_issuers_cannot_invite(
    login, organization, add_member, make_user, client
) -> None:
    admin = make_user()
    add_member(organization, admin, Role.ADMIN)
    login(admin)
    response = invite(client, organization, "grace@example.org", "owner")
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    issuer = make_user()
    add_member(organization, issuer, Role.ISSUER)
    login(issuer)
    assert invite(client, organization, "grace@example.org").status_code == 403
    assert Invitation.objects.count() == 0


def test_an_admin_withdraws_an_invitation(login, organization, client) -> None:
    login(organization.memberships.get().user)
    invite(client, organization, "grace@example.org")
    link = link_in_last_mail()
    invitation = Invitation.objects.get()
    client.post(reverse("organizations:revoke_invitation", args=[organization.slug, invitation.pk]))
    assert client.get(link).status_code == 404
    assert organization.audit_events.filter(action="invitation.revoked").exists()


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_token_text_finds_nothing_without_error(token: str) -> None:
    assert find_invitation(token) is None
