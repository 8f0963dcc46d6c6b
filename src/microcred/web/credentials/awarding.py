"""The issue form's credential: a designed achievement awarded to one person."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from microcred.openbadges import model as ob
from microcred.openbadges.award import Recipient, award
from microcred.openbadges.eu import with_eu_context
from microcred.web.achievements.documents import achievement_document, credential_valid_until
from microcred.web.achievements.models import Achievement
from microcred.web.credentials.addresses import credential_id_for
from microcred.web.credentials.issuer import issuer_profile


@dataclass(frozen=True)
class Award:
    """What the form asked for, in the terms of a credential."""

    recipient_name: str
    recipient_email: str
    issue_date: date
    result: str = ""
    evidence_url: str = ""
    evidence_text: str = ""

    @classmethod
    def from_form(cls, data: dict[str, Any]) -> Award:
        return cls(
            recipient_name=data["recipient_name"],
            recipient_email=data["recipient_email"],
            issue_date=data["issue_date"],
            result=data.get("result") or "",
            evidence_url=data.get("evidence_url") or "",
            evidence_text=data.get("evidence_text") or "",
        )

    @property
    def valid_from(self) -> datetime:
        """Now when issued today; otherwise the start of that day where the issuer is."""
        if self.issue_date == timezone.localdate():
            return timezone.now().replace(microsecond=0)
        return timezone.make_aware(datetime.combine(self.issue_date, time.min))


def valid_until(achievement: Achievement, awarded: Award) -> datetime | None:
    return credential_valid_until(achievement, awarded.valid_from)


def credential_document(
    achievement: Achievement, awarded: Award, public_id: uuid.UUID
) -> dict[str, Any]:
    """The unsigned credential; issue_credential() adds status entries and the proof."""
    evidence = []
    if awarded.evidence_url:
        evidence.append(ob.Evidence(id=awarded.evidence_url, name=achievement.name))
    if awarded.evidence_text:
        evidence.append(ob.Evidence(narrative=awarded.evidence_text))
    credential = award(
        achievement_document(achievement),
        issuer_profile(achievement.organization),
        Recipient(email=awarded.recipient_email, name=awarded.recipient_name),
        credential_id=credential_id_for(public_id),
        valid_from=awarded.valid_from,
        valid_until=valid_until(achievement, awarded),
        evidence=evidence,
        results=[ob.Result(value=awarded.result)] if awarded.result else [],
    )
    return with_eu_context(credential).to_json()
