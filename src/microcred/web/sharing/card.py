"""The credential's pictures for sharing: the Open Graph card and a small signature badge."""

from __future__ import annotations

import hashlib
import io
from dataclasses import astuple
from typing import Final

from django.utils import formats
from django.utils.translation import gettext as _
from PIL import Image

from microcred.web.credentials.art import badge_art, stand_in_png
from microcred.web.credentials.documents import credential_json
from microcred.web.sharing.facts import ShareFacts
from microcred.web.sharing.image import LAYOUT_VERSION, ShareCard
from microcred.web.sharing.pictures import open_badge

# Twice the size it is shown at in a signature, for sharp high-density screens.
THUMBNAIL: Final = 128


def badge_png(credential: object) -> bytes:
    """The badge's PNG, or b"" when even finding it trips over the image (the share
    pictures then draw without it)."""
    try:
        return badge_art(credential_json(credential)).png  # type: ignore[arg-type]
    # badge_art reads a PNG's size to wrap it in an SVG, and Pillow refuses a header that
    # promises more than 179 million pixels right there.
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        return b""


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


def share_card_etag(card: ShareCard, badge: bytes) -> str:
    """A validator from everything drawn, known before drawing (so a hit costs no render)."""
    parts = (LAYOUT_VERSION, *astuple(card), hashlib.sha256(badge).hexdigest())
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return f'"{digest[:32]}"'


def badge_thumbnail(credential: object) -> bytes:
    # A badge too large or broken to open gets the stand-in: a signature still needs a picture.
    badge = open_badge(badge_png(credential))
    if badge is None:
        with Image.open(io.BytesIO(stand_in_png())) as opened:
            badge = opened.convert("RGBA")
    badge.thumbnail((THUMBNAIL, THUMBNAIL), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    badge.save(out, "PNG", optimize=True)
    return out.getvalue()
