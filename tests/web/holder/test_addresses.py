"""A person proves an address is theirs with a one-time link mailed through real SMTP."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from microcred.web.holder.models import HolderAddress

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/me/addresses/verify/\S+)")


def link_in(message) -> str:
    found = LINK.search(message.get_content())
    assert found is not None, message.get_content()
    return found.group(1)


def test_the_account_address_is_listed_unverified_at_first(login, make_user) -> None:
    client = login(make_user("ada@example.org"))

    page = client.get(reverse("holder:addresses"))

    assert page.status_code == 200
    assert "ada@example.org" in page.text
    assert "not confirmed yet" in page.text
    assert not HolderAddress.objects.get(email="ada@example.org").is_verified


def test_it_verifies_the_account_address_by_a_mailed_link(login, make_user, smtp_inbox):
    user = make_user("ada@example.org")
    client = login(user)
    client.get(reverse("holder:addresses"))
    address = HolderAddress.objects.get(user=user)

    sent = client.post(reverse("holder:addresses"), {"action": "send", "address": address.pk})

    assert sent.status_code == 302
    assert len(smtp_inbox.messages) == 1
    message = smtp_inbox.messages[0]
    assert message["X-Envelope-To"] == "ada@example.org"
    assert message["Subject"] == "Confirm your e-mail address for microcred"
    assert "ada@example.org" in message.get_content()
    link = link_in(message)
    address.refresh_from_db()
    assert link.rsplit("/", 1)[1] not in address.token_hash

    confirm = client.get(link)
    assert confirm.status_code == 200
    assert confirm["Referrer-Policy"] == "strict-origin"
    assert not HolderAddress.objects.get(pk=address.pk).is_verified  # a GET changes nothing

    done = client.post(link)
    assert done.status_code == 302
    assert done["Location"] == reverse("holder:badges")
    assert HolderAddress.objects.get(pk=address.pk).is_verified


def test_it_adds_another_address_and_verifies_it(login, make_user, smtp_inbox) -> None:
    user = make_user("ada@example.org")
    client = login(user)

    client.post(reverse("holder:addresses"), {"action": "add", "email": "Ada@Uni.Example"})

    assert smtp_inbox.messages[0]["X-Envelope-To"] == "ada@uni.example"
    client.post(link_in(smtp_inbox.messages[0]))
    assert HolderAddress.objects.get(user=user, email="ada@uni.example").is_verified


def test_a_link_works_only_once(login, make_user, smtp_inbox) -> None:
    client = login(make_user("ada@example.org"))
    client.post(reverse("holder:addresses"), {"action": "add", "email": "ada@uni.example"})
    link = link_in(smtp_inbox.messages[0])
    client.post(link)

    again = client.get(link)

    assert again.status_code == 404
    assert "This link does not work" in again.text


def test_an_expired_link_does_not_verify(login, make_user, smtp_inbox) -> None:
    client = login(make_user("ada@example.org"))
    client.post(reverse("holder:addresses"), {"action": "add", "email": "ada@uni.example"})
    HolderAddress.objects.filter(email="ada@uni.example").update(token_expires_at=timezone.now())

    assert client.post(link_in(smtp_inbox.messages[0])).status_code == 404
    assert not HolderAddress.objects.get(email="ada@uni.example").is_verified


def test_a_new_link_replaces_the_old_one(login, make_user, smtp_inbox) -> None:
    user = make_user("ada@example.org")
    client = login(user)
    client.post(reverse("holder:addresses"), {"action": "add", "email": "ada@uni.example"})
    address = HolderAddress.objects.get(email="ada@uni.example")
    client.post(reverse("holder:addresses"), {"action": "send", "address": address.pk})

    assert client.post(link_in(smtp_inbox.messages[0])).status_code == 404
    assert client.post(link_in(smtp_inbox.messages[1])).status_code == 302


def test_only_the_account_that_asked_can_use_the_link(client, make_user, smtp_inbox) -> None:
    """Someone who typed another person's address cannot get it verified by that person
    clicking the link: the link works only while logged in to the account that asked."""
    client.force_login(make_user("mallory@example.org"))
    client.post(reverse("holder:addresses"), {"action": "add", "email": "victim@example.org"})
    link = link_in(smtp_inbox.messages[0])
    client.logout()

    anonymous = client.post(link)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")

    client.force_login(make_user("victim@example.org"))
    assert client.post(link).status_code == 404
    assert not HolderAddress.objects.filter(verified_at__isnull=False).exists()


def test_whoever_proves_an_address_last_holds_it(client, make_user, smtp_inbox) -> None:
    first, second = make_user("first@example.org"), make_user("second@example.org")
    for number, user in enumerate((first, second)):
        client.force_login(user)
        client.post(reverse("holder:addresses"), {"action": "add", "email": "desk@firma.example"})
        client.post(link_in(smtp_inbox.messages[number]))

    holders = HolderAddress.objects.filter(email="desk@firma.example", verified_at__isnull=False)
    assert [row.user for row in holders] == [second]


def test_an_address_can_be_removed_but_not_the_account_address(login, make_user) -> None:
    user = make_user("ada@example.org")
    client = login(user)
    client.get(reverse("holder:addresses"))
    client.post(reverse("holder:addresses"), {"action": "add", "email": "old@example.org"})
    own = HolderAddress.objects.get(email="ada@example.org")
    old = HolderAddress.objects.get(email="old@example.org")

    client.post(reverse("holder:addresses"), {"action": "remove", "address": old.pk})
    client.post(reverse("holder:addresses"), {"action": "remove", "address": own.pk})

    assert list(HolderAddress.objects.filter(user=user).values_list("email", flat=True)) == [
        "ada@example.org"
    ]


def test_nobody_acts_on_someone_elses_address(login, make_user) -> None:
    theirs = HolderAddress.objects.create(user=make_user("them@example.org"), email="x@example.org")
    client = login(make_user("ada@example.org"))

    for action in ("send", "remove"):
        response = client.post(
            reverse("holder:addresses"), {"action": action, "address": theirs.pk}
        )
        assert response.status_code == 404
    assert HolderAddress.objects.filter(pk=theirs.pk).exists()


def test_verification_mails_are_rate_limited(login, make_user, smtp_inbox) -> None:
    from microcred.web.holder.account_views import VERIFICATION_MAILS

    client = login(make_user("ada@example.org"))
    for number in range(VERIFICATION_MAILS.limit):
        client.post(reverse("holder:addresses"), {"action": "add", "email": f"a{number}@x.example"})

    blocked = client.post(reverse("holder:addresses"), {"action": "add", "email": "z@x.example"})

    assert blocked.status_code == 429
    assert len(smtp_inbox.messages) == VERIFICATION_MAILS.limit


def test_a_bad_address_is_an_error_on_the_form(login, make_user) -> None:
    client = login(make_user("ada@example.org"))

    page = client.post(reverse("holder:addresses"), {"action": "add", "email": "not an address"})

    assert page.status_code == 200
    assert "Enter a valid email address." in page.text


def test_the_mail_comes_in_german_for_a_german_page(login, make_user, smtp_inbox) -> None:
    client = login(make_user("ada@example.org"))
    client.post(reverse("set_language"), {"language": "de"})

    client.post(reverse("holder:addresses"), {"action": "add", "email": "ada@uni.example"})

    message = smtp_inbox.messages[0]
    assert message["Subject"] == "Bestätigen Sie Ihre E-Mail-Adresse für microcred"
    assert "Der Link gilt 2 Tage lang und nur einmal." in message.get_content()


def test_the_pages_need_a_login(client) -> None:
    for name in ("holder:addresses", "holder:badges"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
