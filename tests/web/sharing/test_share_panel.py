"""{% share_panel credential %}: everything a holder needs to show their badge."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from microcred.web.credentials import revocation

pytestmark = pytest.mark.django_db


def render_panel(credential) -> str:
    request = RequestFactory().get("/claim/x")
    template = Template("{% load sharing %}{% share_panel credential %}")
    return template.render(
        Context({"credential": credential, "request": request, "csrf_token": "t0k"})
    )


def test_it_offers_linkedin_link_signature_embed_qr_and_downloads(credential) -> None:
    html = render_panel(credential)
    public_id = credential.public_id
    assert f"/c/{public_id}/share/linkedin_add" in html
    assert f"/c/{public_id}/share/linkedin_post" in html
    assert f'data-count="/c/{public_id}/share/link"' in html
    assert f'data-count="/c/{public_id}/share/signature"' in html
    assert f'data-count="/c/{public_id}/share/embed"' in html
    assert f"/c/{public_id}/qr.svg" in html
    assert f"/c/{public_id}/embed" in html
    assert f"/c/{public_id}/badge.png" in html  # the downloads list
    assert 'aria-live="polite"' in html
    assert 'data-csrf="t0k"' in html


def test_it_shows_the_linkedin_fields_to_copy_by_hand(credential) -> None:
    html = render_panel(credential)
    assert 'value="Datenanalyse mit Python"' in html
    assert 'value="Akademie Beispiel"' in html
    assert f'value="{credential.public_id}"' in html


def test_it_offers_nothing_to_share_for_a_revoked_credential(credential) -> None:
    revoked = revocation.revoke(credential, actor=None, reason="Fehler")
    html = render_panel(revoked)
    assert "linkedin" not in html.lower()
    assert "cannot be shared" in html


def test_the_code_fields_escape_the_html_once_more_for_the_textarea(make_organization) -> None:
    # A textarea decodes entities: the HTML inside must be escaped again, or the copied
    # code carries the names' quotes and brackets raw.
    from tests.web.credentials.helpers import issue_sample

    credential = issue_sample(make_organization('Akademie "X" <b>'), suspension=False)
    html = render_panel(credential)

    for field in ("share-signature-html", "share-embed-code", "share-embed-link"):
        inside = html.split(f'id="{field}"', 1)[1].split(">", 1)[1].split("</textarea>", 1)[0]
        assert inside.startswith("&lt;")
        assert "<" not in inside
    signature = html.split('id="share-signature-html"', 1)[1].split("</textarea>", 1)[0]
    assert "Akademie &amp;quot;X&amp;quot; &amp;lt;b&amp;gt;" in signature
