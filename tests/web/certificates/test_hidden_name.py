"""A holder who hides their name from the public page is not named by the public certificate."""

from __future__ import annotations

import pytest

from microcred.web.holder.claims import new_claim_link
from microcred.web.holder.models import ClaimLink
from tests.web.certificates.conftest import LONG_NAME, read_pdf

pytestmark = pytest.mark.django_db


def public_pdf(client, credential, **headers):
    return client.get(f"/c/{credential.public_id}/certificate.pdf", headers=headers)


def personal_pdf(client, credential):
    token = new_claim_link(credential).rsplit("/", 1)[1]
    return client.get(f"/claim/{token}/certificate.pdf")


def hide_name(credential) -> None:
    new_claim_link(credential)
    ClaimLink.objects.filter(credential=credential).update(show_name=False)


def test_the_public_certificate_leaves_a_hidden_name_out(client, credential) -> None:
    hide_name(credential)

    response = public_pdf(client, credential)

    assert response.status_code == 200
    text = read_pdf(response.content).text
    assert LONG_NAME not in text
    assert "Müller" not in text
    assert "Die Inhaberin oder der Inhaber dieses Nachweises hat erworben" in text
    assert "Datenanalyse mit Python" in text


def test_it_names_the_holder_while_they_let_the_page_show_the_name(client, credential) -> None:
    new_claim_link(credential)

    assert LONG_NAME in read_pdf(public_pdf(client, credential).content).text


def test_the_named_certificate_never_reaches_the_public_address(client, credential) -> None:
    hide_name(credential)
    named = personal_pdf(client, credential)  # rendered and cached first
    assert LONG_NAME in read_pdf(named.content).text

    public = public_pdf(client, credential)

    assert public["ETag"] != named["ETag"]
    assert LONG_NAME not in read_pdf(public.content).text
    # A browser holding the named one does not get a 304 for the public address either.
    again = public_pdf(client, credential, if_none_match=named["ETag"])
    assert again.status_code == 200
    assert LONG_NAME not in read_pdf(again.content).text


def test_changing_the_choice_changes_the_etag(client, credential) -> None:
    new_claim_link(credential)
    shown = public_pdf(client, credential)
    ClaimLink.objects.filter(credential=credential).update(show_name=False)

    hidden = public_pdf(client, credential, if_none_match=shown["ETag"])

    assert hidden.status_code == 200
    assert hidden["ETag"] != shown["ETag"]
    assert LONG_NAME not in read_pdf(hidden.content).text
