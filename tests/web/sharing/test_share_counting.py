"""/c/<id>/share/<channel>: each click counts once, robots and floods do not."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.cache import cache
from django.test import Client

from microcred.web.credentials import revocation
from microcred.web.credentials.addresses import public_url
from microcred.web.engagement.models import Event
from microcred.web.sharing.models import SharingSettings
from microcred.web.sharing.views import SHARE_LIMIT
from tests.web.sharing.helpers import LINKEDIN_BOT, PERSON

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits() -> None:
    cache.clear()


def shares(credential, **filters) -> list[tuple[str, bool]]:
    found = Event.objects.filter(credential=credential, kind="shared", **filters)
    return sorted(found.values_list("channel", "is_bot"))


def test_the_linkedin_add_button_counts_once_and_goes_to_linkedin(client, credential) -> None:
    response = client.get(
        f"/c/{credential.public_id}/share/linkedin_add", headers={"user-agent": PERSON}
    )

    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert (target.netloc, target.path) == ("www.linkedin.com", "/profile/add")
    query = dict(parse_qsl(target.query))
    assert query["name"] == "Datenanalyse mit Python"
    assert query["organizationName"] == "Akademie Beispiel"
    assert query["certUrl"] == public_url(credential.public_id)
    assert query["certId"] == str(credential.public_id)
    assert response["Cache-Control"] == "no-store"
    assert shares(credential) == [("linkedin_add", False)]


def test_the_add_link_uses_the_organization_id_once_it_is_set(client, credential) -> None:
    SharingSettings.objects.create(
        organization=credential.organization, linkedin_organization_id="4711"
    )
    response = client.get(
        f"/c/{credential.public_id}/share/linkedin_add", headers={"user-agent": PERSON}
    )

    query = dict(parse_qsl(urlsplit(response["Location"]).query))
    assert query["organizationId"] == "4711"
    assert "organizationName" not in query


def test_the_post_button_counts_and_goes_to_the_share_dialog(client, credential) -> None:
    response = client.get(
        f"/c/{credential.public_id}/share/linkedin_post", headers={"user-agent": PERSON}
    )

    assert response["Location"] == (
        "https://www.linkedin.com/sharing/share-offsite/?url="
        + public_url(credential.public_id).replace(":", "%3A").replace("/", "%2F")
    )
    assert shares(credential) == [("linkedin_post", False)]


def test_two_clicks_count_twice(client, credential) -> None:
    for _ in range(2):
        client.get(f"/c/{credential.public_id}/share/linkedin_post", headers={"user-agent": PERSON})

    assert shares(credential) == [("linkedin_post", False), ("linkedin_post", False)]


@pytest.mark.parametrize("agent", [LINKEDIN_BOT, "Slackbot-LinkExpanding 1.0", ""])
def test_link_preview_robots_are_not_counted_as_people(client, credential, agent) -> None:
    response = client.get(
        f"/c/{credential.public_id}/share/linkedin_post", headers={"user-agent": agent}
    )

    assert response.status_code == 302
    assert shares(credential, is_bot=False) == []


def test_a_head_request_is_not_a_click(client, credential) -> None:
    response = client.head(
        f"/c/{credential.public_id}/share/linkedin_post", headers={"user-agent": PERSON}
    )

    assert response.status_code == 405
    assert shares(credential) == []


@pytest.mark.parametrize("channel", ["link", "signature", "embed"])
def test_copy_buttons_count_with_a_post(client, credential, channel) -> None:
    response = client.post(
        f"/c/{credential.public_id}/share/{channel}", headers={"user-agent": PERSON}
    )

    assert response.status_code == 204
    assert shares(credential) == [(channel, False)]


def test_copy_counts_need_the_csrf_token(credential) -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(f"/c/{credential.public_id}/share/link", headers={"user-agent": PERSON})

    assert response.status_code == 403
    assert shares(credential) == []


def test_copy_channels_are_not_counted_by_a_get(client, credential) -> None:
    response = client.get(f"/c/{credential.public_id}/share/link", headers={"user-agent": PERSON})

    assert response.status_code == 405
    assert shares(credential) == []


def test_an_unknown_channel_is_not_found(client, credential) -> None:
    response = client.post(
        f"/c/{credential.public_id}/share/myspace", headers={"user-agent": PERSON}
    )

    assert response.status_code == 404


def test_a_revoked_credential_cannot_be_shared(client, credential) -> None:
    revocation.revoke(credential, actor=None, reason="Fehler")

    response = client.get(
        f"/c/{credential.public_id}/share/linkedin_add", headers={"user-agent": PERSON}
    )

    assert response.status_code == 404
    assert shares(credential) == []


def test_a_flood_of_counts_is_cut_off(client, credential) -> None:
    url = f"/c/{credential.public_id}/share/link"
    answers = [
        client.post(url, headers={"user-agent": PERSON}).status_code
        for _ in range(SHARE_LIMIT.limit + 3)
    ]

    assert answers.count(204) == SHARE_LIMIT.limit
    assert answers[-1] == 429
    assert len(shares(credential)) == SHARE_LIMIT.limit


def test_over_the_limit_linkedin_still_opens_but_is_not_counted(client, credential) -> None:
    url = f"/c/{credential.public_id}/share/linkedin_post"
    answers = [
        client.get(url, headers={"user-agent": PERSON}).status_code
        for _ in range(SHARE_LIMIT.limit + 2)
    ]

    assert set(answers) == {302}
    assert len(shares(credential)) == SHARE_LIMIT.limit


@pytest.mark.parametrize("destination", ["image", "iframe", "script", "style"])
def test_a_share_link_loaded_by_another_page_is_not_a_click(
    client, credential, destination
) -> None:
    # <img src=".../share/linkedin_add"> on any site would otherwise count every visitor.
    response = client.get(
        f"/c/{credential.public_id}/share/linkedin_add",
        headers={"user-agent": PERSON, "sec-fetch-dest": destination},
    )

    assert response.status_code == 302
    assert shares(credential) == []


@pytest.mark.parametrize("destination", ["document", ""])
def test_a_click_that_opens_linkedin_counts(client, credential, destination) -> None:
    headers = {"user-agent": PERSON}
    if destination:
        headers["sec-fetch-dest"] = destination
    client.get(f"/c/{credential.public_id}/share/linkedin_add", headers=headers)

    assert shares(credential) == [("linkedin_add", False)]


def test_a_copy_button_counts_from_fetch(client, credential) -> None:
    client.post(
        f"/c/{credential.public_id}/share/link",
        headers={"user-agent": PERSON, "sec-fetch-dest": "empty"},
    )

    assert shares(credential) == [("link", False)]


def test_members_of_the_issuing_organization_are_not_counted(
    client, credential, make_user, add_member
) -> None:
    member = make_user()
    add_member(credential.organization, member, "viewer")
    client.force_login(member)

    clicked = client.get(
        f"/c/{credential.public_id}/share/linkedin_post", headers={"user-agent": PERSON}
    )
    copied = client.post(f"/c/{credential.public_id}/share/link", headers={"user-agent": PERSON})

    assert (clicked.status_code, copied.status_code) == (302, 204)
    assert shares(credential) == []


def test_members_of_another_organization_are_counted(
    client, credential, make_organization, make_user, add_member
) -> None:
    outsider = make_user()
    add_member(make_organization("Andere Akademie"), outsider, "owner")
    client.force_login(outsider)

    client.post(f"/c/{credential.public_id}/share/link", headers={"user-agent": PERSON})

    assert shares(credential) == [("link", False)]
