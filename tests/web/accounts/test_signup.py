"""Signing up: an account per e-mail address, argon2 hashes, clear errors that keep the input."""

from __future__ import annotations

import pytest
from django.urls import reverse

from microcred.web.accounts.models import User

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Ada Lovelace",
    "email": "Ada@Example.org",
    "password1": "analytical engine 1843",
    "password2": "analytical engine 1843",
}


def test_it_creates_an_account_logs_in_and_asks_for_an_organization(client) -> None:
    response = client.post(reverse("accounts:signup"), GOOD)
    assert response.status_code == 302
    assert response["Location"] == reverse("organizations:create")
    user = User.objects.get()
    assert user.email == "ada@example.org"
    assert user.name == "Ada Lovelace"
    assert user.password.startswith("argon2$")
    assert client.get(reverse("front:home")).context["user"] == user


def test_it_refuses_an_address_that_has_an_account_whatever_the_case(client, make_user) -> None:
    make_user("ada@example.org")
    response = client.post(reverse("accounts:signup"), GOOD)
    assert response.status_code == 200
    assert "There is already an account for this address" in response.text
    assert 'value="Ada Lovelace"' in response.text
    assert User.objects.count() == 1


def test_it_explains_weak_and_mismatched_passwords_and_keeps_the_input(client) -> None:
    weak = client.post(reverse("accounts:signup"), {**GOOD, "password1": "123", "password2": "123"})
    assert "This password is too short" in weak.text
    assert 'value="Ada@Example.org"' in weak.text or 'value="ada@example.org"' in weak.text
    mismatch = client.post(reverse("accounts:signup"), {**GOOD, "password2": "something else 99"})
    assert "The two password fields" in mismatch.text
    assert User.objects.count() == 0


def test_it_asks_for_a_valid_email_address(client) -> None:
    response = client.post(reverse("accounts:signup"), {**GOOD, "email": "not-an-address"})
    assert "Enter a valid email address." in response.text
    assert 'value="not-an-address"' in response.text


def test_it_follows_a_local_next_link_but_not_a_foreign_one(client) -> None:
    local = client.post(reverse("accounts:signup"), {**GOOD, "next": "/invitations/abc/"})
    assert local["Location"] == "/invitations/abc/"
    client.logout()
    other = {**GOOD, "email": "grace@example.org", "next": "https://evil.example/"}
    foreign = client.post(reverse("accounts:signup"), other)
    assert foreign["Location"] == reverse("organizations:create")


def test_it_rate_limits_sign_ups_from_one_address(client) -> None:
    from microcred.web.accounts.views import SIGNUP_PER_CLIENT

    for _ in range(SIGNUP_PER_CLIENT.limit):
        client.post(reverse("accounts:signup"), {"email": "bad"})
    response = client.post(reverse("accounts:signup"), GOOD)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many attempts" in response.text
    assert User.objects.count() == 0
