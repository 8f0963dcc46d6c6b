"""The e-mail that brings a credential to its recipient: plain text, HTML and the badge inline.

Structure: multipart/alternative with text/plain and multipart/related (text/html plus the
badge PNG, referenced by its Content-ID). Nothing is loaded from the web when it is read:
no remote images, no tracking pixel; the links are the personal claim link and the public
page, both on this instance.
"""

from __future__ import annotations

import email.policy
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage as MIMEMessage
from email.utils import make_msgid, parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from microcred.web.config import host_name
from microcred.web.credentials.addresses import public_url
from microcred.web.credentials.art import badge_art
from microcred.web.credentials.documents import credential_json

TEMPLATE = "delivery/email/credential"
INSTANCE_NAME = "microcred"


@dataclass(frozen=True)
class InlineImage:
    cid: str  # without angle brackets, as the HTML's "cid:" URL uses it
    data: bytes
    filename: str


class RelatedEmail(EmailMultiAlternatives):
    """An HTML alternative with images beside it in a multipart/related part."""

    def __init__(self, *args: Any, inline: list[InlineImage] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.inline = list(inline or [])

    def message(self, *, policy: email.policy.Policy = email.policy.default) -> MIMEMessage:
        message = super().message(policy=policy)
        html = message.get_body(preferencelist=("html",))
        if html is None:
            raise ValueError("inline images need an HTML alternative")
        for image in self.inline:
            html.add_related(
                image.data,
                maintype="image",
                subtype="png",
                cid=f"<{image.cid}>",
                disposition="inline",
                filename=image.filename,
            )
        return message


def sender(organization_name: str) -> str:
    """``"<organization> via microcred" <the instance's From address>``, encoded when sent."""
    instance_name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    name = " ".join(f"{organization_name} via {instance_name or INSTANCE_NAME}".split())
    return str(Address(display_name=name, addr_spec=address))


def instance_domain() -> str:
    return host_name(settings.MICROCRED_HOST).strip("[]")


def compose(delivery: Any, claim_url: str, claim_expires_at: Any) -> RelatedEmail:
    credential = delivery.credential
    organization = credential.organization
    document = credential_json(credential)
    achievement = _achievement(document)
    image = InlineImage(
        cid=make_msgid(idstring="badge", domain=instance_domain())[1:-1],
        data=badge_art(document).png,
        filename="badge.png",
    )
    context = {
        "recipient_name": credential.recipient_name,
        "recipient_email": delivery.to_address,
        "achievement_name": achievement.get("name") or credential.name,
        "achievement_description": achievement.get("description") or "",
        "issuer_name": organization.name,
        "issuer_url": organization.url,
        "issuer_email": organization.email,
        "claim_url": claim_url,
        "claim_expires_at": claim_expires_at,
        "public_url": public_url(credential.public_id),
        "image_cid": image.cid,
        "language": delivery.language,
    }
    with translation.override(delivery.language):
        subject = " ".join(render_to_string(f"{TEMPLATE}_subject.txt", context).split())
        text = render_to_string(f"{TEMPLATE}.txt", context)
        html = render_to_string(f"{TEMPLATE}.html", context)
    message = RelatedEmail(
        subject=subject,
        body=text,
        to=[delivery.to_address],
        from_email=sender(organization.name),
        reply_to=[organization.email] if organization.email else None,
        headers={
            "Message-ID": make_msgid(idstring="credential", domain=instance_domain()),
            # RFC 3834: no vacation replies or other automatic answers to this.
            "Auto-Submitted": "auto-generated",
            "X-Auto-Response-Suppress": "All",
            "Content-Language": delivery.language,
        },
        inline=[image],
    )
    message.attach_alternative(html, "text/html")
    return message


def _achievement(document: dict[str, Any]) -> dict[str, Any]:
    subject = document.get("credentialSubject")
    if isinstance(subject, list):
        subject = subject[0] if subject else {}
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    return achievement if isinstance(achievement, dict) else {}
