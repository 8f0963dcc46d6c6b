"""current_signer(): what issuing will sign with, checked end to end against the served DID."""

from __future__ import annotations

import pytest
from django.urls import reverse

from microcred.openbadges.samples import realistic_credential
from microcred.proofs.data_integrity import ProofError, verify_proof
from microcred.proofs.did import find_verification_method
from microcred.proofs.securing import ProofFormat, secure
from microcred.web.identity.dids import organization_did
from microcred.web.identity.keys import create_key
from microcred.web.identity.signing import NoSigningKeyError, current_signer

pytestmark = pytest.mark.django_db


def signed_by(organization) -> dict:
    key_pair, method = current_signer(organization)
    credential = realistic_credential(issuer_id=organization_did(organization))
    signed = secure(credential, key_pair, method, ProofFormat.EDDSA_RDFC_2022)
    assert isinstance(signed, dict)
    return signed


def verify_with_served_document(client, organization, credential: dict) -> None:
    document = client.get(reverse("identity:document", args=[organization.slug])).json()
    proof = credential["proof"][0]
    public_key = find_verification_method(document, proof["verificationMethod"])
    verify_proof(credential, proof, public_key)


def test_a_credential_signed_now_verifies_with_the_published_document(
    client, make_organization
) -> None:
    organization = make_organization()
    verify_with_served_document(client, organization, signed_by(organization))


def test_credentials_signed_before_a_rotation_still_verify_after_it(
    client, make_organization
) -> None:
    organization = make_organization()
    before = signed_by(organization)
    create_key(organization)
    after = signed_by(organization)
    assert before["proof"][0]["verificationMethod"].endswith("#key-1")
    assert after["proof"][0]["verificationMethod"].endswith("#key-2")
    verify_with_served_document(client, organization, before)
    verify_with_served_document(client, organization, after)


def test_a_credential_changed_after_signing_fails(client, make_organization) -> None:
    organization = make_organization()
    credential = signed_by(organization)
    credential["name"] = "Something else"
    with pytest.raises(ProofError):
        verify_with_served_document(client, organization, credential)


def test_an_organization_without_a_key_says_so(make_organization) -> None:
    organization = make_organization()
    organization.signing_keys.all().delete()
    with pytest.raises(NoSigningKeyError, match="has no signing key"):
        current_signer(organization)
