"""The audit log: written by record(), read by owners and admins only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from microcred.web.audit.log import record
from microcred.web.organizations.models import Role

pytestmark = pytest.mark.django_db


def test_it_records_who_did_what_to_which_object(make_user, make_organization) -> None:
    person = make_user("ada@example.org", name="Ada Lovelace")
    organization = make_organization(owner=person)
    event = record(organization, person, "organization.updated", target=organization)
    assert event.actor_label == "Ada Lovelace <ada@example.org>"
    assert (event.target_type, event.target_id) == (
        "organizations.organization",
        str(organization.pk),
    )
    assert event.action_label == "changed the organization's profile"


def test_it_refuses_an_unregistered_action(make_organization) -> None:
    with pytest.raises(ValueError, match="not registered"):
        record(make_organization(), None, "badge.teleported")


def test_the_log_keeps_the_name_of_someone_whose_account_is_gone(
    make_user, make_organization
) -> None:
    person = make_user("gone@example.org", name="Gone Person")
    organization = make_organization()
    record(organization, person, "organization.updated")
    person.delete()
    event = organization.audit_events.get(action="organization.updated")
    assert event.actor is None
    assert event.actor_label == "Gone Person <gone@example.org>"


def test_owners_and_admins_read_the_log_newest_first(
    login, make_user, make_organization, add_member
) -> None:
    organization = make_organization()
    admin = make_user()
    add_member(organization, admin, Role.ADMIN)
    record(organization, admin, "member.invited")
    response = login(admin).get(reverse("audit:events", args=[organization.slug]))
    assert response.status_code == 200
    events = list(response.context["page"].object_list)
    assert events[0].action == "member.invited"
    assert "created the organization" in response.text


def test_issuers_and_viewers_cannot_read_it(
    login, make_user, make_organization, add_member
) -> None:
    organization = make_organization()
    for role in (Role.ISSUER, Role.VIEWER):
        person = make_user()
        add_member(organization, person, role)
        assert (
            login(person).get(reverse("audit:events", args=[organization.slug])).status_code == 403
        )
