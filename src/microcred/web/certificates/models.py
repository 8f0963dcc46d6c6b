"""How an organization's certificates look: colours, the signature line and a footer."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from microcred.web.certificates.colours import (
    GRAPHICS_CONTRAST,
    TEXT_CONTRAST,
    contrast_with_white,
    is_hex_colour,
)

DEFAULT_PRIMARY = "#1f3a5f"
DEFAULT_ACCENT = "#9a7b2f"


def validate_text_colour(value: str) -> None:
    _validate_colour(value, TEXT_CONTRAST)


def validate_graphics_colour(value: str) -> None:
    _validate_colour(value, GRAPHICS_CONTRAST)


def _validate_colour(value: str, minimum: float) -> None:
    if not is_hex_colour(value):
        raise ValidationError(
            _("Enter a colour as # and six hexadecimal digits, for example #1f3a5f."),
            code="colour",
        )
    ratio = contrast_with_white(value)
    if ratio < minimum:
        raise ValidationError(
            _(
                "This colour is too light on white paper (contrast %(ratio).1f:1, "
                "at least %(minimum).1f:1 is needed). Choose a darker one."
            ),
            code="contrast",
            params={"ratio": ratio, "minimum": minimum},
        )


class CertificateDesign(models.Model):
    """One per organization, once someone changed it; unsaved defaults otherwise."""

    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.CASCADE, related_name="certificate_design"
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default=DEFAULT_PRIMARY,
        validators=[validate_text_colour],
        help_text=_("Headings and the recipient's name; must be readable on white."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[validate_graphics_colour],
        help_text=_("The frame and the lines."),
    )
    signature_name = models.CharField(_("signed by"), max_length=120, blank=True)
    signature_title = models.CharField(_("position of the signer"), max_length=120, blank=True)
    signature_image = models.BinaryField(null=True, blank=True, editable=False)
    # Changes with the image, so a certificate's ETag changes too.
    signature_version = models.CharField(max_length=16, blank=True, editable=False)
    footer_text = models.CharField(_("footer text"), max_length=300, blank=True)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("certificate design")

    def __str__(self) -> str:
        return f"certificate design of {self.organization_id}"

    def set_signature_image(self, data: bytes | None) -> None:
        """Store an already cleaned PNG (see signatures.clean_signature_image), or remove it."""
        self.signature_image = data or None
        self.signature_version = hashlib.sha256(data).hexdigest()[:12] if data else ""

    @property
    def fingerprint(self) -> str:
        """Changes whenever anything printed on a certificate changes."""
        parts = (
            self.primary_colour,
            self.accent_colour,
            self.signature_name,
            self.signature_title,
            self.signature_version,
            self.footer_text,
        )
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def design_for(organization: object) -> CertificateDesign:
    """The organization's design, or the defaults (not saved) when it has none."""
    found = CertificateDesign.objects.filter(organization=organization).first()
    return found or CertificateDesign(organization=organization)  # type: ignore[misc]
