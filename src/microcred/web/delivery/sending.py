"""One attempt to hand a delivery's e-mail to the mail server, and what its answer means.

The credential is issued whatever happens here; this only decides whether the e-mail went
out, waits for another attempt, failed, or bounced, and says why on the credential page.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from microcred.web.delivery.message import compose
from microcred.web.delivery.models import Delivery, Problem, Status
from microcred.web.delivery.problems import Failure, classify
from microcred.web.delivery.queueing import enqueue_attempt
from microcred.web.delivery.schedule import next_attempt
from microcred.web.engagement.events import record
from microcred.web.holder.claims import new_claim_link
from microcred.web.holder.models import ClaimLink

logger = logging.getLogger("microcred.web.delivery")


def attempt(delivery_id: int) -> str:
    """Send the e-mail of a queued delivery once; returns the delivery's status afterwards."""
    if not claim(delivery_id):
        return "skipped"
    delivery = Delivery.objects.select_related(
        "credential", "credential__organization", "credential__achievement"
    ).get(pk=delivery_id)
    credential = delivery.credential
    if credential.is_revoked:
        return _give_up(delivery, Failure(Problem.REVOKED, "", retry=False))
    newer = Delivery.objects.filter(credential=credential, queued_at__gt=delivery.queued_at)
    if newer.exists():
        return _give_up(delivery, Failure(Problem.REPLACED, "", retry=False))
    previous_link = _current_link(credential)
    try:
        claim_url = new_claim_link(credential)
        link = _current_link(credential)
        message = compose(delivery, claim_url, link["expires_at"] if link else None)
        message.send(using="default")
    except Exception as error:
        failure = classify(error)
        if failure.problem == Problem.UNEXPECTED:
            logger.exception("delivery %s: the e-mail could not be sent", delivery_id)
        else:
            logger.warning("delivery %s: %s %s", delivery_id, failure.problem, failure.reply)
        # The recipient keeps the link of an earlier e-mail until a new one arrives.
        _restore_link(credential, previous_link)
        return _failed(delivery, failure)
    return _sent(delivery)


def claim(delivery_id: int) -> bool:
    """Take a queued delivery that is due for sending; False if another worker has it.

    A conditional update, so two workers never send the same e-mail and a second task for the
    same delivery (see recovery.py) cannot send before a retry is due. While sending,
    next_attempt_at says since when, which is what recovery.py waits from.
    """
    now = timezone.now()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    return bool(
        Delivery.objects.filter(due, pk=delivery_id, status=Status.QUEUED).update(
            status=Status.SENDING, attempts=F("attempts") + 1, next_attempt_at=now
        )
    )


def _sent(delivery: Delivery) -> str:
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Status.SENT,
            sent_at=timezone.now(),
            next_attempt_at=None,
            problem=Problem.NONE,
            server_reply="",
        )
        record(delivery.credential, "delivered")
    return Status.SENT


def _failed(delivery: Delivery, failure: Failure) -> str:
    if not failure.retry:
        return _give_up(delivery, failure)
    delivery.refresh_from_db(fields=["attempts"])
    when = next_attempt(delivery.attempts, timezone.now())
    if when is None:
        return _give_up(delivery, failure)
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Status.QUEUED,
            next_attempt_at=when,
            problem=failure.problem,
            server_reply=failure.reply,
        )
        enqueue_attempt(delivery.pk, run_after=when)
    return Status.QUEUED


def _give_up(delivery: Delivery, failure: Failure) -> str:
    status = Status.BOUNCED if failure.problem == Problem.RECIPIENT else Status.FAILED
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status, next_attempt_at=None, problem=failure.problem, server_reply=failure.reply
    )
    return status


def _current_link(credential: Any) -> dict[str, Any] | None:
    return (
        ClaimLink.objects.filter(credential=credential).values("token_hash", "expires_at").first()
    )


def _restore_link(credential: Any, previous: dict[str, Any] | None) -> None:
    # Without an earlier link the new one stays: nobody knows its token.
    if previous is not None:
        ClaimLink.objects.filter(credential=credential).update(**previous)
