"""The dashboard's numbers, each from one aggregate query over the events.

Two questions, two time frames, said plainly on the page:

- the funnel follows the credentials *issued* in the period: how many of them reached each
  step (at any time since);
- the totals, the breakdowns by channel and the chart count the *events* of the period.

People and machines (link-preview crawlers, scripts) are always counted apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Final

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from microcred.web.credentials.models import IssuedCredential
from microcred.web.engagement.kinds import DownloadChannel, EventKind, ShareChannel, VerifyChannel
from microcred.web.engagement.models import Event

PERIODS: Final = (30, 90, 365)
DEFAULT_PERIOD: Final = 90
FUNNEL: Final = tuple(EventKind)


@dataclass(frozen=True)
class Step:
    kind: str
    label: str
    credentials: int
    # Of the credentials issued in the period, in percent (0 when nothing was issued).
    share: int


@dataclass
class Figures:
    since: datetime
    issued: int
    funnel: list[Step]
    # (kind, channel) -> events of people in the period; (kind, "") sums a kind's channels.
    events: Counter[tuple[str, str]] = field(default_factory=Counter)
    bots: Counter[str] = field(default_factory=Counter)
    # day -> kind -> events of people.
    days: dict[date, Counter[str]] = field(default_factory=dict)

    def total(self, kind: str) -> int:
        return self.events[(kind, "")]

    def channels(self, kind: str) -> list[tuple[str, str, int]]:
        """(channel, label, events) for every channel of ``kind``, most used first."""
        choices = _channel_choices(kind)
        rows = [(value, str(label), self.events[(kind, value)]) for value, label in choices]
        return sorted(rows, key=lambda row: -row[2])

    @property
    def bot_total(self) -> int:
        return sum(self.bots.values())


def period_start(days: int, now: datetime | None = None) -> datetime:
    """Midnight (local time) ``days - 1`` days ago, so the period is ``days`` whole days."""
    today = timezone.localdate(now or timezone.now())
    start = today - timedelta(days=days - 1)
    return timezone.make_aware(datetime.combine(start, datetime.min.time()))


def figures(
    events: QuerySet[Event], credentials: QuerySet[IssuedCredential], since: datetime
) -> Figures:
    """The numbers for ``events`` and ``credentials`` (already scoped to one organization)."""
    issued = credentials.filter(issued_at__gte=since).count()
    reached = dict(
        events.filter(is_bot=False, credential__issued_at__gte=since)
        .values_list("kind")
        .annotate(n=Count("credential", distinct=True))
        .values_list("kind", "n")
    )
    funnel = []
    for kind in FUNNEL:
        count = reached.get(kind.value, 0)
        funnel.append(Step(kind.value, str(kind.label), count, _percent(count, issued)))
    result = Figures(since=since, issued=issued, funnel=funnel)
    recent = events.filter(occurred_at__gte=since)
    for kind, channel, is_bot, n in (
        recent.values_list("kind", "channel", "is_bot")
        .annotate(n=Count("id"))
        .values_list("kind", "channel", "is_bot", "n")
    ):
        if is_bot:
            result.bots[kind] += n
            continue
        result.events[(kind, "")] += n
        if channel:
            result.events[(kind, channel)] += n
    for day, kind, n in (
        recent.filter(is_bot=False)
        .annotate(day=TruncDate("occurred_at"))
        .values_list("day", "kind")
        .annotate(n=Count("id"))
        .values_list("day", "kind", "n")
    ):
        result.days.setdefault(day, Counter())[kind] += n
    return result


def achievement_events(achievement: object) -> QuerySet[Event]:
    return Event.objects.filter(
        organization_id=achievement.organization_id,  # type: ignore[attr-defined]
        achievement=achievement,
    )


def achievement_credentials(achievement: object) -> QuerySet[IssuedCredential]:
    return IssuedCredential.objects.filter(
        organization_id=achievement.organization_id,  # type: ignore[attr-defined]
        achievement=achievement,
    )


def by_achievement(organization: object, since: datetime) -> dict[int | None, Counter[str]]:
    """achievement id -> kind -> events of people in the period, plus ``"issued"``."""
    rows: dict[int | None, Counter[str]] = {}
    for achievement_id, kind, n in (
        Event.objects.filter(organization=organization, occurred_at__gte=since, is_bot=False)
        .values_list("achievement", "kind")
        .annotate(n=Count("id"))
        .values_list("achievement", "kind", "n")
    ):
        rows.setdefault(achievement_id, Counter())[kind] += n
    for achievement_id, n in (
        IssuedCredential.objects.filter(organization=organization)
        .values_list("achievement")
        .annotate(n=Count("id", filter=Q(issued_at__gte=since)))
        .values_list("achievement", "n")
    ):
        if n:
            rows.setdefault(achievement_id, Counter())["issued"] += n
    return rows


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


_CHANNEL_CHOICES: Final = {
    EventKind.SHARED: ShareChannel.choices,
    EventKind.DOWNLOADED: DownloadChannel.choices,
    EventKind.VERIFIED: VerifyChannel.choices,
}


def _channel_choices(kind: str) -> list[tuple[str, str]]:
    return list(_CHANNEL_CHOICES.get(EventKind(kind), []))
