"""Reading what the SMTP server received."""

from __future__ import annotations

import re
from email.message import EmailMessage

from django.utils import timezone

LINK = re.compile(r"http://testserver/claim/[A-Za-z0-9_\-]+")


def form_data(**changes: str) -> dict[str, str]:
    data = {
        "recipient_name": "Jürgen Müller-Lüdenscheidt",
        "recipient_email": "juergen@example.org",
        "issue_date": timezone.localdate().isoformat(),
        "send_email": "on",
        "issue": "1",
    }
    data.update(changes)
    return data


def issue_url(organization: object, badge: object) -> str:
    return f"/o/{organization.slug}/achievements/{badge.public_id}/issue/"  # type: ignore[attr-defined]


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return part.get_content()


def html_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("html",))
    assert part is not None
    return part.get_content()


def claim_token(message: EmailMessage) -> str:
    links = set(LINK.findall(text_of(message))) | set(LINK.findall(html_of(message)))
    assert len(links) == 1, links
    return links.pop().rsplit("/", 1)[1]
