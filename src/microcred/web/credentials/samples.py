"""Sample credentials for the demo organization: some valid, one revoked, one suspended."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.utils import timezone

from microcred.web.credentials import revocation
from microcred.web.credentials.addresses import new_public_id
from microcred.web.credentials.awarding import Award, credential_document
from microcred.web.credentials.issuing import issue_credential
from microcred.web.credentials.models import Channel, IssuedCredential, IssuingSettings
from microcred.web.organizations.models import Organization

# (recipient name, e-mail, days ago, result, what happens after issuing)
SAMPLES = (
    ("Erika Mustermann", "erika.mustermann@example.org", 40, "1,3", None),
    ("Jonas Weber", "jonas.weber@example.org", 21, "bestanden", None),
    ("Aylin Demir", "aylin.demir@example.org", 12, "92 %", None),
    ("Max Muster", "max.muster@example.org", 30, "", "revoke"),
    ("Lena Schmidt", "lena.schmidt@example.org", 5, "2,0", "suspend"),
)


def ensure_sample_credentials(
    organization: Organization, actor: Any, badges: Sequence[Any]
) -> list[IssuedCredential]:
    """Issue the samples once (a second demo run finds them and issues nothing)."""
    existing = IssuedCredential.objects.filter(organization=organization, channel=Channel.DEMO)
    if existing.exists() or not badges:
        return list(existing)
    # One sample shows suspension, which is off by default (a second credentialStatus entry
    # fails the OB 3.0 JSON Schema); the demo organization switches it on.
    IssuingSettings.objects.update_or_create(
        organization=organization, defaults={"suspension": True}
    )
    issued = []
    today = timezone.localdate()
    for number, (name, email, days_ago, result, then) in enumerate(SAMPLES):
        badge = badges[number % len(badges)]
        awarded = Award(
            recipient_name=name,
            recipient_email=email,
            issue_date=today - timedelta(days=days_ago),
            result=result,
        )
        public_id = new_public_id()
        credential = issue_credential(
            organization,
            credential_document(badge, awarded, public_id),
            actor=actor,
            recipient_email=email,
            recipient_name=name,
            achievement=badge,
            channel=Channel.DEMO,
            public_id=public_id,
        )
        if then == "revoke":
            credential = revocation.revoke(
                credential, actor=actor, reason="Prüfungsleistung nachträglich aberkannt"
            )
        elif then == "suspend":
            credential = revocation.suspend(credential, actor=actor)
        issued.append(credential)
    return issued
