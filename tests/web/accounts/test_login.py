"""Logging in with the e-mail address, logging out, and the brake on guessing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_it_logs_in_with_the_email_in_any_case(client, make_user) -> None:
    user = make_user("grace@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "Grace@Example.ORG", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("front:home")
    assert client.get(reverse("front:home")).context["user"] == user


def test_it_refuses_a_wrong_password_and_keeps_the_address(client, make_user) -> None:
    make_user("grace@example.org")
    response = client.post(
        reverse("accounts:login"), {"username": "grace@example.org", "password": "nope"}
    )
    assert response.status_code == 200
    assert "Please enter a correct" in response.text
    assert 'value="grace@example.org"' in response.text


def test_it_logs_out_on_post_only(client, make_user) -> None:
    client.force_login(make_user())
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert not client.get(reverse("front:home")).context["user"].is_authenticated


def test_it_stops_guessing_one_address_even_with_the_right_password(client, make_user) -> None:
    from microcred.web.accounts.views import LOGIN_PER_ADDRESS

    make_user("grace@example.org")
    for _ in range(LOGIN_PER_ADDRESS.limit):
        client.post(reverse("accounts:login"), {"username": "grace@example.org", "password": "x"})
    response = client.post(
        reverse("accounts:login"), {"username": "GRACE@example.org", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert not client.get(reverse("front:home")).context["user"].is_authenticated


def test_it_does_not_count_page_views_against_the_limit(client) -> None:
    for _ in range(60):
        assert client.get(reverse("accounts:login")).status_code == 200
