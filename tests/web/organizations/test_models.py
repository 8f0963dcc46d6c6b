"""Organizations, memberships and roles as data."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from microcred.web.audit.models import AuditEvent
from microcred.web.identity.models import SigningKey
from microcred.web.organizations.models import Membership, Organization, Role
from microcred.web.organizations.services import suggest_slug

pytestmark = pytest.mark.django_db


def test_roles_include_the_ones_below_them() -> None:
    assert Role.OWNER.includes(Role.ADMIN)
    assert Role.ADMIN.includes(Role.ISSUER)
    assert Role.ISSUER.includes(Role.VIEWER)
    assert Role.ISSUER.includes(Role.ISSUER)
    assert not Role.ISSUER.includes(Role.ADMIN)
    assert not Role.VIEWER.includes("issuer")


def test_creating_an_organization_makes_an_owner_a_key_and_a_log_line(
    make_user, make_organization
) -> None:
    owner = make_user()
    organization = make_organization("Akademie Beispiel", owner=owner)
    assert organization.slug == "akademie-beispiel"
    membership = Membership.objects.get(organization=organization)
    assert (membership.user, membership.role) == (owner, Role.OWNER)
    assert SigningKey.objects.filter(organization=organization).count() == 1
    actions = list(
        AuditEvent.objects.filter(organization=organization).values_list("action", flat=True)
    )
    assert sorted(actions) == ["key.created", "organization.created"]


def test_it_suggests_a_free_slug(make_organization) -> None:
    make_organization("Akademie Beispiel")
    assert suggest_slug("Akademie Beispiel") == "akademie-beispiel-2"
    assert suggest_slug("Über & Co.") == "uber-co"
    assert suggest_slug("!!!") == "organization"


def test_one_person_belongs_to_several_organizations_once_each(
    make_user, make_organization, add_member
) -> None:
    person = make_user()
    first = make_organization("First", owner=person)
    second = make_organization("Second")
    add_member(second, person, Role.VIEWER)
    assert set(person.organizations.all()) == {first, second}
    with pytest.raises(IntegrityError), transaction.atomic():
        add_member(second, person, Role.ADMIN)


@pytest.mark.parametrize("slug", ["-lead", "trail-", "UPPER", "has space", "a" * 51, "ümlaut"])
def test_it_refuses_slugs_that_cannot_be_part_of_a_did(slug: str) -> None:
    organization = Organization(name="X", slug=slug, country="DE")
    with pytest.raises(ValidationError) as error:
        organization.full_clean()
    assert "slug" in error.value.message_dict
