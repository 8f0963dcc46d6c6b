"""The EU micro-credential elements (Council Recommendation 2022/C 243/02) in Open Badges 3.0.

Where Open Badges 3.0 has a field for an element, the element goes there, so that every OB 3.0
reader understands it:

* awarding body and its country: the achievement's ``creator`` Profile (``name`` and
  ``address.addressCountryCode``; the credential's ``issuer`` says the same);
* notional workload in ECTS credits: ``creditsAvailable``;
* EQF level: an ``alignment`` to the EU's EQF vocabulary (``http://data.europa.eu/snb/eqf/6``);
* skills: further ``alignment`` entries (ESCO skill URIs and the like), which the caller adds.

``resultDescription`` stays for what it is meant for (grades and scores a credential reports).
Everything else has no Open Badges field and goes into one extension object,
``achievement.euMicroCredential`` of type ``EuMicroCredentialElements``, whose terms the
JSON-LD context ``https://w3id.org/microcred/eu/v1`` defines (it ships with this package and
the offline loader serves it): the learning outcomes as statements, the workload in hours, the
type of assessment, the form of participation, the type of quality assurance, prerequisites
and stackability. A credential that carries the extension must list that context after the
Open Badges one (:func:`with_eu_context`); it then canonicalizes without undefined terms and
still validates against the official OB 3.0 JSON Schema, whose Achievement allows extra
properties.

Numbers are written as JSON integers when they are whole: a JSON-LD processor in another
language reads ``25.0`` as the integer 25, and an RDF signature over a double would not match.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, Final

from microcred.openbadges.achievement import Achievement
from microcred.openbadges.alignment import Alignment
from microcred.openbadges.contexts import EU_MICROCREDENTIAL_V1
from microcred.openbadges.credential import AchievementCredential
from microcred.openbadges.errors import ModelError
from microcred.openbadges.profile import Profile

EU_CONTEXT: Final = EU_MICROCREDENTIAL_V1
EU_VOCABULARY: Final = "https://w3id.org/microcred/eu/v1#"
EXTENSION_KEY: Final = "euMicroCredential"
EXTENSION_TYPE: Final = "EuMicroCredentialElements"

EQF_FRAMEWORK: Final = "European Qualifications Framework"
EQF_URL_PREFIX: Final = "http://data.europa.eu/snb/eqf/"
_EQF_URL: Final = re.compile(r"http://data\.europa\.eu/snb/eqf/([1-8])")

MAX_LEARNING_OUTCOMES: Final = 50
MAX_TEXT: Final = 2000
MAX_HOURS: Final = 100_000
MAX_ECTS: Final = 1_000


class ParticipationForm(StrEnum):
    ONLINE = "online"
    ON_SITE = "onSite"
    BLENDED = "blended"


class Stackability(StrEnum):
    """Whether the micro-credential stands alone or counts towards a larger credential."""

    STANDALONE = "standalone"
    STACKABLE = "stackable"


class EuElementError(ModelError):
    """An EU micro-credential element has a value the extension cannot carry."""


# The elements the Recommendation makes mandatory (its Annex I, part I), by the codes that
# eu_elements_complete() reports. The title and the learner are always there in a credential.
MANDATORY: Final = (
    "awardingBody",
    "country",
    "learningOutcomes",
    "workload",
    "eqfLevel",
    "assessmentType",
    "participationForm",
    "qualityAssurance",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class EuElements:
    """The EU elements of one achievement, apart from the awarding body (its ``creator``).

    ``workload_hours`` and ``ects`` are the notional workload; either one counts as given.
    """

    learning_outcomes: Sequence[str] = ()
    workload_hours: float | None = None
    ects: float | None = None
    eqf_level: int | None = None
    assessment_type: str | None = None
    participation_form: ParticipationForm | None = None
    quality_assurance: str | None = None
    prerequisites: str | None = None
    stackability: Stackability | None = None
    stackability_note: str | None = None

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        if isinstance(self.learning_outcomes, str) or not isinstance(
            self.learning_outcomes, Sequence
        ):
            raise EuElementError("learning outcomes must be a list of statements")
        outcomes = tuple(
            _text(item, f"learning outcome {index + 1}")
            for index, item in enumerate(self.learning_outcomes)
        )
        if any(item is None for item in outcomes):
            raise EuElementError("a learning outcome is empty")
        if len(outcomes) > MAX_LEARNING_OUTCOMES:
            raise EuElementError(
                f"{len(outcomes)} learning outcomes are more than the {MAX_LEARNING_OUTCOMES} "
                "allowed"
            )
        set_(self, "learning_outcomes", outcomes)
        set_(self, "workload_hours", _number(self.workload_hours, "workload hours", MAX_HOURS))
        set_(self, "ects", _number(self.ects, "ECTS credits", MAX_ECTS))
        if self.eqf_level is not None and (
            isinstance(self.eqf_level, bool)
            or not isinstance(self.eqf_level, int)
            or not 1 <= self.eqf_level <= 8
        ):
            raise EuElementError(
                f"the EQF level must be a whole number from 1 to 8, not {self.eqf_level!r}"
            )
        for name in ("assessment_type", "quality_assurance", "prerequisites", "stackability_note"):
            set_(self, name, _text(getattr(self, name), name.replace("_", " ")))
        set_(
            self,
            "participation_form",
            _choice(self.participation_form, ParticipationForm, "form of participation"),
        )
        set_(self, "stackability", _choice(self.stackability, Stackability, "stackability"))


def _text(value: object, label: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise EuElementError(f"the {label} must be text")
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise EuElementError(f"the {label} is longer than {MAX_TEXT} characters")
    return value or None


def _number(value: object, label: str, maximum: int) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            value = float(value)  # type: ignore[arg-type]  # a Decimal from a database
        except (TypeError, ValueError):
            raise EuElementError(f"the {label} must be a number") from None
    if not math.isfinite(value) or value < 0 or value > maximum:
        raise EuElementError(f"the {label} must be a number from 0 to {maximum}")
    return int(value) if float(value).is_integer() else float(value)


def _choice[E: StrEnum](value: object, choices: type[E], label: str) -> E | None:
    if value is None or value == "":
        return None
    try:
        return choices(value)
    except ValueError:
        allowed = ", ".join(member.value for member in choices)
        raise EuElementError(f"the {label} {value!r} is not one of: {allowed}") from None


# --- into Open Badges ----------------------------------------------------------------------


def eqf_alignment(level: int) -> Alignment:
    """The alignment that states an EQF level, with the EU vocabulary's concept URI."""
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 8:
        raise EuElementError(f"the EQF level must be a whole number from 1 to 8, not {level!r}")
    return Alignment(
        target_name=f"EQF level {level}",
        target_url=f"{EQF_URL_PREFIX}{level}",
        target_framework=EQF_FRAMEWORK,
        target_code=str(level),
    )


