"""Every VC API call needs an organization's token; no cookie, no CSRF token needed."""

from __future__ import annotations

import pytest
from django.test import Client

from microcred.web.vcapi.models import ApiToken
from microcred.web.vcapi.tokens import revoke_token

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/credentials/issue", "/credentials/verify", "/credentials/status"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_without_a_token_it_is_401_with_a_problem_body(call, path: str) -> None:
    response = call(path, {})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["title"] == "Unauthorized"


@pytest.mark.parametrize(
    "header",
    [
        "Bearer mcat_wrong",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "mcat_no_scheme",
        "Bearer " + "x" * 5000,
    ],
)
def test_wrong_tokens_are_401(client, token, header: str) -> None:
    response = client.post(
        "/credentials/verify",
        data="{}",
        content_type="application/json",
        headers={"authorization": header},
    )
    assert response.status_code == 401


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_revoked_token_stops_working(call, token, path: str) -> None:
    revoke_token(ApiToken.objects.get(), actor=None)
    assert call(path, {}, token=token).status_code == 401


def test_a_logged_in_session_is_not_enough(client, organization, call) -> None:
    client.force_login(organization.memberships.get().user)
    assert call("/credentials/issue", {"credential": {}}).status_code == 401


def test_the_api_needs_no_csrf_token_but_still_the_bearer(token) -> None:
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/credentials/verify",
        data='{"verifiableCredential": {}}',
        content_type="application/json",
        headers={"authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400  # reached the endpoint: CSRF did not stop it
    assert (
        strict.post("/credentials/verify", data="{}", content_type="application/json").status_code
        == 401
    )


def test_using_a_token_records_when(call, token) -> None:
    assert ApiToken.objects.get().last_used_at is None
    call("/credentials/verify", {}, token=token)
    assert ApiToken.objects.get().last_used_at is not None


def test_the_token_is_kept_only_as_a_hash(token) -> None:
    stored = ApiToken.objects.get()
    assert token not in (stored.token_hash, stored.prefix)
    assert token.startswith(stored.prefix) and len(stored.prefix) < 15
