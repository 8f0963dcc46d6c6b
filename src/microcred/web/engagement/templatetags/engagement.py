"""Filters for the engagement figures: templates cannot call methods with arguments."""

from __future__ import annotations

from collections.abc import Mapping

from django import template

from microcred.web.engagement.figures import Figures

register = template.Library()


@register.filter
def channels_of(figures: Figures, kind: str) -> list[tuple[str, str, int]]:
    return figures.channels(kind)


@register.filter
def total_of(figures: Figures, kind: str) -> int:
    return figures.total(kind)


@register.filter
def get_count(counts: Mapping[str, int], key: str) -> int:
    return counts.get(key, 0)
