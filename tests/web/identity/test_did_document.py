"""The DID document at the path did:web resolution fetches, listing every key."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from microcred.proofs.did import did_web_document_url, find_verification_method
from microcred.web.identity.dids import organization_did
from microcred.web.identity.keys import create_key
from microcred.web.identity.signing import current_signer

pytestmark = pytest.mark.django_db


def test_the_did_is_under_the_instance_host(make_organization) -> None:
    organization = make_organization("Akademie Beispiel")
    assert organization_did(organization) == "did:web:testserver:o:akademie-beispiel"


def test_it_serves_the_document_where_did_web_resolution_looks(client, make_organization) -> None:
    organization = make_organization()
    did = organization_did(organization)
    path = urlsplit(did_web_document_url(did)).path
    assert path == reverse("identity:document", args=[organization.slug])
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/did+ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    document = response.json()
    assert document["id"] == did


def test_the_current_signer_is_found_in_the_served_document(client, make_organization) -> None:
    organization = make_organization()
    key_pair, method = current_signer(organization)
    document = client.get(reverse("identity:document", args=[organization.slug])).json()
    public_key = find_verification_method(document, method)
    assert public_key == key_pair.public_key
    signature = key_pair.sign(b"hello")
    assert public_key.verify(signature, b"hello")


def test_after_rotation_old_and_new_keys_both_resolve(client, make_organization) -> None:
    organization = make_organization()
    old_pair, old_method = current_signer(organization)
    create_key(organization)
    new_pair, new_method = current_signer(organization)
    assert new_method.endswith("#key-2") and old_method.endswith("#key-1")
    document = client.get(reverse("identity:document", args=[organization.slug])).json()
    assert find_verification_method(document, old_method) == old_pair.public_key
    assert find_verification_method(document, new_method) == new_pair.public_key
    assert [m["id"].rsplit("#", 1)[1] for m in document["verificationMethod"]] == ["key-2", "key-1"]


def test_an_unknown_organization_has_no_document(client) -> None:
    assert client.get(reverse("identity:document", args=["nobody"])).status_code == 404
