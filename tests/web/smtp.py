"""A real SMTP server (aiosmtpd) on this machine that keeps what it receives, for every e-mail test.

Addresses in ``refuse`` are rejected at RCPT TO with 550, the way a recipient's mail server
answers for a mailbox that does not exist; addresses in ``defer`` get 451 (greylisting).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse: set[str] = set()
        self.defer: set[str] = set()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address.lower() in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if address.lower() in self.defer:
            return "451 4.7.1 Greylisted, please try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(
            envelope.original_content or envelope.content, policy=policy.default
        )
        message["X-Envelope-From"] = envelope.mail_from
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"


def free_port() -> int:
    """A port nobody listens on (right after this returns)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def smtp_mailer(port: int) -> dict[str, Any]:
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
        }
    }


@contextmanager
def serving(settings: Any) -> Iterator[Inbox]:
    """A running SMTP server on a free port, with Django's mailer pointed at it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        settings.MAILERS = smtp_mailer(controller.server.sockets[0].getsockname()[1])
        yield inbox
    finally:
        controller.stop()
