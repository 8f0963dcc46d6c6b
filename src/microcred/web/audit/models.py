"""One line of the audit log. Rows are only ever added, never changed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from microcred.web.audit import actions


class AuditEvent(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="audit_events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Kept as written at the time, so the log still names people whose account is gone.
    actor_label = models.CharField(max_length=300, blank=True)
    action = models.CharField(max_length=64)
    target_type = models.CharField(max_length=64, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(max_length=300, blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = (
            "-created_at",
            "-id",
        )
        indexes = (models.Index(fields=["organization", "-created_at"], name="audit_by_org"),)

    def __str__(self) -> str:
        return f"{self.actor_label} {self.action} {self.target_label}".strip()

    @property
    def action_label(self) -> str:
        return actions.label(self.action)
