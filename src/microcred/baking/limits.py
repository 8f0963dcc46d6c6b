"""How much of a stranger's image is read at all: every cap is checked before parsing."""

from __future__ import annotations

from typing import Final

from microcred.baking.errors import BakingError

MAX_IMAGE_BYTES: Final = 20 * 1024 * 1024
MAX_CREDENTIAL_BYTES: Final = 4 * 1024 * 1024
MAX_PIXELS: Final = 50_000_000
MAX_PNG_CHUNKS: Final = 100_000
# Parsed XML takes 20-30 times the memory of its text; these caps bound a hostile SVG's cost.
MAX_SVG_TAGS: Final = 50_000
MAX_SVG_ATTRIBUTES: Final = 100_000


def check_image_size(data: bytes) -> None:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise BakingError(f"an image is bytes, not {type(data).__name__}")
    if len(data) > MAX_IMAGE_BYTES:
        raise BakingError(
            f"the image is {len(data)} bytes, more than the {MAX_IMAGE_BYTES} allowed"
        )