def is_eqf_alignment(alignment: Alignment) -> bool:
    return _EQF_URL.fullmatch(alignment.target_url) is not None


def extension_object(elements: EuElements) -> dict[str, Any] | None:
    """The ``euMicroCredential`` object, or None when no element needs it."""
    values: dict[str, Any] = {
        "learningOutcome": list(elements.learning_outcomes) or None,
        "workloadHours": elements.workload_hours,
        "assessmentType": elements.assessment_type,
        "participationForm": _plain(elements.participation_form),
        "qualityAssurance": elements.quality_assurance,
        "prerequisites": elements.prerequisites,
        "stackability": _plain(elements.stackability),
        "stackabilityNote": elements.stackability_note,
    }
    present = {key: value for key, value in values.items() if value is not None}
    if not present:
        return None
    return {"type": EXTENSION_TYPE, **present}


def _plain(value: StrEnum | None) -> str | None:
    return None if value is None else value.value


def with_eu_elements(
    achievement: Achievement, elements: EuElements, *, awarding_body: Profile | None = None
) -> Achievement:
    """``achievement`` carrying ``elements``: replaces any EU elements it had.

    ``awarding_body`` (the issuing organization's Profile with its country in ``address``)
    becomes the ``creator``; skill alignments already on the achievement are kept.
    """
    alignments = [item for item in achievement.alignment if not is_eqf_alignment(item)]
    if elements.eqf_level is not None:
        alignments.insert(0, eqf_alignment(elements.eqf_level))
    extra = {key: value for key, value in achievement.extra.items() if key != EXTENSION_KEY}
    extension = extension_object(elements)
    if extension is not None:
        extra[EXTENSION_KEY] = extension
    return replace(
        achievement,
        alignment=tuple(alignments),
        credits_available=elements.ects,
        creator=awarding_body if awarding_body is not None else achievement.creator,
        extra=extra,
    )


