"""Alignment: a link from an achievement or a result to a skill, standard or framework item."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from microcred.openbadges.codec import JsonObject, extra_field
from microcred.openbadges.vocabulary import AlignmentTargetType, check_extensible


@dataclass(frozen=True, slots=True, kw_only=True)
class Alignment(JsonObject):
    """An ESCO skill, for example: ``target_url`` is its concept URI."""

    REQUIRED_TYPES = (("Alignment",),)
    URI_FIELDS = ("target_url",)

    types: Sequence[str] = ("Alignment",)
    target_code: str | None = None
    target_description: str | None = None
    target_name: str
    target_framework: str | None = None
    target_type: str | None = None
    target_url: str
    extra: Mapping[str, Any] = extra_field()

    def _check(self) -> None:
        if self.target_type is not None:
            check_extensible(self.target_type, AlignmentTargetType, "targetType")
