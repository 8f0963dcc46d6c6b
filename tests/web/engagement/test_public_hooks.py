"""The public credential page counts views and its download URLs count downloads, once each."""

from __future__ import annotations

import re

import pytest

from microcred.proofs.securing import ProofFormat
from microcred.web.engagement.models import Event
from tests.web.credentials.helpers import issue_sample
from tests.web.engagement.helpers import LINKEDIN, PERSON

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential(make_organization):
    return issue_sample(make_organization(), suspension=False)


def counted(credential, kind: str, *, bot: bool = False) -> list[str]:
    return list(
        Event.objects.filter(credential=credential, kind=kind, is_bot=bot).values_list(
            "channel", flat=True
        )
    )


def test_it_counts_a_page_view_once_per_visit(client, credential):
    client.get(f"/c/{credential.public_id}", HTTP_USER_AGENT=PERSON)
    client.get(f"/c/{credential.public_id}", HTTP_USER_AGENT=PERSON)

    assert counted(credential, "viewed") == ["", ""]


def test_a_link_preview_crawler_is_counted_apart(client, credential):
    client.get(f"/c/{credential.public_id}", HTTP_USER_AGENT=LINKEDIN)

    assert counted(credential, "viewed") == []
    assert counted(credential, "viewed", bot=True) == [""]


def test_a_head_request_counts_nothing(client, credential):
    client.head(f"/c/{credential.public_id}", HTTP_USER_AGENT=PERSON)
    client.head(f"/c/{credential.public_id}/badge.png", HTTP_USER_AGENT=PERSON)

    assert not Event.objects.exists()


def test_the_issuers_own_visits_do_not_count(client, credential):
    member = credential.organization.memberships.first().user
    client.force_login(member)

    client.get(f"/c/{credential.public_id}", HTTP_USER_AGENT=PERSON)
    client.get(f"/c/{credential.public_id}/badge.png", HTTP_USER_AGENT=PERSON)

    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("path", "channel"),
    [("badge.png", "png"), ("badge.svg", "svg"), ("credential.json", "json")],
)
def test_each_download_counts_once_with_its_format(client, credential, path, channel):
    response = client.get(f"/c/{credential.public_id}/{path}", HTTP_USER_AGENT=PERSON)

    assert response.status_code == 200
    assert counted(credential, "downloaded") == [channel]
    assert counted(credential, "viewed") == []


def test_the_jwt_download_counts_as_jwt(client, make_organization):
    credential = issue_sample(
        make_organization(), suspension=False, proof_format=ProofFormat.VC_JWT
    )

    client.get(f"/c/{credential.public_id}/credential.jwt", HTTP_USER_AGENT=PERSON)

    assert counted(credential, "downloaded") == ["jwt"]


def test_a_crawler_download_is_counted_apart(client, credential):
    client.get(f"/c/{credential.public_id}/badge.png", HTTP_USER_AGENT=LINKEDIN)

    assert counted(credential, "downloaded") == []
    assert counted(credential, "downloaded", bot=True) == ["png"]


def test_a_cache_check_answered_not_modified_counts_nothing(client, credential):
    first = client.get(f"/c/{credential.public_id}/badge.png", HTTP_USER_AGENT=PERSON)

    again = client.get(
        f"/c/{credential.public_id}/badge.png",
        HTTP_USER_AGENT=PERSON,
        HTTP_IF_NONE_MATCH=first["ETag"],
    )

    assert again.status_code == 304
    assert counted(credential, "downloaded") == ["png"]


def test_the_badge_image_on_the_public_page_is_not_a_download(client, credential):
    page = client.get(f"/c/{credential.public_id}", HTTP_USER_AGENT=PERSON).text
    source = re.search(r'<img class="badge-image" src="([^"]+)"', page).group(1)

    # As a browser loads an <img>: with Fetch Metadata, and (older browsers) without.
    shown = client.get(source, HTTP_USER_AGENT=PERSON, HTTP_SEC_FETCH_DEST="image")

    assert shown.status_code == 200 and shown["Content-Type"] == "image/png"
    assert counted(credential, "downloaded") == []
    assert counted(credential, "viewed") == [""]


def test_the_pages_own_image_address_never_counts(client, credential):
    response = client.get(f"/c/{credential.public_id}/image.png", HTTP_USER_AGENT=PERSON)

    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "Content-Disposition" not in response
    assert not Event.objects.exists()


def test_a_badge_embedded_on_another_website_is_not_a_download(client, credential):
    client.get(
        f"/c/{credential.public_id}/badge.png", HTTP_USER_AGENT=PERSON, HTTP_SEC_FETCH_DEST="image"
    )

    assert not Event.objects.exists()


@pytest.mark.parametrize("accept", ["application/ld+json", "image/png", "image/svg+xml"])
def test_content_negotiation_is_not_a_download(client, credential, accept):
    response = client.get(f"/c/{credential.public_id}", HTTP_USER_AGENT=PERSON, HTTP_ACCEPT=accept)

    assert response.status_code == 200
    assert not Event.objects.exists()
