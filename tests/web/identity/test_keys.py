"""Signing keys: sealed at rest, one current key, rotation from the identity page."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.urls import reverse

from microcred.proofs.keystore import SealedKeyError, read_sealed_key, unseal
from microcred.web.identity.keystore import configured_keks
from microcred.web.identity.models import SigningKey
from microcred.web.identity.signing import current_signer
from microcred.web.organizations.models import Role

pytestmark = pytest.mark.django_db


def test_the_database_never_holds_the_private_key_in_the_clear(make_organization) -> None:
    organization = make_organization()
    key_pair, _method = current_signer(organization)
    pkcs8 = key_pair.to_pkcs8()
    secret_multikey = key_pair.to_secret_multikey()
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed_private_key, public_key_multibase FROM identity_signingkey")
        rows = cursor.fetchall()
    assert len(rows) == 1
    sealed, public = rows[0]
    assert pkcs8 not in sealed.encode() and pkcs8.hex() not in sealed
    assert secret_multikey not in sealed
    import base64

    assert base64.urlsafe_b64encode(pkcs8).decode().rstrip("=") not in sealed
    assert read_sealed_key(sealed).kek_id == configured_keks()[0].kek_id
    assert public == key_pair.public_key.to_multikey()


def test_a_sealed_key_copied_to_another_row_does_not_open(make_organization) -> None:
    first = SigningKey.objects.get(organization=make_organization("One"))
    second = SigningKey.objects.get(organization=make_organization("Two"))
    with pytest.raises(SealedKeyError, match="belongs to key id"):
        unseal(first.sealed_private_key, configured_keks(), key_id=second.sealed_key_id)


def test_without_a_key_encryption_key_it_says_what_to_set(settings, make_organization) -> None:
    organization = make_organization()
    settings.MICROCRED_KEY_ENCRYPTION_KEYS = None
    with pytest.raises(ImproperlyConfigured, match="MICROCRED_KEY_ENCRYPTION_KEYS is not set"):
        current_signer(organization)


def test_an_admin_rotates_the_key_from_the_identity_page(login, make_organization) -> None:
    organization = make_organization()
    client = login(organization.memberships.get().user)
    response = client.post(reverse("identity:rotate", args=[organization.slug]), follow=True)
    assert "key-2 now signs new credentials" in response.text
    keys = list(SigningKey.objects.filter(organization=organization).order_by("sequence"))
    assert [key.is_current for key in keys] == [False, True]
    assert organization.audit_events.filter(action="key.rotated").exists()


def test_issuers_see_the_keys_but_cannot_rotate(
    login, make_user, make_organization, add_member
) -> None:
    organization = make_organization()
    issuer = make_user()
    add_member(organization, issuer, Role.ISSUER)
    client = login(issuer)
    page = client.get(reverse("identity:settings", args=[organization.slug]))
    assert page.status_code == 200
    assert "did:web:testserver:o:" in page.text
    assert "Rotate the signing key" not in page.text
    assert client.post(reverse("identity:rotate", args=[organization.slug])).status_code == 403
    assert SigningKey.objects.filter(organization=organization).count() == 1


def test_rotating_is_only_a_post(login, make_organization) -> None:
    organization = make_organization()
    client = login(organization.memberships.get().user)
    assert client.get(reverse("identity:rotate", args=[organization.slug])).status_code == 405


def test_the_deploy_check_reports_a_missing_key_encryption_key(settings) -> None:
    from microcred.web.identity.checks import key_encryption_keys_configured

    assert key_encryption_keys_configured() == []
    settings.MICROCRED_KEY_ENCRYPTION_KEYS = ""
    (error,) = key_encryption_keys_configured()
    assert error.id == "microcred.E001"
