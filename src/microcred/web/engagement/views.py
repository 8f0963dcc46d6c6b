"""Engagement pages: an achievement's dashboard and CSV, the organization's overview."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import timedelta

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from microcred.web.achievements.models import Achievement
from microcred.web.credentials.models import IssuedCredential
from microcred.web.engagement import exports
from microcred.web.engagement.chart import buckets, series
from microcred.web.engagement.figures import (
    DEFAULT_PERIOD,
    PERIODS,
    Figures,
    achievement_credentials,
    achievement_events,
    by_achievement,
    figures,
    period_start,
)
from microcred.web.engagement.kinds import EventKind
from microcred.web.engagement.models import Event
from microcred.web.engagement.spreadsheet import csv_lines
from microcred.web.lib.tenancy import get_scoped_or_404, organization_member, scoped

SAFE = ["GET", "HEAD"]
# Up to a month by day; longer periods by week, so bars stay wide enough to see on a phone.
DAILY_UP_TO = 31


def _period(request: HttpRequest) -> int:
    try:
        days = int(request.GET.get("days", DEFAULT_PERIOD))
    except ValueError:
        return DEFAULT_PERIOD
    return days if days in PERIODS else DEFAULT_PERIOD


def _chart_context(result: Figures, days: int) -> dict[str, object]:
    first = timezone.localdate(result.since)
    last = first + timedelta(days=days - 1)
    timeline = buckets(result.days, first, last, weekly=days > DAILY_UP_TO)
    return {
        "timeline": timeline,
        "series": series(timeline),
        "weekly": days > DAILY_UP_TO,
        "first_day": first,
        "last_day": last,
    }


# Membership and the achievement first: to an outsider the page does not exist, whatever
# the method (so no @require_safe, which would answer 405 before looking).
@organization_member()
def achievement_dashboard(request: HttpRequest, achievement: uuid.UUID) -> HttpResponseBase:
    found = get_scoped_or_404(Achievement.objects, request, public_id=achievement)
    if request.method not in SAFE:
        return HttpResponseNotAllowed(SAFE)
    days = _period(request)
    result = figures(achievement_events(found), achievement_credentials(found), period_start(days))
    return render(
        request,
        "engagement/achievement.html",
        {
            "achievement": found,
            "organization": request.organization,  # type: ignore[attr-defined]
            "figures": result,
            "days": days,
            "periods": PERIODS,
            "kinds": list(EventKind),
            "channel_kinds": [EventKind.SHARED, EventKind.DOWNLOADED, EventKind.VERIFIED],
            **_chart_context(result, days),
        },
    )


# Membership and the achievement first: to an outsider the page does not exist, whatever
# the method (so no @require_safe, which would answer 405 before looking).
@organization_member()
def achievement_days_csv(request: HttpRequest, achievement: uuid.UUID) -> HttpResponseBase:
    found = get_scoped_or_404(Achievement.objects, request, public_id=achievement)
    if request.method not in SAFE:
        return HttpResponseNotAllowed(SAFE)
    days = _period(request)
    rows = exports.daily_rows(achievement_events(found), period_start(days))
    return _csv(exports.daily_header(), rows, f"{slugify(found.name)[:60]}-{days}d-days.csv")


# Membership and the achievement first: to an outsider the page does not exist, whatever
# the method (so no @require_safe, which would answer 405 before looking).
@organization_member()
def achievement_credentials_csv(request: HttpRequest, achievement: uuid.UUID) -> HttpResponseBase:
    found = get_scoped_or_404(Achievement.objects, request, public_id=achievement)
    if request.method not in SAFE:
        return HttpResponseNotAllowed(SAFE)
    days = _period(request)
    rows = exports.credential_rows(achievement_credentials(found), period_start(days))
    name = f"{slugify(found.name)[:60]}-{days}d-credentials.csv"
    return _csv(exports.credential_header(), rows, name)


@organization_member()
@require_safe
def overview(request: HttpRequest) -> HttpResponse:
    organization = request.organization  # type: ignore[attr-defined]
    days = _period(request)
    since = period_start(days)
    counts = by_achievement(organization, since)
    achievements = list(
        scoped(Achievement.objects, request)
        .filter(pk__in=[pk for pk in counts if pk])
        .order_by("name")
    )
    rows = [(achievement, counts[achievement.pk]) for achievement in achievements]
    result = figures(
        scoped(Event.objects, request), scoped(IssuedCredential.objects, request), since
    )
    return render(
        request,
        "engagement/overview.html",
        {
            "organization": organization,
            "figures": result,
            "rows": rows,
            "other": counts.get(None),
            "days": days,
            "periods": PERIODS,
            "kinds": list(EventKind),
            **_chart_context(result, days),
        },
    )


def _csv(header: list[str], rows: Iterable[list[object]], filename: str) -> StreamingHttpResponse:
    lines: Iterator[str] = csv_lines(header, rows)
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename.lstrip("-")}"'
    response["Cache-Control"] = "private, no-store"
    return response
