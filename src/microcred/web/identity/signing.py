"""What other apps sign with: the organization's current key and its verification method."""

from __future__ import annotations

from microcred.proofs.keys import KeyPair
from microcred.proofs.keystore import unseal
from microcred.web.identity.dids import verification_method
from microcred.web.identity.keystore import configured_keks
from microcred.web.identity.models import SigningKey
from microcred.web.organizations.models import Organization


class NoSigningKeyError(LookupError):
    """The organization has no current signing key (it should always have one)."""


def current_key(organization: Organization) -> SigningKey:
    key = SigningKey.objects.current().filter(organization=organization).first()
    if key is None:
        raise NoSigningKeyError(f"the organization {organization.slug!r} has no signing key")
    return key


def current_signer(organization: Organization) -> tuple[KeyPair, str]:
    """(unsealed key pair, verification method id such as ``did:web:…:o:acme#key-2``)."""
    key = current_key(organization)
    key_pair = unseal(key.sealed_private_key, configured_keks(), key_id=key.sealed_key_id)
    return key_pair, verification_method(organization, key)
