"""Certificates as PDF: one A4 landscape page, drawn by WeasyPrint from local data only.

Nothing is measured before rendering: the page is rendered, and if its content ran onto a
second page it is rendered again denser (smaller type, shorter texts), up to the densest
layout, which keeps only what fits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import Truncator
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from microcred.web.certificates.colours import is_hex_colour
from microcred.web.certificates.content import CertificateContent
from microcred.web.certificates.fetcher import LocalOnlyFetcher, data_uri
from microcred.web.certificates.models import DEFAULT_ACCENT, DEFAULT_PRIMARY, CertificateDesign
from microcred.web.certificates.qr import qr_data_uri
from microcred.web.fonts import BOLD, REGULAR
from microcred.web.verify.presentation import ShownFact

STYLESHEET: Final = Path(__file__).with_name("certificate.css")
TEMPLATE: Final = Path(__file__).parent / "templates" / "certificates" / "certificate.html"
LANGUAGES: Final = ("de", "en")
# Part of every certificate's ETag: a new layout is a new certificate.
LAYOUT_VERSION: Final = hashlib.sha256(
    STYLESHEET.read_bytes() + TEMPLATE.read_bytes() + Path(__file__).read_bytes()
).hexdigest()[:16]


@dataclass(frozen=True)
class Density:
    description_chars: int
    list_items: int
    item_chars: int
    detail_rows: int


# From roomy to tight; the last one always fits on the page.
DENSITIES: Final = (
    Density(description_chars=600, list_items=8, item_chars=220, detail_rows=14),
    Density(description_chars=360, list_items=5, item_chars=160, detail_rows=10),
    Density(description_chars=220, list_items=3, item_chars=110, detail_rows=7),
    Density(description_chars=120, list_items=2, item_chars=80, detail_rows=4),
)


def render_certificate(
    content: CertificateContent,
    design: CertificateDesign,
    language: str,
    *,
    fetcher: LocalOnlyFetcher | None = None,
) -> bytes:
    """The PDF of one certificate in ``language`` (``de`` or ``en``)."""
    fetcher = fetcher or LocalOnlyFetcher()
    with translation.override(language):
        for level, density in enumerate(DENSITIES):
            document = _document(content, design, language, level, density, fetcher)
            if len(document.pages) == 1:
                break
        # The densest layout fits by construction; should a font still push a line over,
        # the certificate stays one page and loses the overflow.
        return document.copy(document.pages[:1]).write_pdf()


def _document(
    content: CertificateContent,
    design: CertificateDesign,
    language: str,
    level: int,
    density: Density,
    fetcher: LocalOnlyFetcher,
) -> object:
    details = _details(content.details, density)
    html = render_to_string(
        "certificates/certificate.html",
        {
            "language": language,
            "c": content,
            "design": design,
            "level": level,
            "name_size": _size(content.recipient_name, (26, 40)),
            "title_size": _size(content.achievement_name, (45, 80)),
            "description": Truncator(content.description).chars(density.description_chars),
            "lists": [row for row in details if row.is_list],
            "values": [row for row in details if not row.is_list],
            "qr": qr_data_uri(content.page_url),
            "url_parts": _unbroken_tail(content.page_url),
            "id_parts": _unbroken_tail(content.credential_id),
            "signature": (
                data_uri(bytes(design.signature_image), "image/png")
                if design.signature_image
                else ""
            ),
        },
    )
    fonts = FontConfiguration()
    # The design's colours come last, so they win over the stylesheet's shorthands.
    stylesheets = [
        CSS(string=STYLESHEET.read_text(encoding="utf-8"), font_config=fonts, url_fetcher=fetcher),
        CSS(string=_fonts_and_colours(design), font_config=fonts, url_fetcher=fetcher),
    ]
    return HTML(string=html, url_fetcher=fetcher).render(stylesheets=stylesheets, font_config=fonts)


def _unbroken_tail(address: str) -> tuple[str, str]:
    """(head, tail): a line may break in the head only, never at a hyphen of the UUID tail,
    which PDF readers would take for a hyphenation and drop when the text is copied."""
    for separator in ("/", ":"):
        head, found, tail = address.rpartition(separator)
        if found:
            return head + found, tail
    return "", address


def _size(text: str, limits: tuple[int, int]) -> str:
    if len(text) <= limits[0]:
        return "large"
    return "medium" if len(text) <= limits[1] else "small"


def _details(rows: list[ShownFact], density: Density) -> list[ShownFact]:
    shortened = []
    for row in rows[: density.detail_rows]:
        if row.is_list:
            items = [Truncator(item).chars(density.item_chars) for item in row.value]
            if len(items) > density.list_items:
                items = [*items[: density.list_items - 1], "…"]
            shortened.append(ShownFact(row.label, items, True))
        else:
            shortened.append(ShownFact(row.label, Truncator(row.value).chars(density.item_chars)))
    return shortened


def _fonts_and_colours(design: CertificateDesign) -> str:
    # The colours were validated as #rrggbb when they were saved; the fallbacks keep any
    # other stored value out of the stylesheet.
    primary = design.primary_colour if is_hex_colour(design.primary_colour) else DEFAULT_PRIMARY
    accent = design.accent_colour if is_hex_colour(design.accent_colour) else DEFAULT_ACCENT
    return f"""
@font-face {{ font-family: "Certificate Sans"; font-weight: 400;
  src: url("{REGULAR.as_uri()}"); }}
@font-face {{ font-family: "Certificate Sans"; font-weight: 700;
  src: url("{BOLD.as_uri()}"); }}
@page {{ border-color: {accent}; }}
.kind, .recipient, .issuer-name, .details .label {{ color: {primary}; }}
.rule, .signature .line {{ border-color: {accent}; }}
.kind {{ border-color: {accent}; }}
"""
