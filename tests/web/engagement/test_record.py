"""record(): how apps count what happens to a credential."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from microcred.web.engagement.events import record
from microcred.web.engagement.kinds import EventKind
from microcred.web.engagement.models import Event
from tests.web.credentials.helpers import issue_sample

PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36"


@pytest.fixture
def credential(make_organization):
    return issue_sample(make_organization(), suspension=False)


def test_it_counts_a_download_with_its_format(credential):
    event = record(credential, EventKind.DOWNLOADED, "pdf")

    assert event is not None
    assert (event.kind, event.channel, event.is_bot) == ("downloaded", "pdf", False)
    assert event.organization_id == credential.organization_id


def test_it_counts_the_first_opening_once(credential):
    assert record(credential, EventKind.OPENED) is not None
    assert record(credential, EventKind.OPENED) is None

    assert Event.objects.filter(credential=credential, kind="opened").count() == 1


def test_it_counts_every_view(credential):
    record(credential, EventKind.VIEWED)
    record(credential, EventKind.VIEWED)

    assert Event.objects.filter(credential=credential, kind="viewed").count() == 2


def test_it_counts_link_preview_crawlers_apart(credential):
    crawler = RequestFactory().get("/", HTTP_USER_AGENT="LinkedInBot/1.0 (compatible; Mozilla/5.0)")
    person = RequestFactory().get("/", HTTP_USER_AGENT=PERSON)

    assert record(credential, EventKind.VIEWED, request=crawler).is_bot
    assert not record(credential, EventKind.VIEWED, request=person).is_bot


def test_a_crawler_does_not_use_up_the_first_opening(credential):
    crawler = RequestFactory().get("/", HTTP_USER_AGENT="Slackbot-LinkExpanding 1.0")

    record(credential, EventKind.OPENED, request=crawler)

    assert record(credential, EventKind.OPENED) is not None


@pytest.mark.parametrize(
    ("kind", "channel"),
    [("downloaded", "exe"), ("shared", ""), ("viewed", "png"), ("verified", "fax")],
)
def test_it_refuses_a_channel_that_does_not_belong_to_the_kind(credential, kind, channel):
    with pytest.raises(ValueError, match="channel"):
        record(credential, kind, channel)
