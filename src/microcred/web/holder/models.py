"""A recipient's personal link to their credential, and what they decided about it.

The token in the link is the only copy: the row keeps its hash, like invitations do. A
credential has one claim link; sending it again (resend) issues a new token and makes the
old link stop working, so a forwarded e-mail can be cut off.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ClaimLink(models.Model):
    credential = models.OneToOneField(
        "credentials.IssuedCredential", on_delete=models.CASCADE, related_name="claim"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    first_opened_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The holder's choice; the signed credential itself still names them (it cannot change).
    show_name = models.BooleanField(_("show my name on the public page"), default=True)

    class Meta:
        verbose_name = _("claim link")

    def __str__(self) -> str:
        return f"claim link of {self.credential_id}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_claimed(self) -> bool:
        return self.claimed_at is not None


class HolderAddress(models.Model):
    """An e-mail address a person says is theirs; it counts once they proved it by mail.

    Only the hash of the verification token is kept. A verified address belongs to one
    person: whoever proves it last holds it (a mailbox handed on to a successor takes the
    badges sent to it along), so the constraint below allows one verified row per address.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="holder_addresses"
    )
    # Stored lower-case (accounts.models.normalize_email), so comparisons need no Lower().
    email = models.EmailField(_("e-mail address"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    verified_at = models.DateTimeField(null=True, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    token_expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("holder address")
        ordering = ("created_at", "pk")
        constraints = (
            models.UniqueConstraint(fields=["user", "email"], name="one_address_per_person"),
            models.UniqueConstraint(
                fields=["email"],
                condition=models.Q(verified_at__isnull=False),
                name="one_verified_holder_per_address",
            ),
        )
        indexes = (models.Index(fields=["token_hash"], name="holder_address_token"),)

    def __str__(self) -> str:
        return self.email

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None
