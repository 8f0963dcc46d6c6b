"""Putting a credential's e-mail in the queue: on issue, on "send again", and for retries."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone

from microcred.web.delivery.language import delivery_language
from microcred.web.delivery.models import Delivery, Problem, Status


def queue_delivery(credential: object) -> Delivery:
    """A new delivery of ``credential`` to its recipient, sent by the worker after commit.

    Earlier deliveries still waiting for a retry are given up: each attempt makes a new
    personal link, which would cut off the link of this newer e-mail.
    """
    email = getattr(credential, "recipient_email", "")
    if not email:
        raise ValueError("the credential has no recipient e-mail address to deliver to")
    now = timezone.now()
    delivery = Delivery.objects.create(
        credential=credential,
        to_address=email,
        language=delivery_language(credential),
        queued_at=now,
        next_attempt_at=now,
    )
    Delivery.objects.filter(credential=credential, status=Status.QUEUED).exclude(
        pk=delivery.pk
    ).update(status=Status.FAILED, problem=Problem.REPLACED, server_reply="", next_attempt_at=None)
    enqueue_attempt(delivery.pk)
    return delivery


def enqueue_attempt(delivery_id: int, run_after: datetime | None = None) -> None:
    transaction.on_commit(partial(_enqueue, delivery_id, run_after))


def _enqueue(delivery_id: int, run_after: datetime | None) -> None:
    from microcred.web.delivery.tasks import deliver

    task = deliver.using(run_after=run_after) if run_after is not None else deliver
    task.enqueue(delivery_id)
