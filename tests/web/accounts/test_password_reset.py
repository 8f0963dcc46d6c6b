"""Password reset by e-mail, delivered through a real SMTP server (aiosmtpd) on this machine."""

from __future__ import annotations

import re
from email.message import EmailMessage

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def body_of(message: EmailMessage) -> str:
    return message.get_content()


def test_it_mails_a_working_reset_link_through_smtp(client, make_user, smtp_inbox) -> None:
    user = make_user("ada@example.org")
    response = client.post(reverse("accounts:password_reset"), {"email": "ADA@example.org"})
    assert response.status_code == 302
    assert len(smtp_inbox.messages) == 1
    message = smtp_inbox.messages[0]
    assert message["X-Envelope-To"] == "ada@example.org"
    assert message["Subject"] == "Choose a new microcred password"
    link = re.search(r"http://testserver(/accounts/reset/\S+)", body_of(message))
    assert link is not None

    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    new_password = "a brand new passphrase 42"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new_password)
    assert user.password.startswith("argon2$")


def test_it_writes_the_email_in_the_language_of_the_request(client, make_user, smtp_inbox) -> None:
    make_user("ada@example.org")
    client.post(
        reverse("accounts:password_reset"), {"email": "ada@example.org"}, HTTP_ACCEPT_LANGUAGE="de"
    )
    message = smtp_inbox.messages[0]
    assert message["Subject"] == "Neues microcred-Passwort wählen"
    assert "Passwort" in body_of(message)


def test_it_says_the_same_for_unknown_addresses_and_sends_nothing(client, smtp_inbox) -> None:
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert smtp_inbox.messages == []
