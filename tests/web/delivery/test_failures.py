"""When the mail server is down, puts the e-mail off, or refuses the recipient."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from microcred.web.delivery.models import Delivery, Problem, Status
from microcred.web.delivery.queueing import queue_delivery
from microcred.web.delivery.schedule import MAX_ATTEMPTS, RETRY_DELAYS
from microcred.web.engagement.models import Event
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential(academy, badge):
    return issue_sample(academy, suspension=False, achievement=badge, email="ada@example.org")


@pytest.fixture
def queued(credential, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return queue_delivery(credential)


def time_passes() -> None:
    """Every waiting e-mail task becomes due, as if its retry time had come."""
    now = timezone.now()
    DBTaskResult.objects.filter(status="READY").update(run_after=now)
    Delivery.objects.filter(status=Status.QUEUED).update(next_attempt_at=now)


def test_a_server_that_is_down_leaves_it_queued_for_a_retry(queued, smtp_down, run_worker) -> None:
    before = timezone.now()
    run_worker()

    queued.refresh_from_db()
    assert queued.status == Status.QUEUED
    assert queued.attempts == 1
    assert queued.problem == Problem.UNREACHABLE
    assert queued.last_error.startswith("The mail server could not be reached.")
    assert "Connection refused" in queued.last_error
    assert "Traceback" not in queued.last_error
    assert before + RETRY_DELAYS[0] <= queued.next_attempt_at
    assert queued.next_attempt_at <= timezone.now() + RETRY_DELAYS[0]
    waiting = DBTaskResult.objects.get(status="READY")
    assert waiting.queue_name == "email"
    assert waiting.run_after == queued.next_attempt_at


def test_the_retry_waits_for_its_time(queued, smtp_down, run_worker) -> None:
    run_worker()
    run_worker()

    queued.refresh_from_db()
    assert queued.attempts == 1


def test_it_backs_off_and_fails_after_the_last_attempt(queued, smtp_down, run_worker) -> None:
    waits = []
    for _ in range(MAX_ATTEMPTS - 1):
        started = timezone.now()
        run_worker()
        queued.refresh_from_db()
        assert queued.status == Status.QUEUED
        waits.append(queued.next_attempt_at - started)
        time_passes()
    run_worker()

    queued.refresh_from_db()
    assert queued.status == Status.FAILED
    assert queued.attempts == MAX_ATTEMPTS
    assert queued.next_attempt_at is None
    assert queued.last_error.startswith("The mail server could not be reached.")
    assert [round(wait / timedelta(minutes=1)) for wait in waits] == [1, 5, 30, 120, 720]
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_it_is_sent_when_the_server_is_back(
    queued, smtp_down, run_worker, settings, smtp_inbox_later
) -> None:
    run_worker()
    smtp_inbox_later()
    time_passes()
    run_worker()

    queued.refresh_from_db()
    assert queued.status == Status.SENT
    assert queued.attempts == 2
    assert queued.last_error == ""


def test_a_refused_recipient_bounces_without_a_retry(queued, smtp_inbox, run_worker) -> None:
    smtp_inbox.refuse.add("ada@example.org")
    run_worker()

    queued.refresh_from_db()
    assert queued.status == Status.BOUNCED
    assert queued.attempts == 1
    assert queued.next_attempt_at is None
    assert queued.last_error.startswith("The recipient's mail server refused the address")
    assert "550 5.1.1" in queued.last_error
    assert smtp_inbox.messages == []
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert not Event.objects.filter(kind="delivered").exists()


def test_a_revoked_credential_is_not_sent(
    queued, credential, smtp_inbox, run_worker, make_user
) -> None:
    from microcred.web.credentials import revocation

    revocation.revoke(credential, actor=make_user(), reason="Fehler")
    run_worker()

    queued.refresh_from_db()
    assert queued.status == Status.FAILED
    assert queued.problem == Problem.REVOKED
    assert smtp_inbox.messages == []


def test_the_credential_stays_issued_whatever_happens(queued, credential, smtp_down, run_worker):
    for _ in range(MAX_ATTEMPTS):
        run_worker()
        time_passes()
    credential.refresh_from_db()
    assert credential.state == "active"
    assert Delivery.objects.get().status == Status.FAILED


def test_a_greylisting_server_gets_the_email_on_the_next_attempt(
    queued, smtp_inbox, run_worker
) -> None:
    smtp_inbox.defer.add("ada@example.org")
    run_worker()
    queued.refresh_from_db()
    assert queued.status == Status.QUEUED
    assert queued.problem == Problem.DEFERRED
    assert "451 4.7.1 Greylisted" in queued.last_error

    smtp_inbox.defer.clear()
    time_passes()
    run_worker()
    queued.refresh_from_db()
    assert queued.status == Status.SENT
    assert len(smtp_inbox.messages) == 1
