"""Members and roles: who may change whom, and an organization always keeps an owner."""

from __future__ import annotations

import pytest
from django.urls import reverse

from microcred.web.organizations.models import Membership, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(make_user, make_organization, add_member):
    owner = make_user("owner@example.org")
    organization = make_organization(owner=owner)
    people = {"owner": organization.memberships.get()}
    for role in (Role.ADMIN, Role.ISSUER, Role.VIEWER):
        people[role.value] = add_member(organization, make_user(f"{role.value}@example.org"), role)
    return organization, people


def role_url(organization, membership) -> str:
    return reverse("organizations:change_role", args=[organization.slug, membership.pk])


def remove_url(organization, membership) -> str:
    return reverse("organizations:remove_member", args=[organization.slug, membership.pk])


def test_every_member_sees_the_list(login, team) -> None:
    organization, people = team
    client = login(people["viewer"].user)
    response = client.get(reverse("organizations:members", args=[organization.slug]))
    assert response.status_code == 200
    for membership in people.values():
        assert membership.user.email in response.text
    assert "Invite someone" not in response.text


def test_an_admin_changes_an_issuer_to_viewer_and_it_is_logged(login, team) -> None:
    organization, people = team
    client = login(people["admin"].user)
    client.post(role_url(organization, people["issuer"]), {"role": "viewer"})
    people["issuer"].refresh_from_db()
    assert people["issuer"].role == Role.VIEWER
    event = organization.audit_events.get(action="member.role_changed")
    assert event.details == {"from": "issuer", "to": "viewer"}


def test_an_admin_cannot_make_owners_or_touch_them(login, team) -> None:
    organization, people = team
    client = login(people["admin"].user)
    client.post(role_url(organization, people["issuer"]), {"role": "owner"})
    client.post(role_url(organization, people["owner"]), {"role": "viewer"})
    client.post(remove_url(organization, people["owner"]))
    people["issuer"].refresh_from_db()
    people["owner"].refresh_from_db()
    assert people["issuer"].role == Role.ISSUER
    assert people["owner"].role == Role.OWNER


def test_issuers_and_viewers_cannot_change_roles(login, team) -> None:
    organization, people = team
    for who in ("issuer", "viewer"):
        client = login(people[who].user)
        response = client.post(role_url(organization, people["admin"]), {"role": "viewer"})
        assert response.status_code == 403
    people["admin"].refresh_from_db()
    assert people["admin"].role == Role.ADMIN


def test_the_last_owner_can_neither_leave_nor_step_down(login, team) -> None:
    organization, people = team
    client = login(people["owner"].user)
    response = client.post(role_url(organization, people["owner"]), {"role": "admin"}, follow=True)
    assert "at least one owner" in response.text
    client.post(remove_url(organization, people["owner"]))
    people["owner"].refresh_from_db()
    assert people["owner"].role == Role.OWNER


def test_an_owner_hands_over_and_then_may_leave(login, team) -> None:
    organization, people = team
    client = login(people["owner"].user)
    client.post(role_url(organization, people["admin"]), {"role": "owner"})
    response = client.post(remove_url(organization, people["owner"]))
    assert response["Location"] == reverse("front:home")
    assert not Membership.objects.filter(pk=people["owner"].pk).exists()


def test_a_viewer_may_leave(login, team) -> None:
    organization, people = team
    client = login(people["viewer"].user)
    client.post(remove_url(organization, people["viewer"]))
    assert not Membership.objects.filter(pk=people["viewer"].pk).exists()


def test_an_unknown_role_is_refused(login, team) -> None:
    organization, people = team
    client = login(people["owner"].user)
    response = client.post(role_url(organization, people["viewer"]), {"role": "god"}, follow=True)
    assert "Please choose one of the roles." in response.text
    people["viewer"].refresh_from_db()
    assert people["viewer"].role == Role.VIEWER
