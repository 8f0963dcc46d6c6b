"""One published Bitstring Status List of an organization, for one purpose.

A list holds 131,072 entries (the spec's minimum, for group privacy). Its bits live here
uncompressed; the signed ``BitstringStatusListCredential`` built from them is stored as the
exact text that is served, re-signed only when a bit changes (never per request).
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from microcred.status import MIN_ENTRIES
from microcred.web.statuslists.permutation import IndexPermutation

LIST_SIZE = MIN_ENTRIES


class Purpose(models.TextChoices):
    REVOCATION = "revocation", _("Revocation")
    SUSPENSION = "suspension", _("Suspension")


def _new_key() -> bytes:
    return secrets.token_bytes(32)


def _empty_bits() -> bytes:
    return bytes(LIST_SIZE // 8)


class StatusList(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="status_lists"
    )
    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    # 1, 2, ...: part of the list's URL; a new list starts when the previous one is full.
    sequence = models.PositiveIntegerField()
    size = models.PositiveIntegerField(default=LIST_SIZE, editable=False)
    # How many indexes have been handed out; the next one is permutation(allocated).
    allocated = models.PositiveIntegerField(default=0)
    # Secret: decides the random-looking order of indexes (see permutation.py).
    permutation_key = models.BinaryField(default=_new_key, editable=False)
    bitstring = models.BinaryField(default=_empty_bits, editable=False)
    # The signed BitstringStatusListCredential exactly as served.
    signed_text = models.TextField(blank=True, editable=False)
    etag = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("status list")
        ordering = ("organization", "purpose", "sequence")
        constraints = (
            models.UniqueConstraint(
                fields=["organization", "purpose", "sequence"], name="one_list_per_number"
            ),
        )

    def __str__(self) -> str:
        return f"{self.purpose} list {self.sequence}"

    @property
    def is_full(self) -> bool:
        return self.allocated >= self.size

    def index_at(self, position: int) -> int:
        """The status list index handed out as the ``position``-th allocation."""
        return IndexPermutation(bytes(self.permutation_key), self.size)(position)
