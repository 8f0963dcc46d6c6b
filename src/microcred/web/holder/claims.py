"""Personal claim links: made when a credential is delivered, found again from the token."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Final

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from microcred.web.holder.models import ClaimLink, token_hash

# Long enough for a course's last week plus holidays; the issuer can resend a fresh one.
CLAIM_LINK_LIFETIME: Final = timedelta(days=180)


def new_claim_link(credential: object) -> str:
    """A fresh personal link for the credential's recipient (absolute URL).

    Any earlier link of the credential stops working; the holder's choices are kept.
    """
    token = secrets.token_urlsafe(32)
    ClaimLink.objects.update_or_create(
        credential=credential,
        defaults={
            "token_hash": token_hash(token),
            "expires_at": timezone.now() + CLAIM_LINK_LIFETIME,
        },
    )
    return settings.MICROCRED_BASE_URL + reverse("holder:claim", args=[token])


def find_claim(token: str) -> ClaimLink | None:
    """The link's row (expired ones too, so the page can say so), or None if unknown."""
    return (
        ClaimLink.objects.select_related("credential", "credential__organization")
        .filter(token_hash=token_hash(token))
        .first()
    )


def shows_recipient_name(credential: object) -> bool:
    """Whether the public page may name the recipient: yes, unless the holder said no."""
    claim = ClaimLink.objects.filter(credential=credential).only("show_name").first()
    return claim is None or claim.show_name
