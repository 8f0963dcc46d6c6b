"""The chart's buckets: every day of the period once, by day or by calendar week."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from microcred.web.engagement.chart import HEIGHT, buckets, series


def test_a_month_by_day_has_a_bucket_for_every_day():
    first = date(2025, 3, 1)
    days = {date(2025, 3, 5): Counter(viewed=3), date(2025, 3, 30): Counter(shared=1)}

    timeline = buckets(days, first, first + timedelta(days=29), weekly=False)

    assert len(timeline) == 30
    assert timeline[4].start == timeline[4].end == date(2025, 3, 5)
    assert timeline[4].counts["viewed"] == 3
    assert timeline[29].counts["shared"] == 1
    assert sum(sum(bucket.counts.values()) for bucket in timeline) == 4


def test_weeks_start_on_monday_and_are_cut_to_the_period():
    first = date(2025, 3, 5)  # a Wednesday
    last = date(2025, 3, 18)  # a Tuesday
    days = {first: Counter(viewed=1), date(2025, 3, 9): Counter(viewed=2), last: Counter(viewed=4)}

    timeline = buckets(days, first, last, weekly=True)

    assert [(b.start, b.end) for b in timeline] == [
        (date(2025, 3, 5), date(2025, 3, 9)),
        (date(2025, 3, 10), date(2025, 3, 16)),
        (date(2025, 3, 17), date(2025, 3, 18)),
    ]
    assert [b.counts["viewed"] for b in timeline] == [3, 0, 4]


def test_days_outside_the_period_are_left_out():
    first = date(2025, 1, 1)
    days = {date(2024, 12, 31): Counter(viewed=9), date(2025, 1, 2): Counter(viewed=1)}

    timeline = buckets(days, first, date(2025, 1, 3), weekly=False)

    assert sum(b.counts["viewed"] for b in timeline) == 1


def test_ninety_days_by_week_make_fourteen_bars_at_most():
    first = date(2025, 1, 1)

    timeline = buckets({}, first, first + timedelta(days=89), weekly=True)

    assert 13 <= len(timeline) <= 14
    assert sum((b.end - b.start).days + 1 for b in timeline) == 90


def test_bars_are_scaled_to_each_kinds_peak():
    first = date(2025, 3, 3)
    days = {first: Counter(viewed=2), first + timedelta(days=1): Counter(viewed=4)}
    timeline = buckets(days, first, first + timedelta(days=3), weekly=False)

    viewed = next(chart for chart in series(timeline) if chart.kind == "viewed")
    shared = next(chart for chart in series(timeline) if chart.kind == "shared")

    assert (viewed.total, viewed.peak) == (6, 4)
    assert [bar.height for bar in viewed.bars] == [HEIGHT / 2, HEIGHT, 0, 0]
    assert all(bar.y + bar.height == HEIGHT for bar in viewed.bars)
    assert shared.total == 0 and all(bar.height == 0 for bar in shared.bars)
