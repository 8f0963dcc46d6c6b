"""What the CSV exports contain: events per day, kind and channel; and one row per credential."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Final

from django.db.models import Count, Min, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from microcred.web.credentials.models import IssuedCredential
from microcred.web.engagement.kinds import EventKind
from microcred.web.engagement.models import Event

CHUNK: Final = 1000


def daily_header() -> list[str]:
    return [_("Date"), _("Event"), _("Channel"), _("People"), _("Crawlers and scripts")]


def daily_rows(events: QuerySet[Event], since: datetime) -> Iterator[list[object]]:
    people = Count("id", filter=Q(is_bot=False))
    bots = Count("id", filter=Q(is_bot=True))
    rows = (
        events.filter(occurred_at__gte=since)
        .annotate(day=TruncDate("occurred_at"))
        .values_list("day", "kind", "channel")
        .annotate(people=people, bots=bots)
        .order_by("day", "kind", "channel")
        .values_list("day", "kind", "channel", "people", "bots")
    )
    for day, kind, channel, n_people, n_bots in rows.iterator(chunk_size=CHUNK):
        yield [day.isoformat(), kind, channel, n_people, n_bots]


def credential_header() -> list[str]:
    return [
        _("Credential"),
        _("Recipient"),
        _("Issued at"),
        _("Delivered at"),
        _("Opened at"),
        _("Claimed at"),
        _("Views"),
        _("Shares"),
        _("Downloads"),
        _("Verifications"),
    ]


def credential_rows(
    credentials: QuerySet[IssuedCredential], since: datetime
) -> Iterator[list[object]]:
    """Credentials issued since ``since`` with what happened to them so far (people only)."""

    def first(kind: EventKind) -> Min:
        return Min("events__occurred_at", filter=Q(events__kind=kind, events__is_bot=False))

    def count(kind: EventKind) -> Count:
        return Count("events", filter=Q(events__kind=kind, events__is_bot=False))

    rows = (
        credentials.filter(issued_at__gte=since)
        .order_by("issued_at", "pk")
        .values_list("pk")
        .annotate(
            delivered=first(EventKind.DELIVERED),
            opened=first(EventKind.OPENED),
            claimed=first(EventKind.CLAIMED),
            views=count(EventKind.VIEWED),
            shares=count(EventKind.SHARED),
            downloads=count(EventKind.DOWNLOADED),
            verifications=count(EventKind.VERIFIED),
        )
        .values_list(
            "public_id",
            "recipient_name",
            "issued_at",
            "delivered",
            "opened",
            "claimed",
            "views",
            "shares",
            "downloads",
            "verifications",
        )
    )
    for public_id, name, issued, delivered, opened, claimed, *counts in rows.iterator(
        chunk_size=CHUNK
    ):
        yield [str(public_id), name, *map(_moment, (issued, delivered, opened, claimed)), *counts]


def _moment(value: datetime | None) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""
