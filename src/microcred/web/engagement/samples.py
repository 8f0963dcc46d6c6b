"""What the demo's recipients did with their badges, so the demo dashboard has a story.

The demo credentials are backdated to their issue dates; each gets an e-mail marked as
delivered, and most recipients then open, accept, view, share, download and have their badge
checked, on seeded pseudo-random days after issuing. A second demo run changes nothing.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from microcred.web.delivery.models import Delivery, Status
from microcred.web.engagement.kinds import EventKind
from microcred.web.engagement.models import Event
from microcred.web.holder.claims import new_claim_link
from microcred.web.holder.models import ClaimLink

# (kind, channel, chance that a recipient who claimed does it, how many times at most)
AFTER_CLAIMING = (
    (EventKind.VIEWED, "", 1.0, 9),
    (EventKind.SHARED, "linkedin_add", 0.7, 1),
    (EventKind.SHARED, "linkedin_post", 0.5, 1),
    (EventKind.SHARED, "signature", 0.3, 1),
    (EventKind.SHARED, "link", 0.6, 2),
    (EventKind.DOWNLOADED, "pdf", 0.8, 2),
    (EventKind.DOWNLOADED, "png", 0.5, 1),
    (EventKind.VERIFIED, "page", 0.7, 3),
    (EventKind.VERIFIED, "api", 0.3, 2),
)


def simulate_recipients(credentials: Sequence[Any]) -> None:
    """Deliveries, claims and events for the demo credentials (once).

    The third recipient opened the e-mail's link but has not accepted yet, so the funnel
    shows a drop and the claim page can be tried out.
    """
    if not credentials or Event.objects.filter(credential__in=credentials).exists():
        return
    now = timezone.now()
    with transaction.atomic():
        for number, credential in enumerate(credentials):
            rng = random.Random(number)  # noqa: S311 - sample data
            _simulate(credential, rng, now, accepts=number != 2)


def _simulate(credential: Any, rng: random.Random, now: datetime, *, accepts: bool) -> None:
    issued = credential.valid_from
    type(credential).objects.filter(pk=credential.pk).update(issued_at=issued)
    sent = issued + timedelta(minutes=2)
    Delivery.objects.create(
        credential=credential,
        to_address=credential.recipient_email,
        language="de",
        status=Status.SENT,
        attempts=1,
        queued_at=issued,
        sent_at=sent,
    )
    events = [(EventKind.DELIVERED, "", sent)]
    moment = sent + timedelta(hours=rng.uniform(1, 30))
    if credential.is_revoked or moment > now:
        _save(credential, events)
        return
    new_claim_link(credential)
    events.append((EventKind.OPENED, "", moment))
    if not accepts:
        ClaimLink.objects.filter(credential=credential).update(first_opened_at=moment)
        _save(credential, events)
        return
    claimed = moment + timedelta(minutes=rng.uniform(1, 20))
    ClaimLink.objects.filter(credential=credential).update(
        first_opened_at=moment, claimed_at=claimed
    )
    events.append((EventKind.CLAIMED, "", claimed))
    days = max((now - claimed).days, 1)
    for kind, channel, chance, most in AFTER_CLAIMING:
        if rng.random() < chance:
            for _ in range(rng.randint(1, most)):
                when = claimed + timedelta(days=rng.uniform(0, days), minutes=rng.uniform(1, 60))
                events.append((kind, channel, min(when, now)))
    _save(credential, events, crawler_views=rng.randint(0, 4), now=now)


def _save(
    credential: Any,
    events: list[tuple[str, str, datetime]],
    *,
    crawler_views: int = 0,
    now: datetime | None = None,
) -> None:
    rows = [
        Event(
            organization_id=credential.organization_id,
            credential=credential,
            achievement_id=credential.achievement_id,
            kind=kind,
            channel=channel,
            occurred_at=when,
        )
        for kind, channel, when in events
    ]
    # Link previews of the LinkedIn posts: kept apart on the dashboard.
    rows += [
        Event(
            organization_id=credential.organization_id,
            credential=credential,
            achievement_id=credential.achievement_id,
            kind=EventKind.VIEWED,
            is_bot=True,
            occurred_at=now or timezone.now(),
        )
        for _ in range(crawler_views)
    ]
    Event.objects.bulk_create(rows)
