"""Opening a badge PNG for the share pictures without letting it cost more than a badge.

The PNG comes from the credential (a ``data:`` URI an API client chose), so its header may
promise 14000 × 14000 pixels in a few kilobytes. Its size is read from the header before
any pixel is decoded; anything larger than ``MAX_SIDE`` on a side, or that Pillow cannot
read, gives ``None`` and the caller draws without it.
"""

from __future__ import annotations

import io
import warnings
from typing import Final

from PIL import Image

# Far above any badge design, far below a costly decode:
# 4096 × 4096 RGBA is 64 MB at most, briefly.
MAX_SIDE: Final = 4096


def open_badge(png: bytes) -> Image.Image | None:
    """The badge as RGBA, or None when it is too large or not a readable image."""
    try:
        with warnings.catch_warnings():
            # Pillow warns from 89 million pixels on; the cap below refuses far earlier.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(png)) as opened:
                width, height = opened.size
                if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
                    return None
                return opened.convert("RGBA")
    # DecompressionBombError (over 179 million pixels) is raised by open() itself; a
    # truncated or malformed file raises OSError, SyntaxError or ValueError on decode.
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError, EOFError):
        return None
