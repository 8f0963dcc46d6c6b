"""/c/<id>/embed: the one page other sites may frame; every other page stays unframeable."""

from __future__ import annotations

import pytest

from microcred.web.credentials import revocation
from microcred.web.credentials.addresses import public_url
from microcred.web.sharing.facts import share_facts
from microcred.web.sharing.snippets import embed_code, plain_link, signature_html, signature_text

pytestmark = pytest.mark.django_db


def test_the_embed_may_be_framed_by_any_site(client, credential) -> None:
    response = client.get(f"/c/{credential.public_id}/embed")

    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy
    assert "script-src 'self'" in policy and "default-src 'self'" in policy


def test_other_pages_still_may_not_be_framed(client, credential) -> None:
    response = client.get(f"/c/{credential.public_id}", headers={"accept": "text/html"})

    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_card_links_to_the_public_page_in_the_top_window(client, credential) -> None:
    html = client.get(f"/c/{credential.public_id}/embed").text

    assert f'href="{public_url(credential.public_id)}" target="_top"' in html
    assert "Datenanalyse mit Python" in html
    assert "Issued by Akademie Beispiel" in html
    assert "Verified" in html


def test_the_card_says_when_a_credential_was_revoked(client, credential) -> None:
    revocation.revoke(credential, actor=None, reason="Fehler")

    html = client.get(f"/c/{credential.public_id}/embed").text

    assert "Revoked" in html and "Verified" not in html


def test_embed_code_frames_the_card_and_the_fallback_is_a_plain_link(credential) -> None:
    facts = share_facts(credential)

    assert embed_code(facts).startswith(f'<iframe src="{public_url(credential.public_id)}/embed"')
    assert plain_link(facts) == (
        f'<a href="{facts.page_url}">Datenanalyse mit Python – Akademie Beispiel</a>'
    )


def test_the_signature_links_a_sized_badge_and_names_it(credential) -> None:
    facts = share_facts(credential)
    html = signature_html(facts)

    assert f'<a href="{facts.page_url}"><img src="{facts.page_url}/signature.png"' in html
    assert 'width="64" height="64"' in html
    assert "Datenanalyse mit Python" in html
    assert signature_text(facts) == (
        f"Datenanalyse mit Python – Akademie Beispiel\nVerify: {facts.page_url}"
    )


def test_names_in_snippets_are_escaped(make_organization) -> None:
    from tests.web.credentials.helpers import issue_sample

    credential = issue_sample(make_organization('Schmidt & "Partner" <GmbH>'), suspension=False)

    assert "&amp; &quot;Partner&quot; &lt;GmbH&gt;" in signature_html(share_facts(credential))


def test_the_signature_badge_is_small_and_cacheable(client, credential) -> None:
    response = client.get(f"/c/{credential.public_id}/signature.png")

    assert response["Content-Type"] == "image/png"
    assert response["ETag"]
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
