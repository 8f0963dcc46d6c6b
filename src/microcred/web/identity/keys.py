"""Creating and rotating an organization's signing keys."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from microcred.proofs.keys import KeyPair
from microcred.proofs.keystore import seal
from microcred.web.audit.log import record
from microcred.web.identity.keystore import sealing_kek
from microcred.web.identity.models import SigningKey
from microcred.web.organizations.models import Organization


def create_key(organization: Organization, actor: object | None = None) -> SigningKey:
    """A new Ed25519 key that signs from now on; the previous one is retired, not deleted."""
    with transaction.atomic():
        # Serializes concurrent rotations of one organization (a row lock on PostgreSQL;
        # SQLite's IMMEDIATE transactions already serialize writers).
        Organization.objects.select_for_update().filter(pk=organization.pk).first()
        keys = SigningKey.objects.filter(organization=organization)
        previous = keys.aggregate(last=Max("sequence"))["last"] or 0
        rotating = previous > 0
        keys.current().update(retired_at=timezone.now())
        key_pair = KeyPair.generate("Ed25519")
        key = SigningKey(
            organization=organization,
            sequence=previous + 1,
            algorithm=key_pair.algorithm,
            public_key_multibase=key_pair.public_key.to_multikey(),
        )
        key.sealed_private_key = seal(key_pair, sealing_kek(), key_id=key.sealed_key_id)
        key.save()
        record(
            organization,
            actor,  # type: ignore[arg-type]
            "key.rotated" if rotating else "key.created",
            target=key,
            details={"publicKeyMultibase": key.public_key_multibase},
        )
    return key
