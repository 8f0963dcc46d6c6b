"""A person's badges: every credential sent to one of the addresses they verified."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.db.models.functions import Lower

from microcred.web.credentials.models import IssuedCredential
from microcred.web.holder.addresses import verified_emails


def badges_of(user: Any) -> QuerySet[IssuedCredential]:
    """From every organization, newest first; nothing at all without a verified address.

    Issuers store the address as it was typed, so it is compared lower-cased (verified
    addresses are stored lower-cased already).
    """
    emails = verified_emails(user)
    if not emails:
        return IssuedCredential.objects.none()
    return (
        IssuedCredential.objects.annotate(recipient_lower=Lower("recipient_email"))
        .filter(recipient_lower__in=emails)
        .select_related("organization", "claim")
        .defer("organization__logo", "signed_text")
    )


def holds(user: Any, credential: IssuedCredential) -> bool:
    return credential.recipient_email.strip().lower() in verified_emails(user)
