"""An achievement an organization designs once and awards in many credentials, and its images.

Credentials store the exact bytes they were signed with, so nothing here is ever copied into
an issued credential after the fact: editing an achievement changes what the next credential
says, never what an earlier one said. Images are kept per version at their own URL, so the
image URL inside an earlier credential goes on showing the image it was issued with.
"""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from microcred.web.achievements.choices import (
    AchievementType,
    EqfLevel,
    ParticipationForm,
    Stackability,
)


class AchievementQuerySet(models.QuerySet["Achievement"]):
    def active(self) -> AchievementQuerySet:
        return self.filter(archived_at__isnull=True)


class Achievement(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="achievements"
    )
    # In URLs and in the credential's achievement id: not guessable, never reused.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    criteria = models.TextField(_("criteria"), max_length=10000)
    learning_outcomes = models.JSONField(_("learning outcomes"), default=list, blank=True)
    # [{"name": ..., "url": ...}]: alignments to skills, e.g. ESCO concept URIs.
    skills = models.JSONField(_("skills"), default=list, blank=True)
    achievement_type = models.CharField(
        _("type"),
        max_length=40,
        choices=AchievementType.choices,
        default=AchievementType.MICRO_CREDENTIAL,
    )
    language = models.CharField(_("language"), max_length=8, default="de")
    tags = models.JSONField(_("tags"), default=list, blank=True)
    # None: credentials never expire; otherwise they are valid this many months after issue.
    expiry_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    workload_hours = models.DecimalField(
        _("workload (hours)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10000)],
    )
    ects = models.DecimalField(
        _("ECTS credits"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(300)],
    )
    eqf_level = models.PositiveSmallIntegerField(
        _("EQF level"), choices=EqfLevel.choices, null=True, blank=True
    )
    assessment_type = models.CharField(_("type of assessment"), max_length=300, blank=True)
    participation_form = models.CharField(
        _("form of participation"), max_length=16, choices=ParticipationForm.choices, blank=True
    )
    quality_assurance = models.CharField(_("type of quality assurance"), max_length=500, blank=True)
    prerequisites = models.TextField(_("prerequisites"), max_length=2000, blank=True)
    stackability = models.CharField(
        _("stackability"), max_length=16, choices=Stackability.choices, blank=True
    )
    stackability_note = models.CharField(_("stacks towards"), max_length=500, blank=True)
    image = models.ForeignKey(
        "BadgeImage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Counts saved changes; credentials name it as the achievement's version.
    revision = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    # Archived achievements are not offered for issuing; what was issued stays valid.
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AchievementQuerySet.as_manager()

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        ordering = ("name", "pk")
        indexes = (models.Index(fields=["organization", "name"], name="achievement_by_org"),)

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class BadgeImage(models.Model):
    """One version of an achievement's image; never changed once stored."""

    achievement = models.ForeignKey(Achievement, on_delete=models.CASCADE, related_name="images")
    # The first hex digits of the image's SHA-256: part of its URL.
    version = models.CharField(max_length=16)
    content_type = models.CharField(max_length=32)
    data = models.BinaryField()
    # A PNG of an SVG design, for PNG baking; for an uploaded PNG it is the upload itself.
    png = models.BinaryField(null=True, blank=True)
    # The template choices it was drawn from; empty for an uploaded image.
    design = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["achievement", "version"], name="one_image_version"),
        )

    def __str__(self) -> str:
        return f"{self.achievement_id}/{self.version}"

    @staticmethod
    def version_of(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()[:12]

    @property
    def extension(self) -> str:
        return "svg" if self.content_type == "image/svg+xml" else "png"
