"""The engagement section of the issuer's credential page: what happened to this credential."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db.models import Count, Min
from django.http import HttpRequest

from microcred.web.engagement.kinds import ONCE_PER_CREDENTIAL, EventKind
from microcred.web.engagement.models import Event


def panel_context(request: HttpRequest, credential: Any) -> Mapping[str, Any]:
    people: Counter[str] = Counter()
    bots: Counter[str] = Counter()
    first: dict[str, datetime] = {}
    for kind, is_bot, n, earliest in (
        Event.objects.filter(credential=credential)
        .values_list("kind", "is_bot")
        .annotate(n=Count("id"), earliest=Min("occurred_at"))
        .values_list("kind", "is_bot", "n", "earliest")
    ):
        if is_bot:
            bots[kind] += n
        else:
            people[kind] += n
            first[kind] = earliest
    return {
        "engagement_steps": [
            (kind, first.get(kind.value)) for kind in EventKind if kind in ONCE_PER_CREDENTIAL
        ],
        "engagement_counts": [
            (kind, people[kind.value]) for kind in EventKind if kind not in ONCE_PER_CREDENTIAL
        ],
        "engagement_bots": sum(bots.values()),
    }
