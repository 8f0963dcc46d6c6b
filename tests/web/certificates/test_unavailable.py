"""Revoked and suspended credentials get a page that says why, never a certificate."""

from __future__ import annotations

import pytest

from microcred.web.credentials import revocation
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db


def test_a_revoked_credential_has_no_certificate(client, make_organization) -> None:
    credential = issue_sample(make_organization())
    revocation.revoke(credential, actor=None, reason="Prüfung nicht bestanden")

    response = client.get(f"/c/{credential.public_id}/certificate.pdf")

    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    assert "This credential was revoked" in response.text
    assert response["Cache-Control"] == "no-store"


def test_a_suspended_credential_has_none_while_suspended(client, make_organization) -> None:
    credential = issue_sample(make_organization())
    revocation.suspend(credential, actor=None)

    response = client.get(f"/c/{credential.public_id}/certificate.pdf")

    assert response.status_code == 409
    assert "This credential is suspended" in response.text
    revocation.unsuspend(credential, actor=None)
    assert client.get(f"/c/{credential.public_id}/certificate.pdf").status_code == 200


def test_the_refusal_is_in_german_for_german_readers(client, make_organization) -> None:
    credential = issue_sample(make_organization())
    revocation.revoke(credential, actor=None, reason="x")

    response = client.get(
        f"/c/{credential.public_id}/certificate.pdf", headers={"accept-language": "de"}
    )

    assert "Dieser Nachweis wurde widerrufen" in response.text
