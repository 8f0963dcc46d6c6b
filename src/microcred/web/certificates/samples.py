"""The certificate an admin previews: the newest valid credential, or a made-up one."""

from __future__ import annotations

import uuid
from typing import Final

from django.utils import timezone
from django.utils.translation import gettext as _

from microcred.web.certificates.content import CertificateContent, content_for, format_date
from microcred.web.certificates.fetcher import data_uri
from microcred.web.credentials.addresses import public_url
from microcred.web.credentials.art import stand_in_png
from microcred.web.credentials.models import IssuedCredential
from microcred.web.organizations.models import Organization

# The address printed on a made-up certificate leads nowhere on purpose.
SAMPLE_ID: Final = uuid.UUID(int=0)


def preview_content(organization: Organization) -> CertificateContent:
    """Call inside ``translation.override``: the texts and dates are in that language."""
    logo, logo_type = (
        Organization.objects.filter(pk=organization.pk)
        .values_list("logo", "logo_content_type")
        .get()
    )
    newest = (
        IssuedCredential.objects.filter(
            organization=organization, revoked_at__isnull=True, suspended_at__isnull=True
        )
        .select_related("organization")
        .first()
    )
    if newest is not None:
        # Only the issuer's admins see the preview, and they know whom they awarded it to.
        return content_for(newest, logo, logo_type, show_name=True)
    return CertificateContent(
        recipient_name="Erika Mustermann",
        achievement_name=_("Sample achievement"),
        description=_(
            "Your first credential will appear here. Until then, this sample shows how "
            "your certificates will look."
        ),
        issuer_name=organization.name,
        issued_on=format_date(timezone.now()),
        valid_until="",
        credential_id=f"urn:uuid:{SAMPLE_ID}",
        page_url=public_url(SAMPLE_ID),
        badge_image=data_uri(stand_in_png(), "image/png"),
        logo=data_uri(bytes(logo), logo_type) if logo and logo_type else "",
    )
