"""The e-mail addresses a person proved are theirs, and how they prove one (a link by mail).

Badges are sent to addresses, not to accounts; an account sees the badges of the addresses
it verified. The verification link only works for the account that asked for it, so an
address typed by someone else cannot be verified by its owner clicking without thinking.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any, Final

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from microcred.web.accounts.models import normalize_email
from microcred.web.holder.models import HolderAddress, token_hash
from microcred.web.lib.mail import send_templated_mail

VERIFICATION_LIFETIME: Final = timedelta(days=2)
# Enough for a private, a work and a university address and some old ones.
MAX_ADDRESSES: Final = 10


class TooManyAddresses(Exception):
    pass


def addresses_of(user: Any) -> list[HolderAddress]:
    """The person's addresses, the account's own first (listed even before it is verified)."""
    HolderAddress.objects.get_or_create(user=user, email=normalize_email(user.email))
    return sorted(
        HolderAddress.objects.filter(user=user),
        key=lambda address: (address.email != normalize_email(user.email), address.created_at),
    )


def verified_emails(user: Any) -> list[str]:
    return list(
        HolderAddress.objects.filter(user=user, verified_at__isnull=False).values_list(
            "email", flat=True
        )
    )


def add_address(user: Any, email: str) -> HolderAddress:
    """The person's (unverified) row for ``email``; an existing one is returned as it is."""
    email = normalize_email(email)
    existing = HolderAddress.objects.filter(user=user, email=email).first()
    if existing is not None:
        return existing
    if HolderAddress.objects.filter(user=user).count() >= MAX_ADDRESSES:
        raise TooManyAddresses
    address, _created = HolderAddress.objects.get_or_create(user=user, email=email)
    return address


def send_verification(address: HolderAddress) -> None:
    """Mail a fresh one-time link to the address; an earlier link stops working."""
    token = secrets.token_urlsafe(32)
    address.token_hash = token_hash(token)
    address.token_expires_at = timezone.now() + VERIFICATION_LIFETIME
    address.save(update_fields=["token_hash", "token_expires_at"])
    send_templated_mail(
        address.email,
        "holder/email/verify_address",
        {
            "link": settings.MICROCRED_BASE_URL + reverse("holder:verify_address", args=[token]),
            "account": address.user.email,
            "days": VERIFICATION_LIFETIME.days,
        },
        language=get_language(),
    )


def pending_address(user: Any, token: str) -> HolderAddress | None:
    """The person's address this unexpired link verifies, or None."""
    return HolderAddress.objects.filter(
        user=user,
        token_hash=token_hash(token),
        token_expires_at__gt=timezone.now(),
        verified_at__isnull=True,
    ).first()


def verify(address: HolderAddress) -> None:
    """Mark the address proved; anyone else who had proved it before loses it."""
    with transaction.atomic():
        HolderAddress.objects.filter(email=address.email, verified_at__isnull=False).exclude(
            pk=address.pk
        ).update(verified_at=None)
        address.verified_at = timezone.now()
        address.token_hash = ""
        address.token_expires_at = None
        address.save(update_fields=["verified_at", "token_hash", "token_expires_at"])


def remove_address(user: Any, address_id: int) -> bool:
    """Forget one of the person's addresses (not the account's own); False if none."""
    deleted, _rows = (
        HolderAddress.objects.filter(user=user, pk=address_id)
        .exclude(email=normalize_email(user.email))
        .delete()
    )
    return deleted > 0
