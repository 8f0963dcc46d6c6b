"""What a verification found: one line per check, a verdict, and what a page may show.

The same report serves the terminal (``render_text``), the web pages and the JSON APIs
(``to_json``). Every line carries a stable machine ``code``, an ``outcome``, a sentence in
English and German, and ``details`` for machines; the verdict follows from the outcomes alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

LANGUAGES: Final = ("en", "de")


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"
    INDETERMINATE = "indeterminate"


class Verdict(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    INDETERMINATE = "indeterminate"


def verdict_of(outcomes: Iterable[Outcome]) -> Verdict:
    """Invalid if anything failed; else indeterminate if anything could not be decided."""
    seen = set(outcomes)
    if Outcome.FAILED in seen:
        return Verdict.INVALID
    if Outcome.INDETERMINATE in seen or Outcome.PASSED not in seen:
        # A report in which nothing passed has proven nothing.
        return Verdict.INDETERMINATE
    return Verdict.VALID


@dataclass(frozen=True, slots=True)
class Message:
    """One sentence in every language the product speaks."""

    en: str
    de: str

    def in_language(self, language: str) -> str:
        return self.de if language == "de" else self.en

    def to_json(self) -> dict[str, str]:
        return {"en": self.en, "de": self.de}


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the report: what was checked, how it came out, and why."""

    code: str
    outcome: Outcome
    message: Message
    details: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "outcome": self.outcome.value,
            "message": self.message.to_json(),
            "details": jsonable(self.details),
        }


@dataclass(frozen=True, slots=True)
class Facts:
    """What a page may show about the credential, as the credential states it.

    Facts are shown whatever the verdict, so a page must say how far to trust them.
    """

    standard: str | None = None
    credential_id: str | None = None
    credential_name: str | None = None
    achievement_id: str | None = None
    achievement_name: str | None = None
    achievement_description: str | None = None
    achievement_type: str | None = None
    achievement_image: str | None = None
    achievement_criteria: str | None = None
    achievement_criteria_url: str | None = None
    issuer_id: str | None = None
    issuer_name: str | None = None
    issuer_url: str | None = None
    issuer_image: str | None = None
    recipient_id: str | None = None
    recipient_name: str | None = None
    recipient_identifier: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    status: str | None = None
    # EU Council Recommendation (2022) standard elements found in the credential.
    micro_credential: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if value is not None and value != {}:
                result[name] = jsonable(value)
        return result


@dataclass(frozen=True, slots=True)
class VerificationReport:
    checks: tuple[Check, ...]
    facts: Facts
    verified_at: datetime
    input_kind: str | None = None

    @property
    def verdict(self) -> Verdict:
        return verdict_of(check.outcome for check in self.checks)

    @property
    def valid(self) -> bool:
        return self.verdict is Verdict.VALID

    def first(self, code: str) -> Check | None:
        """The first line with ``code``, if any."""
        return next((check for check in self.checks if check.code == code), None)

    def with_code(self, code: str) -> list[Check]:
        return [check for check in self.checks if check.code == code]

    def by_outcome(self, outcome: Outcome) -> list[Check]:
        return [check for check in self.checks if check.outcome is outcome]

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "verified_at": _iso(self.verified_at),
            "input": self.input_kind,
            "facts": self.facts.to_json(),
            "checks": [check.to_json() for check in self.checks],
        }

    def render_text(self, language: str = "en") -> str:
        """The report for a terminal: verdict, what the badge says, one line per check."""
        from microcred.verifier.messages import heading, shown_fact, verdict_sentence

        lines = [verdict_sentence(self.verdict).in_language(language), ""]
        facts = [
            (heading(label, language), shown_fact(value, language))
            for label, value in _shown_facts(self.facts)
            if value is not None
        ]
        if facts:
            width = max(len(label) for label, _ in facts)
            lines += [f"  {label.ljust(width)}  {value}" for label, value in facts]
            lines.append("")
        for check in self.checks:
            mark = _MARKS[check.outcome]
            lines.append(f"  {mark} {check.message.in_language(language)}")
        return "\n".join(lines) + "\n"


_MARKS: Final = {
    Outcome.PASSED: "[ok]  ",
    Outcome.FAILED: "[FAIL]",
    Outcome.SKIPPED: "[--]  ",
    Outcome.INDETERMINATE: "[??]  ",
}


def _shown_facts(facts: Facts) -> list[tuple[str, str | None]]:
    return [
        ("achievement", facts.achievement_name),
        ("description", facts.achievement_description),
        ("issuer", facts.issuer_name or facts.issuer_id),
        ("issuer_url", facts.issuer_url),
        ("recipient", facts.recipient_name or facts.recipient_identifier or facts.recipient_id),
        ("valid_from", facts.valid_from),
        ("valid_until", facts.valid_until),
        ("status", facts.status),
        ("standard", facts.standard),
    ]


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def jsonable(value: Any, depth: int = 0) -> Any:
    """``value`` with only JSON types in it, so that ``json.dumps`` of a report never fails."""
    if depth > 32:
        return "…"
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, Mapping):
        return {str(key): jsonable(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(item, depth + 1) for item in value]
    if hasattr(value, "to_json"):
        return jsonable(value.to_json(), depth + 1)
    return str(value)
