"""The demo's recipients have done things with their badges, once, the way people do."""

from __future__ import annotations

import pytest
from django.utils import timezone

from microcred.web import demo
from microcred.web.delivery.models import Delivery
from microcred.web.engagement.models import Event
from microcred.web.holder.models import ClaimLink

pytestmark = pytest.mark.django_db


def test_the_demo_dashboard_has_a_story_told_once() -> None:
    demo.build(password="demo password 1")
    first = Event.objects.count()
    demo.build(password="demo password 2")

    assert Event.objects.count() == first > 0
    assert Delivery.objects.filter(status="sent").count() == 5


def test_no_one_does_anything_before_the_badge_is_issued_or_in_the_future() -> None:
    demo.build(password="demo password")

    for event in Event.objects.select_related("credential"):
        assert event.credential.issued_at <= event.occurred_at <= timezone.now()


def test_a_revoked_badge_was_delivered_but_not_claimed_and_one_person_has_not_yet() -> None:
    demo.build(password="demo password")

    revoked = Event.objects.filter(credential__revoked_at__isnull=False)
    assert set(revoked.values_list("kind", flat=True)) == {"delivered"}
    assert ClaimLink.objects.filter(claimed_at__isnull=False).count() == 3


def test_each_step_happens_at_most_once_per_person_where_it_can() -> None:
    demo.build(password="demo password")

    for kind in ("delivered", "opened", "claimed"):
        people = Event.objects.filter(kind=kind, is_bot=False)
        assert people.count() == people.values("credential").distinct().count()
