"""An organization's did:web (``did:web:<host>:o:<slug>``) and the DID document it publishes."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from microcred.proofs.did import did_web, did_web_document
from microcred.proofs.keys import public_key_from_multikey
from microcred.web.identity.models import SigningKey
from microcred.web.organizations.models import Organization


def organization_did(organization: Organization) -> str:
    return did_web(f"{settings.MICROCRED_HOST}/o/{organization.slug}")


def verification_method(organization: Organization, key: SigningKey) -> str:
    return f"{organization_did(organization)}#{key.name}"


def did_document(organization: Organization) -> dict[str, Any]:
    """The document lists every key, newest first: old keys keep old credentials verifiable."""
    keys = SigningKey.objects.filter(organization=organization).order_by("-sequence")
    return did_web_document(
        organization_did(organization),
        [(key.name, public_key_from_multikey(key.public_key_multibase)) for key in keys],
    )
