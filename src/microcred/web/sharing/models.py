"""What an organization sets once so its holders' badges land well on other sites."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

linkedin_organization_id_validator = RegexValidator(
    r"^[0-9]+$",
    _(
        "Enter only the digits of the LinkedIn organization id, for example 1337 "
        "(not the page's name or address)."
    ),
)


class SharingSettings(models.Model):
    """A row exists once an admin saved the sharing settings."""

    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.CASCADE, related_name="sharing_settings"
    )
    linkedin_organization_id = models.CharField(
        _("LinkedIn organization id"),
        max_length=20,
        blank=True,
        validators=[linkedin_organization_id_validator],
        help_text=_(
            "The number in your LinkedIn company page's admin address "
            "(linkedin.com/company/12345678/admin). With it, holders' certifications link "
            "to your page; without it, LinkedIn shows your organization's name only."
        ),
    )
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("sharing settings")

    def __str__(self) -> str:
        return f"sharing settings of {self.organization_id}"


def linkedin_organization_id(organization: object) -> str:
    """The organization's LinkedIn id, or "" when none is set."""
    found = (
        SharingSettings.objects.filter(organization=organization)
        .values_list("linkedin_organization_id", flat=True)
        .first()
    )
    return found or ""
