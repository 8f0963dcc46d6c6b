"""Password reset by e-mail, delivered through a real SMTP server (aiosmtpd) on this machine."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        message = message_from_bytes(
            envelope.original_content or envelope.content, policy=policy.default
        )
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings) -> Iterator[Inbox]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {
                    "host": "127.0.0.1",
                    "port": controller.server.sockets[0].getsockname()[1],
                    "timeout": 10,
                },
            }
        }
        yield inbox
    finally:
        controller.stop()


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
