"""Signing a status list and changing one of its bits; what the public URL serves."""

from __future__ import annotations

import hashlib
import json
from typing import Final

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from microcred.proofs.securing import ProofFormat, secure
from microcred.status import StatusList as Bits
from microcred.status import status_list_credential
from microcred.web.identity.dids import organization_did
from microcred.web.identity.signing import current_signer
from microcred.web.organizations.models import Organization
from microcred.web.statuslists.models import Purpose, StatusList

# How long verifiers may keep a list; the credential says the same in ``ttl`` (milliseconds).
MAX_AGE_SECONDS: Final = 300


def list_url(organization: Organization, purpose: str, sequence: int) -> str:
    path = reverse("statuslists:list", args=[organization.slug, purpose, sequence])
    return settings.MICROCRED_BASE_URL + path


def publish(status_list: StatusList) -> None:
    """Sign the list as it now is with the organization's current key, and store the text.

    The caller saves the row (so the bits and the signed text change together).
    """
    organization = status_list.organization
    key_pair, method = current_signer(organization)
    now = timezone.now().replace(microsecond=0)
    document = status_list_credential(
        list_url(organization, status_list.purpose, status_list.sequence),
        organization_did(organization),
        status_list.purpose,
        Bits.from_bitstring(bytes(status_list.bitstring)),
        valid_from=now,
        ttl=MAX_AGE_SECONDS * 1000,
    )
    signed = secure(document, key_pair, method, ProofFormat.EDDSA_RDFC_2022)
    text = json.dumps(signed, ensure_ascii=False)
    status_list.signed_text = text
    status_list.etag = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    status_list.published_at = now


def set_status(status_list_id: int, index: int, value: bool) -> bool:
    """Set one entry and re-sign the list; False if it already had that value (nothing signed)."""
    with transaction.atomic():
        status_list = (
            StatusList.objects.select_for_update()
            .select_related("organization")
            .get(pk=status_list_id)
        )
        bits = Bits.from_bitstring(bytes(status_list.bitstring))
        if bool(bits.get(index)) == value:
            return False
        bits.set(index, value)
        status_list.bitstring = bits.bitstring
        publish(status_list)
        status_list.save(update_fields=["bitstring", "signed_text", "etag", "published_at"])
    return True


def purposes() -> list[str]:
    return [purpose.value for purpose in Purpose]
