"""What the holder's sharing panel and the public page's share section show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from microcred.web.engagement.kinds import ShareChannel
from microcred.web.sharing import snippets
from microcred.web.sharing.facts import ShareFacts, can_share, certification, share_facts


@dataclass(frozen=True)
class Field:
    """One field of LinkedIn's certification form, to copy by hand."""

    key: str
    label: str | Promise
    value: str


@dataclass(frozen=True)
class Download:
    label: str | Promise
    url: str


def share_url(facts: ShareFacts, channel: str) -> str:
    return reverse("sharing:share", args=[facts.public_id, channel])


def linkedin_fields(credential: Any, facts: ShareFacts) -> list[Field]:
    cert = certification(credential, facts)
    fields = [
        Field("name", _("Name"), cert.name),
        Field("organization", _("Issuing organization"), cert.organization_name),
        Field("issued", _("Issue date"), formats.date_format(cert.issued, "YEAR_MONTH_FORMAT")),
    ]
    if cert.expires is not None:
        fields.append(
            Field(
                "expires",
                _("Expiration date"),
                formats.date_format(cert.expires, "YEAR_MONTH_FORMAT"),
            )
        )
    fields += [
        Field("id", _("Credential ID"), cert.credential_id),
        Field("url", _("Credential URL"), cert.url),
    ]
    return fields


def downloads(credential: Any, certificate_url: str | None = None) -> list[Download]:
    """``certificate_url``: the holder's own certificate (with their name) instead of the
    public one, which leaves the name out when the holder hid it."""
    public_id = credential.public_id
    found = [
        Download(
            _("Badge with the credential inside (PNG)"),
            reverse("credentials:png", args=[public_id]),
        ),
        Download(
            _("Badge with the credential inside (SVG)"),
            reverse("credentials:svg", args=[public_id]),
        ),
        Download(_("Credential (JSON)"), reverse("credentials:json", args=[public_id])),
    ]
    if credential.is_jwt:
        found.append(Download(_("Credential (JWT)"), reverse("credentials:jwt", args=[public_id])))
    found += [
        Download(
            _("Certificate (PDF)"),
            certificate_url or reverse("certificates:pdf", args=[public_id]),
        ),
        Download(_("Share picture (PNG, 1200 × 627)"), reverse("sharing:image", args=[public_id])),
        Download(_("QR code (SVG)"), reverse("sharing:qr", args=[public_id, "svg"])),
        Download(_("QR code (PNG)"), reverse("sharing:qr", args=[public_id, "png"])),
    ]
    return found


def panel_context(credential: Any, *, certificate_url: str | None = None) -> dict[str, Any]:
    """Everything the holder's panel shows; ``shareable`` is False for revoked credentials."""
    if not can_share(credential):
        return {"credential": credential, "shareable": False}
    facts = share_facts(credential)
    return {
        "credential": credential,
        "shareable": True,
        "facts": facts,
        "channels": {channel.name.lower(): share_url(facts, channel) for channel in ShareChannel},
        "linkedin_fields": linkedin_fields(credential, facts),
        "signature_html": snippets.signature_html(facts),
        "signature_text": snippets.signature_text(facts),
        "embed_code": snippets.embed_code(facts),
        "plain_link": snippets.plain_link(facts),
        "embed_url": reverse("sharing:embed", args=[facts.public_id]),
        "embed_width": snippets.EMBED_WIDTH,
        "embed_height": snippets.EMBED_HEIGHT,
        "qr_svg": reverse("sharing:qr", args=[facts.public_id, "svg"]),
        "downloads": downloads(credential, certificate_url),
    }


def visitor_context(credential: Any) -> dict[str, Any]:
    """The public page's share section: a LinkedIn post and the link, nothing personal."""
    if not can_share(credential):
        return {"credential": credential, "shareable": False}
    facts = share_facts(credential)
    return {
        "credential": credential,
        "shareable": True,
        "facts": facts,
        "linkedin_post": share_url(facts, ShareChannel.LINKEDIN_POST),
        "link_count": share_url(facts, ShareChannel.LINK),
    }
