"""Certificate downloads count by the engagement rules every other download follows."""

from __future__ import annotations

import pytest

from microcred.web.engagement.models import Event

pytestmark = pytest.mark.django_db


def pdf_downloads(credential) -> int:
    return Event.objects.filter(credential=credential, kind="downloaded", channel="pdf").count()


def address(credential) -> str:
    return f"/c/{credential.public_id}/certificate.pdf"


def test_a_visitor_download_counts(client, credential) -> None:
    assert client.get(address(credential)).status_code == 200

    assert pdf_downloads(credential) == 1


def test_members_of_the_issuing_organization_are_not_counted(
    client, credential, organization, make_user, add_member
) -> None:
    member = make_user("viewer@akademie.example")
    add_member(organization, member, "viewer")
    client.force_login(member)

    assert client.get(address(credential)).status_code == 200

    assert pdf_downloads(credential) == 0


def test_members_of_another_organization_are_counted(
    client, credential, make_organization, make_user, add_member
) -> None:
    outsider = make_user("someone@elsewhere.example")
    add_member(make_organization("Andere Akademie"), outsider, "owner")
    client.force_login(outsider)

    client.get(address(credential))

    assert pdf_downloads(credential) == 1


def test_an_image_request_is_not_counted(client, credential) -> None:
    client.get(address(credential), headers={"sec-fetch-dest": "image"})

    assert pdf_downloads(credential) == 0


def test_a_head_request_is_not_counted(client, credential) -> None:
    assert client.head(address(credential)).status_code == 200

    assert pdf_downloads(credential) == 0


def test_the_holders_named_copy_counts_like_the_public_one(client, credential) -> None:
    from microcred.web.holder.claims import new_claim_link

    token = new_claim_link(credential).rsplit("/", 1)[1]

    assert client.get(f"/claim/{token}/certificate.pdf").status_code == 200

    assert pdf_downloads(credential) == 1