# --- out of Open Badges --------------------------------------------------------------------

_EXTENSION_FIELDS: Final = {
    "learningOutcome": "learning_outcomes",
    "workloadHours": "workload_hours",
    "assessmentType": "assessment_type",
    "participationForm": "participation_form",
    "qualityAssurance": "quality_assurance",
    "prerequisites": "prerequisites",
    "stackability": "stackability",
    "stackabilityNote": "stackability_note",
}


def eu_elements_of(achievement: Achievement) -> EuElements:
    """The EU elements an achievement carries (all empty for one without them).

    Reads achievements from anywhere; an extension object in another shape raises
    :class:`EuElementError`.
    """
    levels = [
        int(match.group(1))
        for item in achievement.alignment
        if (match := _EQF_URL.fullmatch(item.target_url)) is not None
    ]
    values: dict[str, Any] = {}
    extension = achievement.extra.get(EXTENSION_KEY)
    if extension is not None:
        if not isinstance(extension, Mapping):
            raise EuElementError(f"{EXTENSION_KEY} must be a JSON object")
        for key, value in extension.items():
            if key in ("type", "id"):
                continue
            name = _EXTENSION_FIELDS.get(key)
            if name is None:
                raise EuElementError(f"{EXTENSION_KEY} has a property {key!r} it does not define")
            if name == "learning_outcomes" and isinstance(value, str):
                value = [value]  # a JSON-LD set of one may be written as a single value
            values[name] = value
    return EuElements(
        eqf_level=levels[0] if levels else None,
        ects=achievement.credits_available,
        **values,
    )


def eu_elements_complete(
    achievement: Achievement, issuer: Profile | None = None
) -> tuple[bool, list[str]]:
    """Whether every mandatory EU element is there, and the codes (see MANDATORY) of those not.

    The awarding body is the achievement's ``creator``, or else ``issuer``. Prerequisites and
    stackability are optional in the Recommendation and do not count.
    """
    elements = eu_elements_of(achievement)
    body = achievement.creator or issuer
    address = body.address if body is not None else None
    present = {
        "awardingBody": body is not None and bool(body.name),
        "country": address is not None and bool(address.address_country_code),
        "learningOutcomes": bool(elements.learning_outcomes),
        "workload": elements.workload_hours is not None or elements.ects is not None,
        "eqfLevel": elements.eqf_level is not None,
        "assessmentType": elements.assessment_type is not None,
        "participationForm": elements.participation_form is not None,
        "qualityAssurance": elements.quality_assurance is not None,
    }
    missing = [code for code in MANDATORY if not present[code]]
    return not missing, missing


# --- credentials ----------------------------------------------------------------------------


def uses_eu_extension(achievement: Achievement) -> bool:
    return EXTENSION_KEY in achievement.extra


def with_eu_context(credential: AchievementCredential) -> AchievementCredential:
    """``credential`` with the EU context after its others, when its achievement needs it."""
    achievement = credential.credential_subject.achievement
    if not uses_eu_extension(achievement) or EU_CONTEXT in credential.context:
        return credential
    return replace(credential, context=(*credential.context, EU_CONTEXT))
