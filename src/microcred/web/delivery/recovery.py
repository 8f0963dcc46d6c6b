"""Deliveries a dead worker left behind, queued again.

A worker killed while talking to the mail server leaves its delivery "sending"; a task lost
between commit and enqueue (the process died in between) leaves one "queued" that nobody will
attempt. Both are queued again when a worker starts. Sending again may, rarely, deliver an
e-mail twice (the server accepted it just before the worker died): a duplicate is better than
a recipient who never hears of their badge. The conditional claim in sending.attempt() still
makes sure only one worker sends at a time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from django.db import transaction
from django.utils import timezone

from microcred.web.delivery.models import Delivery, Status
from microcred.web.delivery.queueing import enqueue_attempt

# Far longer than any SMTP conversation (the mailer's timeout is seconds). A "sending" row's
# next_attempt_at is when its worker took it; a "queued" one's is when it fell due, so a long
# queue (a bulk issue) may requeue it needlessly, which the conditional claim makes harmless.
STRANDED_AFTER: Final = timedelta(minutes=15)


def requeue_stranded(now: datetime | None = None) -> int:
    """Queue every stranded delivery again; returns how many."""
    now = now or timezone.now()
    overdue = now - STRANDED_AFTER
    with transaction.atomic():
        stranded = list(
            Delivery.objects.select_for_update()
            .filter(status__in=[Status.SENDING, Status.QUEUED], next_attempt_at__lt=overdue)
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=stranded).update(status=Status.QUEUED, next_attempt_at=now)
        for delivery_id in stranded:
            enqueue_attempt(delivery_id)
    return len(stranded)
