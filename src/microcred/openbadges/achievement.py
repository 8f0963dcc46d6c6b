"""Achievement: what is recognized, its criteria, alignments and the results it expects."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from microcred.openbadges.alignment import Alignment
from microcred.openbadges.checks import check_compact_jws, check_language
from microcred.openbadges.codec import JsonObject, extra_field, opaque_list
from microcred.openbadges.errors import ModelError
from microcred.openbadges.identifiers import IdentifierEntry
from microcred.openbadges.image import Image
from microcred.openbadges.profile import Profile
from microcred.openbadges.vocabulary import AchievementType, ResultType, check_extensible


@dataclass(frozen=True, slots=True, kw_only=True)
class Criteria(JsonObject):
    """How the achievement is earned: a page (``id``), a Markdown ``narrative``, or both."""

    URI_FIELDS = ("id",)

    id: str | None = None
    narrative: str | None = None
    extra: Mapping[str, Any] = extra_field()

    def _check(self) -> None:
        if self.id is None and self.narrative is None:
            raise ModelError("criteria needs an id (a URL describing them) or a narrative")


@dataclass(frozen=True, slots=True, kw_only=True)
class Related(JsonObject):
    """Another version of the same achievement, such as a translation."""

    REQUIRED_TYPES = (("Related",),)
    URI_FIELDS = ("id",)

    id: str
    types: Sequence[str] = ("Related",)
    in_language: str | None = None
    version: str | None = None
    extra: Mapping[str, Any] = extra_field()

    def _check(self) -> None:
        if self.in_language is not None:
            check_language(self.in_language, "inLanguage")


@dataclass(frozen=True, slots=True, kw_only=True)
class RubricCriterionLevel(JsonObject):
    REQUIRED_TYPES = (("RubricCriterionLevel",),)
    URI_FIELDS = ("id",)

    id: str
    types: Sequence[str] = ("RubricCriterionLevel",)
    alignment: Sequence[Alignment] = ()
    description: str | None = None
    level: str | None = None
    name: str
    points: str | None = None
    extra: Mapping[str, Any] = extra_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultDescription(JsonObject):
    """A result the achievement expects (a grade, a score, a rubric level, a status)."""

    REQUIRED_TYPES = (("ResultDescription",),)
    URI_FIELDS = ("id", "required_level")

    id: str
    types: Sequence[str] = ("ResultDescription",)
    alignment: Sequence[Alignment] = ()
    allowed_value: Sequence[str] = ()
    name: str
    required_level: str | None = None
    required_value: str | None = None
    result_type: str
    rubric_criterion_level: Sequence[RubricCriterionLevel] = ()
    value_max: str | None = None
    value_min: str | None = None
    extra: Mapping[str, Any] = extra_field()

    def _check(self) -> None:
        check_extensible(self.result_type, ResultType, "resultType")
        levels = {level.id for level in self.rubric_criterion_level}
        if self.required_level is not None and levels and self.required_level not in levels:
            raise ModelError(
                f"requiredLevel {self.required_level!r} is not the id of one of this "
                "result description's rubricCriterionLevel entries"
            )
        if (
            self.required_value is not None
            and self.allowed_value
            and self.required_value not in self.allowed_value
        ):
            raise ModelError(f"requiredValue {self.required_value!r} is not one of allowedValue")


@dataclass(frozen=True, slots=True, kw_only=True)
class Achievement(JsonObject):
    """An achievement, designed once and awarded in many credentials.

    ``achievement_type`` is an ``AchievementType`` value (``MicroCredential``...) or an
    ``ext:`` extension value. ``endorsement`` holds signed EndorsementCredential documents
    exactly as they were signed.
    """

    REQUIRED_TYPES = (("Achievement",),)
    URI_FIELDS = ("id",)

    id: str
    types: Sequence[str] = ("Achievement",)
    alignment: Sequence[Alignment] = ()
    achievement_type: str | None = None
    creator: Profile | None = None
    credits_available: float | None = None
    criteria: Criteria
    description: str
    endorsement: Sequence[Mapping[str, Any]] = opaque_list()
    endorsement_jwt: Sequence[str] = ()
    field_of_study: str | None = None
    human_code: str | None = None
    image: Image | None = None
    in_language: str | None = None
    name: str
    other_identifier: Sequence[IdentifierEntry] = ()
    related: Sequence[Related] = ()
    result_description: Sequence[ResultDescription] = ()
    specialization: str | None = None
    tag: Sequence[str] = ()
    version: str | None = None
    extra: Mapping[str, Any] = extra_field()

    def _check(self) -> None:
        if self.achievement_type is not None:
            check_extensible(self.achievement_type, AchievementType, "achievementType")
        if self.in_language is not None:
            check_language(self.in_language, "inLanguage")
        for index, token in enumerate(self.endorsement_jwt):
            check_compact_jws(token, f"endorsementJwt[{index}]")
        if self.credits_available is not None and self.credits_available < 0:
            raise ModelError(f"creditsAvailable {self.credits_available} is negative")
