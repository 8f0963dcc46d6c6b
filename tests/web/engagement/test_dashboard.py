"""/o/<org>/achievements/<id>/engagement/: the issuer's funnel, channels, bots and chart."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from microcred.web.engagement.models import Event
from tests.web.credentials.helpers import designed_badge, issue_sample
from tests.web.engagement.helpers import copies, event, realistic_events

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(make_user):
    return make_user(name="Ines Issuer")


@pytest.fixture
def organization(make_organization, owner):
    return make_organization("Akademie Süd", owner=owner)


@pytest.fixture
def badge(organization):
    return designed_badge(organization)


@pytest.fixture
def template(organization, badge):
    return issue_sample(organization, suspension=False, achievement=badge)


def url(badge, days: int | None = None) -> str:
    path = f"/o/{badge.organization.slug}/achievements/{badge.public_id}/engagement/"
    return path if days is None else f"{path}?days={days}"


@pytest.fixture
def known(template):
    """Four credentials issued ten days ago with a known history, and one from last year."""
    now = timezone.now()
    ten_days = now - timedelta(days=10)
    first, second, third, fourth = copies(template, 4, issued=[ten_days] * 4)
    (old,) = copies(template, 1, issued=[now - timedelta(days=200)])
    template.delete()
    day = now - timedelta(days=9)
    rows = [
        event(first, "delivered", at=day),
        event(second, "delivered", at=day),
        event(third, "delivered", at=day),
        event(first, "opened", at=day),
        event(second, "opened", at=day),
        event(first, "claimed", at=day),
        event(first, "viewed", at=day),
        event(first, "viewed", at=day),
        event(second, "viewed", at=day),
        event(first, "viewed", at=day, bot=True),
        event(first, "viewed", at=day, bot=True),
        event(first, "shared", "linkedin_add", at=day),
        event(first, "shared", "linkedin_post", at=day),
        event(second, "shared", "linkedin_add", at=day),
        event(first, "downloaded", "png", at=day),
        event(first, "downloaded", "pdf", at=day),
        event(third, "downloaded", "pdf", at=day),
        event(first, "verified", "api", at=day),
        event(first, "verified", "upload", at=day, bot=True),
        # Last year's credential was viewed 60 days ago: in the 90-day totals, not in the funnel.
        event(old, "viewed", at=now - timedelta(days=60)),
    ]
    Event.objects.bulk_create(rows)
    return first, second, third, fourth, old


def test_it_shows_how_far_the_credentials_of_the_period_got(login, owner, badge, known):
    response = login(owner).get(url(badge, 30))

    assert response.status_code == 200
    funnel = {
        step.kind: (step.credentials, step.share) for step in response.context["figures"].funnel
    }
    assert response.context["figures"].issued == 4
    assert funnel == {
        "delivered": (3, 75),
        "opened": (2, 50),
        "claimed": (1, 25),
        "viewed": (2, 50),
        "shared": (2, 50),
        "downloaded": (2, 50),
        "verified": (1, 25),
    }


def test_it_counts_the_events_of_the_period_by_channel_and_bots_apart(login, owner, badge, known):
    figures = login(owner).get(url(badge, 90)).context["figures"]

    assert figures.total("viewed") == 4  # three of this month, one of the old credential
    assert figures.bots == {"viewed": 2, "verified": 1}
    shares = {channel: n for channel, _label, n in figures.channels("shared")}
    assert shares == {"linkedin_add": 2, "linkedin_post": 1, "signature": 0, "embed": 0, "link": 0}
    downloads = {channel: n for channel, _label, n in figures.channels("downloaded")}
    assert downloads["pdf"] == 2 and downloads["png"] == 1 and downloads["svg"] == 0
    verifications = {channel: n for channel, _label, n in figures.channels("verified")}
    assert verifications == {"api": 1, "page": 0, "upload": 0}


def test_the_year_includes_last_years_credential_in_the_funnel(login, owner, badge, known):
    figures = login(owner).get(url(badge, 365)).context["figures"]

    assert figures.issued == 5
    assert {step.kind: step.credentials for step in figures.funnel}["viewed"] == 3


def test_the_page_says_the_numbers_in_words_and_in_a_table(login, owner, badge, known):
    page = login(owner).get(url(badge, 30)).text

    assert "How far credentials got" in page
    assert "Shares by channel" in page and "Downloads by format" in page
    assert 'role="img"' in page and "<desc" in page
    assert "The numbers as a table" in page
    assert 'aria-current="page">30 days' in page


def test_an_unknown_period_falls_back_to_ninety_days(login, owner, badge, known):
    response = login(owner).get(url(badge) + "?days=7")

    assert response.context["days"] == 90


def test_a_viewer_may_look(login, make_user, add_member, organization, badge, known):
    viewer = make_user()
    add_member(organization, viewer, "viewer")

    assert login(viewer).get(url(badge)).status_code == 200


def test_another_organizations_member_gets_404(login, make_user, make_organization, badge, known):
    stranger = make_user()
    make_organization("Andere Akademie", owner=stranger)

    assert login(stranger).get(url(badge)).status_code == 404
    elsewhere = f"/o/andere-akademie/achievements/{badge.public_id}/engagement/"
    assert login(stranger).get(elsewhere).status_code == 404


def test_anonymous_people_are_sent_to_log_in(client, badge):
    response = client.get(url(badge))

    assert response.status_code == 302 and "/accounts/login" in response["Location"]


def test_thousands_of_events_take_the_same_few_queries(
    login, owner, badge, template, django_assert_max_num_queries
):
    now = timezone.now()
    credentials = copies(
        template, 300, issued=[now - timedelta(days=n % 80, hours=n % 24) for n in range(300)]
    )
    created = realistic_events(credentials)
    extra = [
        event(credentials[n % 300], "viewed", at=now - timedelta(hours=n)) for n in range(2000)
    ]
    Event.objects.bulk_create(extra)
    assert created + len(extra) > 2500
    client = login(owner)

    with django_assert_max_num_queries(10):
        response = client.get(url(badge, 90))
    assert response.status_code == 200
    with django_assert_max_num_queries(10):
        client.get(url(badge, 365))


def test_the_dashboard_is_read_only(login, owner, badge):
    assert login(owner).post(url(badge)).status_code == 405
