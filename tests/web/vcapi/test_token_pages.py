"""Admins create API tokens (shown once) and revoke them; nobody else sees them."""

from __future__ import annotations

import re

import pytest

from microcred.web.audit.models import AuditEvent
from microcred.web.organizations.models import Role
from microcred.web.vcapi.models import ApiToken
from microcred.web.vcapi.tokens import find_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_client(client, organization):
    client.force_login(organization.memberships.get(role=Role.OWNER).user)
    return client


def test_a_new_token_is_shown_once_and_works(owner_client, organization) -> None:
    url = f"/o/{organization.slug}/api-tokens/"
    response = owner_client.post(url, {"name": "LMS"})
    secret = re.search(r'id="new-token"[^>]*value="(mcat_[^"]+)"', response.text)[1]
    assert find_token(secret).organization == organization
    page = owner_client.get(url).text
    assert secret not in page and "LMS" in page
    assert AuditEvent.objects.filter(action="apitoken.created").count() == 1


def test_a_token_needs_a_name(owner_client, organization) -> None:
    response = owner_client.post(f"/o/{organization.slug}/api-tokens/", {"name": ""})
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert not ApiToken.objects.exists()


def test_revoking_a_token(owner_client, organization, token) -> None:
    stored = ApiToken.objects.get()
    response = owner_client.post(
        f"/o/{organization.slug}/api-tokens/{stored.pk}/revoke/", follow=True
    )
    assert "no longer works" in response.text
    assert find_token(token) is None


def test_issuers_cannot_manage_tokens(client, organization, make_user, add_member) -> None:
    person = make_user()
    add_member(organization, person, Role.ISSUER)
    client.force_login(person)
    assert client.get(f"/o/{organization.slug}/api-tokens/").status_code == 403
