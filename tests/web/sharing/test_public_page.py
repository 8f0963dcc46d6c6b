"""The public page: Open Graph tags for link previews, a share section, the holder's privacy."""

from __future__ import annotations

import re
from html import unescape

import pytest

from microcred.web.credentials import revocation
from microcred.web.credentials.addresses import public_url
from microcred.web.holder.claims import new_claim_link
from microcred.web.holder.models import ClaimLink
from tests.web.sharing.helpers import PERSON

pytestmark = pytest.mark.django_db


def page(client, credential, language: str = "en") -> str:
    response = client.get(
        f"/c/{credential.public_id}",
        headers={"accept": "text/html", "user-agent": PERSON, "accept-language": language},
    )
    assert response.status_code == 200
    return response.text


def meta(html: str) -> dict[str, str]:
    found = re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html)
    return {key: unescape(value) for key, value in found}


def hide_name(credential) -> None:
    new_claim_link(credential)
    ClaimLink.objects.filter(credential=credential).update(show_name=False)


def test_it_carries_open_graph_and_twitter_tags_with_absolute_urls(client, credential) -> None:
    tags = meta(page(client, credential))
    url = public_url(credential.public_id)

    assert tags["og:title"] == "Datenanalyse mit Python · Akademie Beispiel"
    assert "Erika Mustermann" in tags["og:description"]
    assert tags["og:type"] == "website"
    assert tags["og:url"] == url
    assert tags["og:image"] == f"{url}/share.png?lang=en"
    assert tags["og:image"].startswith(("http://", "https://"))
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "627")
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:image"] == tags["og:image"]


def test_the_share_picture_follows_the_page_language(client, credential) -> None:
    tags = meta(page(client, credential, "de"))

    assert tags["og:image"].endswith("/share.png?lang=de")
    assert tags["og:locale"] == "de_DE"
    assert "überprüfbarer digitaler Nachweis" in tags["og:description"]


def test_visitors_can_post_it_on_linkedin_and_copy_the_link(client, credential) -> None:
    html = page(client, credential)

    assert f'href="/c/{credential.public_id}/share/linkedin_post"' in html
    assert f'data-count="/c/{credential.public_id}/share/link"' in html
    assert "sharing/sharing.js" in html


def test_it_hides_the_recipients_name_everywhere_when_the_holder_chose_so(
    client, credential
) -> None:
    hide_name(credential)
    html = page(client, credential)

    assert "Erika Mustermann" not in html
    assert "Awarded to" not in html
    assert "Erika" not in meta(html)["og:description"]


def test_a_revoked_credential_is_not_offered_for_sharing(client, credential) -> None:
    revocation.revoke(credential, actor=None, reason="Fehler")
    html = page(client, credential)

    assert "/share/linkedin_post" not in html
    assert "share/link" not in html


def withdrawn(credential, how: str):
    if how == "revoked":
        return revocation.revoke(credential, actor=None, reason="Fehler")
    return revocation.suspend(credential, actor=None)


@pytest.mark.parametrize(
    ("how", "english", "german"),
    [
        ("revoked", "has been revoked", "widerrufen"),
        ("suspended", "suspended", "ausgesetzt"),
    ],
)
def test_a_withdrawn_credential_is_not_previewed_as_earned(
    client, make_organization, how, english, german
) -> None:
    from tests.web.credentials.helpers import issue_sample

    credential = withdrawn(issue_sample(make_organization()), how)

    for language, says in (("en", english), ("de", german)):
        tags = meta(page(client, credential, language))
        assert tags["og:title"] == "Datenanalyse mit Python · Akademie Beispiel"
        assert tags["og:url"] == public_url(credential.public_id)
        for key in ("description", "og:description", "twitter:description"):
            assert says in tags[key]
            assert "Erika" not in tags[key]
            assert "earned" not in tags[key] and "erworben" not in tags[key]
        assert "og:image" not in tags and "twitter:image" not in tags
        assert tags["twitter:card"] == "summary"


@pytest.mark.parametrize("how", ["revoked", "suspended"])
@pytest.mark.parametrize("picture", ["share.png?lang=en", "signature.png"])
def test_a_withdrawn_credential_has_no_share_or_signature_picture(
    client, make_organization, how, picture
) -> None:
    from tests.web.credentials.helpers import issue_sample

    credential = issue_sample(make_organization())
    assert client.get(f"/c/{credential.public_id}/{picture}").status_code == 200
    withdrawn(credential, how)

    response = client.get(f"/c/{credential.public_id}/{picture}")

    assert response.status_code == 404
