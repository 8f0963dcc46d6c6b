"""Issued credentials, stored as the exact text that was signed, and how an organization issues.

``signed_text`` is what the signer produced (a JSON document with an embedded proof, or a
compact VC-JWT): it is served, baked and verified as it is and never re-serialized, because
any change of bytes (key order, spacing, escapes) can break a signature or a hash.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from microcred.proofs.securing import ProofFormat


class ProofChoice(models.TextChoices):
    EDDSA_RDFC_2022 = ProofFormat.EDDSA_RDFC_2022.value, _("Data Integrity (eddsa-rdfc-2022)")
    EDDSA_JCS_2022 = ProofFormat.EDDSA_JCS_2022.value, _("Data Integrity (eddsa-jcs-2022)")
    VC_JWT = ProofFormat.VC_JWT.value, _("VC-JWT (JOSE)")


class IssuingSettings(models.Model):
    """How an organization's credentials are secured; a row exists once someone changed it."""

    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.CASCADE, related_name="issuing_settings"
    )
    proof_format = models.CharField(
        _("proof format"),
        max_length=20,
        choices=ProofChoice.choices,
        default=ProofChoice.EDDSA_RDFC_2022,
    )
    # Off by default: a second credentialStatus entry fails the OB 3.0 JSON Schema (which
    # allows one), and credentials must validate against it; VC 2.0 verifiers accept both.
    suspension = models.BooleanField(_("allow suspension"), default=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("issuing settings")

    def __str__(self) -> str:
        return f"issuing settings of {self.organization_id}"


class Channel(models.TextChoices):
    FORM = "form", _("issue form")
    API = "api", _("VC API")
    DEMO = "demo", _("demo data")


class IssuedCredentialQuerySet(models.QuerySet["IssuedCredential"]):
    def revoked(self) -> IssuedCredentialQuerySet:
        return self.filter(revoked_at__isnull=False)


class IssuedCredential(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="credentials"
    )
    # The credential's public address is /c/<public_id>; random, so pages are not enumerable.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The credential's own "id" (its public URL, or what a VC API client chose).
    credential_id = models.CharField(max_length=500, editable=False)
    proof_format = models.CharField(max_length=20, choices=ProofChoice.choices, editable=False)
    signed_text = models.TextField(editable=False)
    name = models.CharField(_("name"), max_length=500, blank=True, editable=False)
    # The designed achievement it awards, when it came from one (API credentials may not).
    achievement = models.ForeignKey(
        "achievements.Achievement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="credentials",
    )
    recipient_name = models.CharField(_("recipient name"), max_length=200, blank=True)
    # Only ever in this row (for delivery); the credential carries a salted hash.
    recipient_email = models.EmailField(_("recipient e-mail"), blank=True)
    valid_from = models.DateTimeField(editable=False)
    valid_until = models.DateTimeField(null=True, blank=True, editable=False)
    channel = models.CharField(max_length=8, choices=Channel.choices, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    issued_at = models.DateTimeField(default=timezone.now, editable=False)

    revocation_list = models.ForeignKey(
        "statuslists.StatusList", on_delete=models.RESTRICT, null=True, related_name="+"
    )
    revocation_index = models.PositiveIntegerField(null=True)
    suspension_list = models.ForeignKey(
        "statuslists.StatusList", on_delete=models.RESTRICT, null=True, related_name="+"
    )
    suspension_index = models.PositiveIntegerField(null=True)

    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revocation_reason = models.CharField(_("reason"), max_length=500, blank=True)
    suspended_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = IssuedCredentialQuerySet.as_manager()

    class Meta:
        verbose_name = _("issued credential")
        ordering = ("-issued_at", "-pk")
        indexes = (
            models.Index(fields=["organization", "-issued_at"], name="credential_by_org"),
            # A holder's "My badges" looks credentials up by address across organizations.
            models.Index(Lower("recipient_email"), name="credential_by_recipient"),
        )
        constraints = (
            models.UniqueConstraint(
                fields=["revocation_list", "revocation_index"], name="one_revocation_entry"
            ),
            models.UniqueConstraint(
                fields=["suspension_list", "suspension_index"], name="one_suspension_entry"
            ),
            models.UniqueConstraint(
                fields=["organization", "credential_id"], name="one_credential_per_id"
            ),
        )

    def __str__(self) -> str:
        who = self.recipient_name or self.recipient_email or str(self.public_id)
        return f"{self.name} – {who}" if self.name else who

    @property
    def is_jwt(self) -> bool:
        return self.proof_format == ProofChoice.VC_JWT

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None

    @property
    def can_be_suspended(self) -> bool:
        return self.suspension_list_id is not None

    @property
    def is_expired(self) -> bool:
        return self.valid_until is not None and self.valid_until <= timezone.now()

    @property
    def state(self) -> str:
        """``revoked``, ``suspended``, ``expired`` or ``active``: the loudest one wins."""
        if self.is_revoked:
            return "revoked"
        if self.is_suspended:
            return "suspended"
        if self.is_expired:
            return "expired"
        return "active"
