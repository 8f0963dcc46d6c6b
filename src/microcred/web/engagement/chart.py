"""The chart over time: events per day or week, as bars an SVG template can draw.

Drawn on the server, no script: one small bar chart per kind (small multiples read better
than seven colours stacked, and need no colour to tell the kinds apart). Every bar carries
its number as a tooltip, and the page has the same numbers as a table.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from microcred.web.engagement.kinds import EventKind

WIDTH: Final = 300
HEIGHT: Final = 60
GAP: Final = 0.2  # of a bar's slot


@dataclass(frozen=True)
class Bucket:
    start: date
    end: date  # inclusive
    counts: Counter[str]


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    bucket: Bucket
    value: int


@dataclass(frozen=True)
class Series:
    kind: str
    label: str
    total: int
    peak: int
    bars: list[Bar]


def buckets(
    days: dict[date, Counter[str]], first: date, last: date, *, weekly: bool
) -> list[Bucket]:
    """Days from ``first`` to ``last`` (inclusive), by day or by calendar week (Monday first).

    Weeks at the edges are cut to the period, so no bucket counts days outside it.
    """
    result: list[Bucket] = []
    start = first
    while start <= last:
        end = min(start + timedelta(days=6 - start.weekday()), last) if weekly else start
        counts: Counter[str] = Counter()
        day = start
        while day <= end:
            counts.update(days.get(day, {}))
            day += timedelta(days=1)
        result.append(Bucket(start, end, counts))
        start = end + timedelta(days=1)
    return result


def series(timeline: list[Bucket]) -> list[Series]:
    """One bar chart per kind, each scaled to its own peak (its number is shown beside it)."""
    slot = WIDTH / max(len(timeline), 1)
    charts = []
    for kind in EventKind:
        values = [bucket.counts[kind.value] for bucket in timeline]
        peak = max(values, default=0)
        bars = []
        for index, (bucket, value) in enumerate(zip(timeline, values, strict=True)):
            height = HEIGHT * value / peak if peak else 0
            bars.append(
                Bar(
                    x=round(index * slot + slot * GAP / 2, 2),
                    y=round(HEIGHT - height, 2),
                    width=round(slot * (1 - GAP), 2),
                    height=round(height, 2),
                    bucket=bucket,
                    value=value,
                )
            )
        charts.append(Series(kind.value, str(kind.label), sum(values), peak, bars))
    return charts
