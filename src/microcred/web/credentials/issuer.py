"""The organization as the ``issuer`` Profile inside every credential it issues."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from microcred.openbadges import model as ob
from microcred.web.identity.dids import organization_did
from microcred.web.organizations.models import Organization


def issuer_profile(organization: Organization) -> ob.Profile:
    """Name, website, e-mail, description, logo and country (an EU element), as now saved."""
    logo = None
    if organization.logo_version:
        path = reverse("organizations:logo", args=[organization.slug])
        logo = ob.Image(
            id=f"{settings.MICROCRED_BASE_URL}{path}?v={organization.logo_version}",
            caption=organization.name,
        )
    return ob.Profile(
        id=organization_did(organization),
        name=organization.name,
        url=organization.url or None,
        email=organization.email or None,
        description=organization.description or None,
        image=logo,
        address=ob.Address(
            address_country_code=organization.country or None,
            address_region=organization.region or None,
        ),
    )
