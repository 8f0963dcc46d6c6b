"""The 1200×627 picture LinkedIn, Slack & co. show when someone posts a credential's link.

Drawn with Pillow and the shipped DejaVu Sans, so it looks the same on every machine and
has every umlaut. Long names wrap and, if they must, get smaller before they are cut.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Final

from PIL import Image, ImageDraw, ImageFont

from microcred.web.fonts import BOLD, REGULAR
from microcred.web.sharing.pictures import open_badge

# Part of the cached picture's ETag: change it whenever the drawing changes.
LAYOUT_VERSION: Final = "2"
WIDTH: Final = 1200
HEIGHT: Final = 627
MARGIN: Final = 64
BADGE: Final = 330
TEXT_LEFT: Final = MARGIN + BADGE + 56
TEXT_WIDTH: Final = WIDTH - TEXT_LEFT - MARGIN
FOOTER: Final = 72

PAPER: Final = (255, 255, 255)
INK: Final = (27, 35, 51)
MUTED: Final = (83, 93, 112)
BRAND: Final = (11, 92, 173)
HEADER: Final = (20, 33, 61)
BAND: Final = (244, 246, 249)


@dataclass(frozen=True)
class ShareCard:
    """The words on the picture, already in the reader's language."""

    achievement_name: str
    issuer_line: str
    recipient_line: str
    date_line: str
    footer: str


@cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(BOLD if bold else REGULAR), size)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines no wider than ``width``; a word longer than a line is split where it must be."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        for piece in _fit_word(word, font, width):
            candidate = f"{current} {piece}" if current else piece
            if font.getlength(candidate) <= width:
                current = candidate
            else:
                if current:
                    lines.append(current)
                current = piece
    if current:
        lines.append(current)
    return lines


def _fit_word(word: str, font: ImageFont.FreeTypeFont, width: int) -> Iterator[str]:
    while font.getlength(word) > width:
        cut = _longest_fitting(word, font, width)
        # Prefer the hyphen of a double name ("Müller-Lüdenscheidt") to a cut mid-word.
        hyphen = word.rfind("-", 0, cut)
        if hyphen > 0:
            cut = hyphen + 1
        yield word[:cut]
        word = word[cut:]
    if word:
        yield word


def _longest_fitting(word: str, font: ImageFont.FreeTypeFont, width: int) -> int:
    """How many of ``word``'s first characters fit in ``width`` (at least 1, fewer than all).

    A binary search: a 500-character name without a space takes a few measurements per
    line instead of one per character.
    """
    low, high = 1, len(word) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def fitted(
    text: str, *, bold: bool, sizes: tuple[int, ...], width: int, max_lines: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which ``text`` fits in ``max_lines``; at the smallest, cut with …"""
    for size in sizes:
        font = _font(bold, size)
        lines = wrap(text, font, width)
        if len(lines) <= max_lines:
            return font, lines
    lines = lines[:max_lines]
    last = lines[-1]
    while last and font.getlength(last + "…") > width:
        last = last[:-1].rstrip()
    lines[-1] = last + "…"
    return font, lines


def render_share_image(card: ShareCard, badge_png: bytes) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 10), fill=BRAND)
    draw.rectangle((0, HEIGHT - FOOTER, WIDTH, HEIGHT), fill=HEADER)

    body_top, body_bottom = 10, HEIGHT - FOOTER
    _paste_badge(image, badge_png, (body_top + body_bottom - BADGE) // 2)

    blocks: list[tuple[ImageFont.FreeTypeFont, list[str], tuple[int, int, int], int]] = []
    issuer_font, issuer_lines = fitted(
        card.issuer_line, bold=True, sizes=(28, 24, 22), width=TEXT_WIDTH, max_lines=2
    )
    blocks.append((issuer_font, issuer_lines, BRAND, 18))
    name_font, name_lines = fitted(
        card.achievement_name, bold=True, sizes=(56, 50, 44, 38, 34), width=TEXT_WIDTH, max_lines=4
    )
    blocks.append((name_font, name_lines, INK, 24))
    if card.recipient_line:
        recipient_font, recipient_lines = fitted(
            card.recipient_line, bold=False, sizes=(32, 28, 24), width=TEXT_WIDTH, max_lines=2
        )
        blocks.append((recipient_font, recipient_lines, INK, 14))
    date_font, date_lines = fitted(
        card.date_line, bold=False, sizes=(26, 22), width=TEXT_WIDTH, max_lines=1
    )
    blocks.append((date_font, date_lines, MUTED, 0))

    heights = [_block_height(font, lines) + gap for font, lines, _, gap in blocks]
    y = max(body_top + 24, (body_top + body_bottom - sum(heights)) // 2)
    for (font, lines, colour, _gap), height in zip(blocks, heights, strict=True):
        _draw_lines(draw, font, lines, colour, y)
        y += height

    footer_font = _font(False, 24)
    footer_lines = fitted(
        card.footer, bold=False, sizes=(24, 20), width=WIDTH - 2 * MARGIN, max_lines=1
    )[1]
    footer_y = HEIGHT - FOOTER + (FOOTER - _line_height(footer_font)) // 2
    _draw_lines(draw, footer_font, footer_lines, (255, 255, 255), footer_y, left=MARGIN)

    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _paste_badge(image: Image.Image, badge_png: bytes, top: int) -> None:
    badge = open_badge(badge_png)
    if badge is None:
        return
    badge.thumbnail((BADGE, BADGE), Image.Resampling.LANCZOS)
    left = MARGIN + (BADGE - badge.width) // 2
    image.paste(badge, (left, top + (BADGE - badge.height) // 2), badge)


def _line_height(font: ImageFont.FreeTypeFont) -> int:
    ascent, descent = font.getmetrics()
    return int((ascent + descent) * 1.12)


def _block_height(font: ImageFont.FreeTypeFont, lines: list[str]) -> int:
    return _line_height(font) * len(lines)


def _draw_lines(
    draw: ImageDraw.ImageDraw,
    font: ImageFont.FreeTypeFont,
    lines: list[str],
    colour: tuple[int, int, int],
    top: int,
    *,
    left: int = TEXT_LEFT,
) -> None:
    for number, line in enumerate(lines):
        draw.text((left, top + number * _line_height(font)), line, font=font, fill=colour)
