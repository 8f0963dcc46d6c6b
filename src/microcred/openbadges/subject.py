"""AchievementSubject: the recipient of a credential, the achievement and their results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from microcred.openbadges.achievement import Achievement
from microcred.openbadges.alignment import Alignment
from microcred.openbadges.codec import JsonObject, extra_field
from microcred.openbadges.errors import ModelError
from microcred.openbadges.identity import IdentityObject
from microcred.openbadges.image import Image
from microcred.openbadges.profile import Profile
from microcred.openbadges.vocabulary import ResultStatus, check_closed


@dataclass(frozen=True, slots=True, kw_only=True)
class Result(JsonObject):
    """A result the recipient reached; ``result_description`` is the id of what it answers."""

    REQUIRED_TYPES = (("Result",),)
    URI_FIELDS = ("achieved_level", "result_description")

    types: Sequence[str] = ("Result",)
    achieved_level: str | None = None
    alignment: Sequence[Alignment] = ()
    result_description: str | None = None
    status: str | None = None
    value: str | None = None
    extra: Mapping[str, Any] = extra_field()

    def _check(self) -> None:
        if self.status is not None:
            check_closed(self.status, ResultStatus, "status")


@dataclass(frozen=True, slots=True, kw_only=True)
class AchievementSubject(JsonObject):
    """The recipient: a DID or other URI in ``id``, or ``identifier`` (a hashed e-mail...)."""

    REQUIRED_TYPES = (("AchievementSubject",),)
    URI_FIELDS = ("id",)

    id: str | None = None
    types: Sequence[str] = ("AchievementSubject",)
    activity_end_date: datetime | None = None
    activity_start_date: datetime | None = None
    credits_earned: float | None = None
    achievement: Achievement
    identifier: Sequence[IdentityObject] = ()
    image: Image | None = None
    license_number: str | None = None
    narrative: str | None = None
    result: Sequence[Result] = ()
    role: str | None = None
    source: Profile | None = None
    term: str | None = None
    extra: Mapping[str, Any] = extra_field()

    def _check(self) -> None:
        if self.id is None and not self.identifier:
            raise ModelError(
                "a credential subject needs an id or at least one identifier "
                "(such as hashed_email(...))"
            )
        if self.credits_earned is not None and self.credits_earned < 0:
            raise ModelError(f"creditsEarned {self.credits_earned} is negative")
        if (
            self.activity_start_date is not None
            and self.activity_end_date is not None
            and self.activity_end_date < self.activity_start_date
        ):
            raise ModelError("activityEndDate is before activityStartDate")
