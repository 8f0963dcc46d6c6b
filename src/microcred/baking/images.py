"""Baking and unbaking an image of either format, told apart by its first bytes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from microcred.baking.formats import image_format
from microcred.baking.limits import check_image_size
from microcred.baking.payload import BakedCredential
from microcred.baking.png import bake_png, unbake_png
from microcred.baking.svg import bake_svg, unbake_svg


def bake(image: bytes, credential: Mapping[str, Any] | str) -> bytes:
    """Bake ``credential`` into a PNG or SVG image, whichever ``image`` is."""
    if image_format(image) == "png":
        return bake_png(image, credential)
    return bake_svg(image, credential)


def unbake(data: bytes) -> BakedCredential:
    """The credential baked into a PNG or SVG image (Open Badges 3.0 or 2.0)."""
    check_image_size(data)
    data = bytes(data)
    if image_format(data) == "png":
        return unbake_png(data)
    return unbake_svg(data)
