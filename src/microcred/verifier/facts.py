"""What a page can show about a credential, read from Open Badges 3.0 or 2.0 JSON.

Only display values are taken, each as a short string or a small list, so a page never has
to understand the credential's shapes. A hashed e-mail address is shown as such, never as
its hash. The EU micro-credential standard elements (Council Recommendation of 16 June 2022)
are collected from the OB 3.0 fields that carry them, when present.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from microcred.verifier.fields import as_list, first_subject, id_of, text
from microcred.verifier.report import Check, Facts, Outcome

HASHED_EMAIL: Final = "hashed e-mail"
_MAX_TEXT: Final = 4000
_MAX_ITEMS: Final = 20


def ob3_facts(credential: Mapping[str, Any], standard: str, checks: Sequence[Check]) -> Facts:
    subject = first_subject(credential)
    achievement = _mapping(subject.get("achievement"))
    issuer = _mapping(credential.get("issuer"))
    criteria = _mapping(achievement.get("criteria"))
    recipient_name, recipient_identifier = _ob3_recipient(subject)
    v1 = "issuanceDate" in credential and "validFrom" not in credential
    return Facts(
        standard=standard,
        credential_id=_str(credential.get("id")),
        credential_name=_text(credential.get("name")),
        achievement_id=_str(achievement.get("id")),
        achievement_name=_text(achievement.get("name")),
        achievement_description=_text(achievement.get("description")),
        achievement_type=_str(achievement.get("achievementType")),
        achievement_image=id_of(achievement.get("image")),
        achievement_criteria=_text(criteria.get("narrative")),
        achievement_criteria_url=_str(criteria.get("id")),
        issuer_id=id_of(credential.get("issuer")),
        issuer_name=_text(issuer.get("name")),
        issuer_url=_str(issuer.get("url")),
        issuer_image=id_of(issuer.get("image")),
        recipient_id=_str(subject.get("id")),
        recipient_name=recipient_name,
        recipient_identifier=recipient_identifier,
        valid_from=_str(credential.get("issuanceDate" if v1 else "validFrom")),
        valid_until=_str(credential.get("expirationDate" if v1 else "validUntil")),
        status=status_fact(checks),
        micro_credential=_micro_credential(credential, subject, achievement, issuer),
    )


def ob2_facts(
    assertion: Mapping[str, Any],
    badge: Mapping[str, Any],
    issuer: Mapping[str, Any],
    standard: str,
    checks: Sequence[Check],
) -> Facts:
    criteria = badge.get("criteria")
    recipient = _mapping(assertion.get("recipient"))
    identity = _str(recipient.get("identity"))
    if recipient.get("hashed") is True:
        identity = HASHED_EMAIL if recipient.get("type") == "email" else "hashed identifier"
    return Facts(
        standard=standard,
        credential_id=_str(assertion.get("id")),
        achievement_id=id_of(assertion.get("badge")),
        achievement_name=_text(badge.get("name")),
        achievement_description=_text(badge.get("description")),
        achievement_image=id_of(badge.get("image")),
        achievement_criteria=_text(_mapping(criteria).get("narrative")),
        achievement_criteria_url=id_of(criteria),
        issuer_id=_str(issuer.get("id")) or id_of(badge.get("issuer")),
        issuer_name=_text(issuer.get("name")),
        issuer_url=_str(issuer.get("url")),
        issuer_image=id_of(issuer.get("image")),
        recipient_identifier=identity,
        valid_from=_date(assertion.get("issuedOn")),
        valid_until=_date(assertion.get("expires")),
        status=status_fact(checks),
    )


def status_fact(checks: Sequence[Check]) -> str | None:
    """``revoked``, ``suspended``, ``unknown``, ``active``, or None when there is no status."""
    lines = [check for check in checks if check.code in ("status.revoked", "status.suspended")]
    for code, word in (("status.revoked", "revoked"), ("status.suspended", "suspended")):
        if any(c.code == code and c.outcome is Outcome.FAILED for c in lines):
            return word
    if any(check.outcome is Outcome.INDETERMINATE for check in lines):
        return "unknown"
    if any(check.outcome is Outcome.PASSED for check in lines):
        return "active"
    return None


def _ob3_recipient(subject: Mapping[str, Any]) -> tuple[str | None, str | None]:
    name = _text(subject.get("name"))
    shown = None
    for identity in as_list(subject.get("identifier")):
        if not isinstance(identity, Mapping):
            continue
        kind = identity.get("identityType")
        value = _str(identity.get("identityHash"))
        if identity.get("hashed") is True:
            value = HASHED_EMAIL if kind == "emailAddress" else "hashed identifier"
        if kind == "name" and identity.get("hashed") is not True and name is None:
            name = value
        elif shown is None:
            shown = value
    return name, shown


_EQF_VOCABULARY: Final = "http://data.europa.eu/snb/eqf/"
_EQF_NAME: Final = "European Qualifications Framework"


def _micro_credential(
    credential: Mapping[str, Any],
    subject: Mapping[str, Any],
    achievement: Mapping[str, Any],
    issuer: Mapping[str, Any],
) -> dict[str, Any]:
    address = _mapping(issuer.get("address"))
    alignments = [_mapping(item) for item in as_list(achievement.get("alignment"))]
    extension = _mapping(achievement.get("euMicroCredential"))
    elements: dict[str, Any] = {
        "title": _text(achievement.get("name")),
        "awarding_body": _text(issuer.get("name")),
        "country": _text(address.get("addressCountry")) or _str(address.get("addressCountryCode")),
        "date_of_issuing": _str(credential.get("awardedDate") or credential.get("validFrom")),
        # Learning outcomes are statements in microcred's EU extension; skills and the EQF
        # level are alignments, told apart by the EU's EQF vocabulary.
        "learning_outcomes": [
            _text(item) for item in as_list(extension.get("learningOutcome")) if _text(item)
        ][:_MAX_ITEMS],
        "eqf_level": next(
            (
                _text(a.get("targetCode")) or _text(a.get("targetName"))
                for a in alignments
                if _is_eqf(a)
            ),
            None,
        ),
        "ects_credits": _number(achievement.get("creditsAvailable")),
        "credits_earned": _number(subject.get("creditsEarned")),
        "field_of_study": _text(achievement.get("fieldOfStudy")),
        "language": _str(achievement.get("inLanguage")),
        "assessment": [
            _text(_mapping(item).get("name"))
            for item in as_list(achievement.get("resultDescription"))
            if _text(_mapping(item).get("name"))
        ][:_MAX_ITEMS],
        "grade": [
            _str(_mapping(item).get("value")) or _str(_mapping(item).get("status"))
            for item in as_list(subject.get("result"))
            if _str(_mapping(item).get("value")) or _str(_mapping(item).get("status"))
        ][:_MAX_ITEMS],
    }
    if achievement.get("achievementType") != "MicroCredential" and elements["ects_credits"] is None:
        return {}
    return {key: value for key, value in elements.items() if value not in (None, [], "")}


def _is_eqf(alignment: Mapping[str, Any]) -> bool:
    url = _str(alignment.get("targetUrl")) or ""
    framework = _text(alignment.get("targetFramework")) or ""
    return url.startswith(_EQF_VOCABULARY) or "EQF" in framework or _EQF_NAME in framework


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _str(value: Any) -> str | None:
    return value[:_MAX_TEXT] if isinstance(value, str) and value else None


def _text(value: Any) -> str | None:
    found = text(value)
    return found[:_MAX_TEXT] if found else None


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _date(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        from microcred.verifier.dates import DateError, parse_moment

        try:
            return parse_moment(value).strftime("%Y-%m-%dT%H:%M:%SZ")
        except DateError:
            return None
    return _str(value)
