"""One thing that happened to an issued credential: no IP address, no cookie, no tracker.

Rows carry the organization and achievement of their credential so an issuer's dashboard
counts with one indexed query instead of joining through every credential.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from microcred.web.engagement.kinds import ONCE_PER_CREDENTIAL, EventKind


class Event(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+"
    )
    credential = models.ForeignKey(
        "credentials.IssuedCredential", on_delete=models.CASCADE, related_name="events"
    )
    achievement = models.ForeignKey(
        "achievements.Achievement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    channel = models.CharField(max_length=16, blank=True)
    # Link-preview crawlers and scripts: kept, but counted apart from people.
    is_bot = models.BooleanField(default=False)
    occurred_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ("-occurred_at", "-id")
        indexes = (
            models.Index(fields=["achievement", "kind", "occurred_at"], name="event_by_achv"),
            models.Index(fields=["organization", "occurred_at"], name="event_by_org"),
        )
        constraints = (
            models.UniqueConstraint(
                fields=["credential", "kind"],
                condition=models.Q(kind__in=sorted(ONCE_PER_CREDENTIAL), is_bot=False),
                name="once_per_credential",
            ),
        )

    def __str__(self) -> str:
        return f"{self.kind} {self.channel} of {self.credential_id}".replace("  ", " ")
