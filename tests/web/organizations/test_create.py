"""Creating an organization through its form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from microcred.web.organizations.models import Organization

pytestmark = pytest.mark.django_db


def test_it_creates_the_organization_and_opens_it(login, make_user) -> None:
    client = login(make_user())
    response = client.post(
        reverse("organizations:create"),
        {"name": "Volkshochschule Nord", "country": "DE", "region": "Hamburg"},
    )
    organization = Organization.objects.get()
    assert organization.slug == "volkshochschule-nord"
    assert response["Location"] == reverse("organizations:overview", args=[organization.slug])
    page = client.get(response["Location"])
    assert "did:web:testserver:o:volkshochschule-nord" in page.text


def test_it_explains_missing_and_bad_fields_and_keeps_what_was_typed(login, make_user) -> None:
    client = login(make_user())
    response = client.post(
        reverse("organizations:create"),
        {"name": "", "country": "XX", "url": "not a url", "region": "Tirol", "slug": "Bad Slug"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"name", "country", "url", "slug"}
    assert "This field is required." in form.errors["name"]
    assert 'value="Tirol"' in response.text
    assert 'value="not a url"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert Organization.objects.count() == 0


def test_it_refuses_a_taken_address(login, make_user, make_organization) -> None:
    make_organization("Akademie", slug="akademie")
    client = login(make_user())
    response = client.post(
        reverse("organizations:create"), {"name": "Other", "slug": "akademie", "country": "AT"}
    )
    assert "This address is taken" in response.text
    assert Organization.objects.count() == 1


def test_it_needs_a_login(client) -> None:
    response = client.get(reverse("organizations:create"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
