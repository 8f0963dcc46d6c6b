"""The EU micro-credential elements of an Open Badges 3.0 credential, as rows of a page.

Read from the credential itself with the core's EU model, so the rows say exactly what the
signed document says: the awarding body and its country, the learning outcomes, workload,
level, assessment, participation, quality assurance, prerequisites, stackability, skills.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final

from django.utils import formats, timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from microcred.openbadges.achievement import Achievement
from microcred.openbadges.dates import parse_datetime
from microcred.openbadges.errors import ModelError
from microcred.openbadges.eu import eu_elements_of, is_eqf_alignment
from microcred.web.verify.presentation import ShownFact

PARTICIPATION: Final = {
    "online": _("online"),
    "onSite": _("on site"),
    "blended": _("blended (online and on site)"),
}
STACKABILITY: Final = {
    "standalone": _("stands alone"),
    "stackable": _("can be combined towards a larger credential"),
}


def eu_rows(credential: Mapping[str, Any]) -> list[ShownFact] | None:
    """The rows, or None when the credential is not one this can read (then use the facts)."""
    subject = credential.get("credentialSubject")
    if isinstance(subject, list):
        subject = subject[0] if subject else None
    raw = subject.get("achievement") if isinstance(subject, Mapping) else None
    if not isinstance(raw, Mapping):
        return None
    try:
        achievement = Achievement.from_json(dict(raw))
        elements = eu_elements_of(achievement)
    except (ModelError, ValueError, TypeError):
        return None
    issuer = credential.get("issuer") if isinstance(credential.get("issuer"), Mapping) else {}
    address = issuer.get("address") if isinstance(issuer.get("address"), Mapping) else {}
    skills = [a.target_name for a in achievement.alignment if not is_eqf_alignment(a)]
    grades = [
        str(item.get("value"))
        for item in (subject.get("result") or [])
        if isinstance(item, Mapping) and item.get("value")
    ]
    rows: list[tuple[Any, Any]] = [
        (_("Title"), achievement.name),
        (_("Awarding body"), _text(issuer.get("name"))),
        (_("Country"), _country(address.get("addressCountryCode"))),
        (_("Date of issuing"), _date(credential.get("awardedDate") or credential.get("validFrom"))),
        (_("Learning outcomes"), list(elements.learning_outcomes)),
        (_("Notional workload"), _hours(elements.workload_hours)),
        (_("ECTS credits"), _number(elements.ects)),
        (_("EQF level"), elements.eqf_level),
        (_("Type of assessment"), elements.assessment_type),
        (_("Form of participation"), PARTICIPATION.get(str(elements.participation_form or ""))),
        (_("Type of quality assurance"), elements.quality_assurance),
        (_("Prerequisites"), elements.prerequisites),
        (_("Stackability"), _stackability(elements)),
        (_("Skills"), skills),
        (_("Language"), _language(achievement.in_language)),
        (_("Grade"), grades),
    ]
    return [_fact(label, value) for label, value in rows if value not in (None, "", [])]


def _fact(label: Any, value: Any) -> ShownFact:
    if isinstance(value, list):
        if len(value) == 1:
            return ShownFact(str(label), str(value[0]))
        return ShownFact(str(label), [str(item) for item in value], True)
    return ShownFact(str(label), str(value))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _country(code: Any) -> str | None:
    from microcred.web.organizations.countries import Country

    if not isinstance(code, str) or not code:
        return None
    try:
        return str(Country(code.upper()).label)
    except ValueError:
        return code


def _date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        moment: datetime = parse_datetime(value)
    except (ModelError, ValueError):
        return value
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def _number(value: float | None) -> str | None:
    if value is None:
        return None
    return formats.number_format(int(value) if float(value).is_integer() else value)


def _hours(value: float | None) -> str | None:
    number = _number(value)
    return None if number is None else str(_("%(hours)s hours") % {"hours": number})


def _stackability(elements: Any) -> str | None:
    shown = STACKABILITY.get(str(elements.stackability or ""))
    if shown and elements.stackability_note:
        return f"{shown}: {elements.stackability_note}"
    return str(shown) if shown else elements.stackability_note


def _language(code: str | None) -> str | None:
    if not code:
        return None
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
