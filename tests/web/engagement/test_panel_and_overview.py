"""The credential page's engagement panel, the organization overview and the menu."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from microcred.web.engagement.models import Event
from tests.web.credentials.helpers import designed_badge, issue_sample
from tests.web.engagement.helpers import copies, event

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(make_user):
    return make_user()


@pytest.fixture
def badge(make_organization, owner):
    return designed_badge(make_organization("Akademie Nord", owner=owner))


@pytest.fixture
def credential(badge):
    return issue_sample(badge.organization, suspension=False, achievement=badge)


def test_the_credential_page_shows_what_happened_to_it(login, owner, credential):
    day = timezone.now() - timedelta(days=1)
    Event.objects.bulk_create(
        [
            event(credential, "delivered", at=day),
            event(credential, "viewed", at=day),
            event(credential, "viewed", at=day),
            event(credential, "viewed", at=day, bot=True),
            event(credential, "downloaded", "pdf", at=day),
        ]
    )
    path = f"/o/{credential.organization.slug}/credentials/{credential.public_id}/"

    page = login(owner).get(path).text

    assert 'id="engagement-panel-heading"' in page
    assert "2 times" in page  # views of people
    assert "1 visit by a crawler or script is not counted here" in page
    assert "not yet" in page  # never opened
    assert f"/achievements/{credential.achievement.public_id}/engagement/" in page


def test_the_overview_lists_badges_with_their_numbers(login, owner, badge, credential):
    other = designed_badge(badge.organization, name="Erste Hilfe")
    (elsewhere,) = copies(credential, 1)
    elsewhere.achievement = other
    elsewhere.save(update_fields=["achievement"])
    day = timezone.now() - timedelta(days=2)
    Event.objects.bulk_create(
        [
            event(credential, "viewed", at=day),
            event(credential, "shared", "link", at=day),
            event(elsewhere, "viewed", at=day),
        ]
    )
    client = login(owner)

    response = client.get(f"/o/{badge.organization.slug}/engagement/?days=30")

    assert response.status_code == 200
    rows = {achievement.name: counts for achievement, counts in response.context["rows"]}
    assert rows["Agiles Projektmanagement"] == {"issued": 1, "viewed": 1, "shared": 1}
    assert rows["Erste Hilfe"] == {"issued": 1, "viewed": 1}
    assert response.context["figures"].total("viewed") == 2


def test_the_overview_is_in_the_organization_menu(login, owner, badge):
    page = login(owner).get(f"/o/{badge.organization.slug}/engagement/").text

    assert f'href="/o/{badge.organization.slug}/engagement/"' in page


def test_the_overview_shows_only_the_own_organization(
    login, make_user, make_organization, credential
):
    stranger = make_user()
    theirs = make_organization("Fremde GmbH", owner=stranger)
    Event.objects.create(
        organization=credential.organization,
        credential=credential,
        achievement=credential.achievement,
        kind="viewed",
    )

    response = login(stranger).get(f"/o/{theirs.slug}/engagement/")

    assert response.context["rows"] == []
    assert response.context["figures"].total("viewed") == 0
    assert login(stranger).get(f"/o/{credential.organization.slug}/engagement/").status_code == 404


def test_the_badge_page_links_members_to_the_dashboard(login, owner, badge):
    path = f"/o/{badge.organization.slug}/achievements/{badge.public_id}"

    page = login(owner).get(path).text

    assert f"{path}/engagement/" in page


def test_the_chart_counts_each_day_in_its_bucket(login, owner, badge, credential):
    today = timezone.localdate()
    midnight = timezone.make_aware(timezone.datetime.combine(today, timezone.datetime.min.time()))
    Event.objects.bulk_create(
        [
            event(credential, "viewed", at=midnight + timedelta(hours=12)),
            event(credential, "viewed", at=midnight - timedelta(days=2, hours=-1)),
            event(credential, "viewed", at=midnight - timedelta(days=2, hours=-23)),
        ]
    )
    path = f"/o/{badge.organization.slug}/achievements/{badge.public_id}/engagement/?days=30"

    timeline = login(owner).get(path).context["timeline"]

    assert len(timeline) == 30 and timeline[-1].start == today
    assert timeline[-1].counts["viewed"] == 1
    assert timeline[-3].counts["viewed"] == 2
