"""The credential's pictures for sharing: the Open Graph card and a small signature badge."""

from __future__ import annotations

import io
from typing import Final

from django.utils import formats
from django.utils.translation import gettext as _
from PIL import Image

from microcred.web.credentials.art import badge_art
from microcred.web.credentials.documents import credential_json
from microcred.web.sharing.facts import ShareFacts
from microcred.web.sharing.image import ShareCard, render_share_image

# Twice the size it is shown at in a signature, for sharp high-density screens.
THUMBNAIL: Final = 128


def badge_png(credential: object) -> bytes:
    return badge_art(credential_json(credential)).png  # type: ignore[arg-type]


def share_card(facts: ShareFacts) -> ShareCard:
    """The card's words in the active language."""
    recipient = (
        _("Awarded to %(name)s") % {"name": facts.recipient_name} if facts.recipient_name else ""
    )
    return ShareCard(
        achievement_name=facts.achievement_name,
        issuer_line=facts.issuer_name,
        recipient_line=recipient,
        date_line=_("Issued on %(date)s")
        % {"date": formats.date_format(facts.issued, "DATE_FORMAT")},
        footer=_("Verifiable digital credential · Open Badges 3.0"),
    )


def share_card_png(credential: object, facts: ShareFacts) -> bytes:
    return render_share_image(share_card(facts), badge_png(credential))


def badge_thumbnail(credential: object) -> bytes:
    with Image.open(io.BytesIO(badge_png(credential))) as opened:
        badge = opened.convert("RGBA")
    badge.thumbnail((THUMBNAIL, THUMBNAIL), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    badge.save(out, "PNG", optimize=True)
    return out.getvalue()
