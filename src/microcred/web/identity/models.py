"""An organization's signing keys; the private half is stored only sealed (AES-256-GCM)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SigningKeyQuerySet(models.QuerySet["SigningKey"]):
    def current(self) -> SigningKeyQuerySet:
        return self.filter(retired_at__isnull=True)


class SigningKey(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="signing_keys"
    )
    # key-1, key-2, ...: the fragment of the verification method in the DID document.
    sequence = models.PositiveIntegerField()
    algorithm = models.CharField(max_length=16, default="Ed25519")
    public_key_multibase = models.CharField(max_length=200)
    # microcred.proofs.keystore.seal() output; never the PKCS#8 itself.
    sealed_private_key = models.TextField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # A retired key signs nothing new but stays in the DID document for what it signed.
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = SigningKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("signing key")
        ordering = ("-sequence",)
        constraints = (
            models.UniqueConstraint(fields=["organization", "sequence"], name="one_key_per_number"),
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(retired_at__isnull=True),
                name="one_current_key",
            ),
        )

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"key-{self.sequence}"

    @property
    def sealed_key_id(self) -> str:
        """What the sealed blob is bound to, so a blob copied to another row will not open."""
        return f"microcred:organization:{self.organization_id}:{self.name}"

    @property
    def is_current(self) -> bool:
        return self.retired_at is None
