"""A verification report as a page shows it: a verdict banner, what the badge says, the checks.

The sentences of the checks come from the core verifier's own English/German catalog (the
same the CLI prints); this module only picks the language and adds the page's words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from microcred.verifier import Outcome, Verdict, VerificationReport
from microcred.verifier.messages import shown_fact, verdict_sentence

HEADLINES: Final = {
    Verdict.VALID: _("Valid"),
    Verdict.INVALID: _("Not valid"),
    Verdict.INDETERMINATE: _("Could not be confirmed"),
}
OUTCOME_LABELS: Final = {
    Outcome.PASSED: _("passed"),
    Outcome.FAILED: _("failed"),
    Outcome.SKIPPED: _("not checked"),
    Outcome.INDETERMINATE: _("undecided"),
}
STATUS_LABELS: Final = {
    "active": _("active"),
    "revoked": _("revoked"),
    "suspended": _("suspended"),
    "unknown": _("unknown"),
}
EU_LABELS: Final = {
    "title": _("Title"),
    "awarding_body": _("Awarding body"),
    "country": _("Country"),
    "date_of_issuing": _("Date of issuing"),
    "learning_outcomes": _("Learning outcomes"),
    "eqf_level": _("EQF level"),
    "ects_credits": _("ECTS credits"),
    "credits_earned": _("Credits earned"),
    "field_of_study": _("Field of study"),
    "language": _("Language"),
    "assessment": _("Assessment"),
    "grade": _("Grade"),
}


@dataclass(frozen=True)
class ShownCheck:
    code: str
    outcome: str
    outcome_label: str
    sentence: str


@dataclass(frozen=True)
class ShownFact:
    label: str
    value: Any
    is_list: bool = False


@dataclass(frozen=True)
class ShownReport:
    verdict: str
    headline: str
    sentence: str
    status: str | None
    status_label: str | None
    verified_at: Any
    checks: list[ShownCheck]
    facts: Any
    eu_elements: list[ShownFact] = field(default_factory=list)
    valid_from: datetime | None = None
    valid_until: datetime | None = None

    @property
    def problems(self) -> list[ShownCheck]:
        return [check for check in self.checks if check.outcome in {"failed", "indeterminate"}]


def present(report: VerificationReport, language: str | None = None) -> ShownReport:
    language = "de" if (language or get_language() or "en").startswith("de") else "en"
    facts = report.facts
    return ShownReport(
        verdict=report.verdict.value,
        headline=str(HEADLINES[report.verdict]),
        sentence=_without_label(verdict_sentence(report.verdict).in_language(language)),
        status=facts.status,
        status_label=str(STATUS_LABELS.get(facts.status or "", facts.status or "")) or None,
        verified_at=report.verified_at,
        checks=[
            ShownCheck(
                check.code,
                check.outcome.value,
                str(OUTCOME_LABELS[check.outcome]),
                check.message.in_language(language),
            )
            for check in report.checks
        ],
        facts=facts,
        eu_elements=_eu_elements(facts.micro_credential, language),
        valid_from=_moment(facts.valid_from),
        valid_until=_moment(facts.valid_until),
    )


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def web_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) URL a page may link to; a credential can carry any URI."""
    if not value or len(value) > 2000:
        return None
    return value if value.lower().startswith(("https://", "http://")) else None


def _without_label(sentence: str) -> str:
    """The catalog's verdict sentence without its "VALID:" lead, which the banner shows."""
    head, colon, rest = sentence.partition(":")
    if not colon or not head.isupper():
        return sentence
    rest = rest.strip()
    return rest[:1].upper() + rest[1:]


def _eu_elements(elements: dict[str, Any], language: str) -> list[ShownFact]:
    shown = []
    for key, label in EU_LABELS.items():
        value = elements.get(key)
        if value in (None, "", []):
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if key == "date_of_issuing":
            moment = _moment(str(value))
            value = formats.date_format(moment, "DATE_FORMAT") if moment else value
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        if isinstance(value, list):
            shown.append(ShownFact(str(label), [shown_fact(str(v), language) for v in value], True))
        else:
            shown.append(ShownFact(str(label), shown_fact(str(value), language)))
    return shown
