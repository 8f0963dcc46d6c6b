"""``/claim/<token>/certificate.pdf``: the holder's own certificate, with their name on it."""

from __future__ import annotations

import pytest
from django.utils import timezone

from microcred.web.holder.models import ClaimLink
from tests.web.certificates.conftest import read_pdf

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


def test_it_names_the_holder_even_while_the_public_page_hides_the_name(
    client, credential, claim_path
) -> None:
    client.post(claim_path, {"action": "name"})  # hide the name

    response = client.get(claim_path + "/certificate.pdf", HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Erika Mustermann" in read_pdf(response.content).text
    public = client.get(f"/c/{credential.public_id}/certificate.pdf", HTTP_USER_AGENT=BROWSER)
    assert "Erika Mustermann" not in read_pdf(public.content).text


def test_it_keeps_the_token_private_like_the_claim_page(client, claim_path) -> None:
    response = client.get(claim_path + "/certificate.pdf", HTTP_USER_AGENT=BROWSER)

    assert response["Referrer-Policy"] == "strict-origin"
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]


def test_an_unknown_link_gets_the_unknown_page(client) -> None:
    response = client.get("/claim/not-a-real-token/certificate.pdf", HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 404
    assert "This link is not known" in response.text
    assert response["Cache-Control"] == "private, no-store"


def test_an_expired_link_gets_the_expired_page(client, credential, claim_path) -> None:
    ClaimLink.objects.filter(credential=credential).update(expires_at=timezone.now())

    response = client.get(claim_path + "/certificate.pdf", HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 410
    assert "This link has expired" in response.text
    assert response["Referrer-Policy"] == "strict-origin"
    # Its name form goes to the claim page, not to the PDF's address.
    assert f'action="{claim_path}"' in response.text


def test_a_revoked_credential_has_no_certificate_here_either(
    client, credential, claim_path
) -> None:
    from microcred.web.credentials.revocation import revoke

    revoke(credential, actor=None, reason="")

    response = client.get(claim_path + "/certificate.pdf", HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 410
    assert "This credential was revoked" in response.text


def test_the_claim_page_offers_it(client, claim_path) -> None:
    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).text

    assert f'href="{claim_path}/certificate.pdf"' in page
    assert "Certificate with your name (PDF)" in page


def test_the_claim_page_of_a_revoked_credential_does_not(client, credential, claim_path):
    from microcred.web.credentials.revocation import revoke

    revoke(credential, actor=None, reason="")

    assert "/certificate.pdf" not in client.get(claim_path, HTTP_USER_AGENT=BROWSER).text


def test_the_sharing_panel_on_the_claim_page_offers_the_named_certificate(
    client, credential, claim_path
) -> None:
    client.post(claim_path, {"action": "accept"})

    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).content.decode()

    panel = page[page.index('class="card share-panel"') :]
    assert f'href="{claim_path}/certificate.pdf"' in panel
    assert f'href="/c/{credential.public_id}/certificate.pdf"' not in panel
