"""A worker killed mid-send, or a task lost before it was queued, loses no e-mail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from microcred.web.delivery.models import Delivery, Status
from microcred.web.delivery.queueing import queue_delivery
from microcred.web.delivery.recovery import STRANDED_AFTER, requeue_stranded
from microcred.web.lib import worker_start
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential(academy, badge):
    return issue_sample(academy, suspension=False, achievement=badge, email="ada@example.org")


def strand(delivery: Delivery, status: str, *, minutes_ago: int) -> None:
    """As a dead worker leaves it: its task gone, the row as it was."""
    DBTaskResult.objects.all().delete()
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status, next_attempt_at=timezone.now() - timedelta(minutes=minutes_ago)
    )


@pytest.mark.parametrize("status", [Status.SENDING, Status.QUEUED])
def test_a_stranded_delivery_is_sent_when_a_worker_starts(
    credential, status, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    delivery = queue_delivery(credential)
    strand(delivery, status, minutes_ago=60)

    with django_capture_on_commit_callbacks(execute=True):
        worker_start.run_hooks()
    run_worker()

    delivery.refresh_from_db()
    assert delivery.status == Status.SENT
    assert [message["To"] for message in smtp_inbox.messages] == ["ada@example.org"]


def test_a_delivery_being_sent_right_now_is_left_alone(credential) -> None:
    delivery = queue_delivery(credential)
    strand(delivery, Status.SENDING, minutes_ago=1)

    assert requeue_stranded() == 0
    delivery.refresh_from_db()
    assert delivery.status == Status.SENDING


def test_a_retry_that_is_not_due_yet_is_left_to_its_own_task(credential) -> None:
    delivery = queue_delivery(credential)
    later = timezone.now() + timedelta(hours=2)
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=later)

    assert requeue_stranded() == 0
    delivery.refresh_from_db()
    assert delivery.next_attempt_at == later


def test_a_second_task_cannot_send_before_the_retry_is_due(
    credential, smtp_inbox, run_worker
) -> None:
    delivery = queue_delivery(credential)
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now() + STRANDED_AFTER)
    from microcred.web.delivery.sending import attempt

    assert attempt(delivery.pk) == "skipped"
    assert smtp_inbox.messages == []


def test_sent_failed_and_bounced_deliveries_stay_as_they_are(credential) -> None:
    for status in (Status.SENT, Status.FAILED, Status.BOUNCED):
        delivery = queue_delivery(credential)
        Delivery.objects.filter(pk=delivery.pk).update(
            status=status, next_attempt_at=timezone.now() - timedelta(days=1)
        )

    assert requeue_stranded() == 0


def test_a_failing_start_up_step_does_not_stop_the_worker(caplog) -> None:
    ran = []

    def broken() -> None:
        raise RuntimeError("boom")

    worker_start.register("zz-test-broken", broken)
    worker_start.register("zz-test-fine", lambda: ran.append(True))
    try:
        worker_start.run_hooks()
    finally:
        worker_start._HOOKS.pop("zz-test-broken")
        worker_start._HOOKS.pop("zz-test-fine")
    assert ran == [True]
    assert "zz-test-broken" in caplog.text


def test_a_delivery_taken_late_from_a_long_queue_is_not_taken_twice(credential) -> None:
    from microcred.web.delivery.sending import claim

    delivery = queue_delivery(credential)
    # Due an hour ago (a long queue); a worker takes it now and is still talking to the server.
    Delivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - timedelta(hours=1)
    )
    assert claim(delivery.pk)

    assert requeue_stranded() == 0
    assert not claim(delivery.pk)
