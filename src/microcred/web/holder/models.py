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
