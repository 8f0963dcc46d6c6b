"""An organization is an issuer Profile; people belong to it through a Membership with a role."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from microcred.web.organizations.countries import Country
from microcred.web.organizations.roles import Role

__all__ = ["Country", "Invitation", "Membership", "Organization", "Role"]

INVITATION_LIFETIME = timedelta(days=14)

slug_validator = RegexValidator(
    r"^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$",
    _("Use lower-case letters, digits and inner hyphens, at most 50."),
)


class Organization(models.Model):
    # The slug is part of the organization's did:web, so it never changes after creation.
    slug = models.SlugField(_("address"), max_length=50, unique=True, validators=[slug_validator])
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    region = models.CharField(_("region"), max_length=100, blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    logo = models.BinaryField(null=True, blank=True, editable=False)
    logo_content_type = models.CharField(max_length=32, blank=True, editable=False)
    # Part of the logo's URL, so caches never serve an old one; empty when there is no logo.
    # Pages test this instead of the bytes, which most queries defer.
    logo_version = models.CharField(max_length=16, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organizations"
    )

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    def set_logo(self, data: bytes | None, content_type: str = "") -> None:
        """Store an already cleaned logo (see logos.clean_logo), or remove it with None."""
        self.logo = data or None
        self.logo_content_type = content_type if data else ""
        self.logo_version = hashlib.sha256(data).hexdigest()[:12] if data else ""


class Membership(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["organization", "user"], name="one_membership_each"),
        )
        ordering = ("organization__name",)

    def __str__(self) -> str:
        return f"{self.user} in {self.organization} ({self.role})"

    def has_role(self, role: Role | str) -> bool:
        return Role(self.role).includes(role)

    @property
    def is_admin(self) -> bool:
        return self.has_role(Role.ADMIN)


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> InvitationQuerySet:
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


def token_hash(token: str) -> str:
    """Invitation tokens are kept only as hashes; the link in the e-mail is the only copy."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Invitation(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.ISSUER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at",)
        constraints = (
            models.UniqueConstraint(
                "organization",
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True),
                name="one_open_invitation_per_address",
            ),
        )

    def __str__(self) -> str:
        return f"{self.email} to {self.organization}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
