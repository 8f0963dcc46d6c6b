"""Certificate colours: ``#rrggbb`` only, and dark enough to read on the white page."""

from __future__ import annotations

import re
from typing import Final

HEX_COLOUR: Final = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.2: 4.5:1 for text (the primary colour sets headings and the name), 3:1 for
# graphics (the accent colour draws the frame and rules).
TEXT_CONTRAST: Final = 4.5
GRAPHICS_CONTRAST: Final = 3.0


def is_hex_colour(value: str) -> bool:
    return bool(HEX_COLOUR.fullmatch(value))


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio of ``#rrggbb`` against white (1.0 to 21.0)."""
    if not is_hex_colour(colour):
        raise ValueError(f"{colour!r} is not a #rrggbb colour")
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)
