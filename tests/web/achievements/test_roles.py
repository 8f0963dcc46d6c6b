"""Viewers see badges; issuers and above design them; outsiders see nothing unissued."""

from __future__ import annotations

import pytest
from django.urls import reverse

from microcred.web.achievements.models import Achievement
from tests.web.achievements.conftest import design_data

pytestmark = pytest.mark.django_db


def test_viewers_see_the_list_and_the_badge_but_cannot_design(login, academy, make_badge) -> None:
    badge = make_badge(academy)
    client = login(academy.viewer.user)
    listing = client.get(reverse("achievements:list", args=[academy.slug]))
    assert listing.status_code == 200
    assert badge.name in listing.text
    assert "Design a badge" not in listing.text
    detail = client.get(reverse("achievements:detail", args=[academy.slug, badge.public_id]))
    assert detail.status_code == 200
    assert ">Edit</a>" not in detail.text


@pytest.mark.parametrize(
    ("name", "method", "with_badge"),
    [
        ("achievements:create", "get", False),
        ("achievements:create", "post", False),
        ("achievements:preview", "post", False),
        ("achievements:edit", "get", True),
        ("achievements:edit", "post", True),
        ("achievements:archive", "post", True),
        ("achievements:restore", "post", True),
        ("achievements:delete", "get", True),
        ("achievements:delete", "post", True),
    ],
)
def test_viewers_get_403_on_every_designing_url(
    login, academy, make_badge, name, method, with_badge
) -> None:
    badge = make_badge(academy)
    args = [academy.slug, badge.public_id] if with_badge else [academy.slug]
    response = getattr(login(academy.viewer.user), method)(reverse(name, args=args), design_data())
    assert response.status_code == 403
    badge.refresh_from_db()
    assert badge.revision == 1 and badge.archived_at is None
    assert Achievement.objects.count() == 1


def test_owners_design_too(login, academy) -> None:
    owner = academy.memberships.get(role="owner").user
    response = login(owner).post(reverse("achievements:create", args=[academy.slug]), design_data())
    assert response.status_code == 302


def test_a_badge_id_from_another_organization_is_404(
    login, academy, make_organization, make_user, make_badge
) -> None:
    other = make_organization("Andere Akademie", owner=make_user("other@example.org"))
    theirs = make_badge(other)
    client = login(academy.issuer.user)
    for name in ("achievements:edit", "achievements:delete"):
        assert client.get(reverse(name, args=[academy.slug, theirs.public_id])).status_code == 404
    detail = reverse("achievements:detail", args=[academy.slug, theirs.public_id])
    assert client.get(detail).status_code == 404
