"""pixels_only(): an upload becomes a PNG with nothing but its pixels, or a clear problem."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, PngImagePlugin

from microcred.web.lib.pictures import (
    PictureError,
    PictureTooLarge,
    PictureUnreadable,
    PictureWrongFormat,
    pixels_only,
)


def encoded(size: tuple[int, int], format: str = "PNG", **options) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, format=format, **options)
    return out.getvalue()


def test_it_keeps_the_pixels_and_drops_the_text_chunks() -> None:
    text = PngImagePlugin.PngInfo()
    text.add_text("openbadges", "an old baked credential")

    cleaned = pixels_only(encoded((40, 20), pnginfo=text), max_side=100)

    with Image.open(io.BytesIO(cleaned)) as image:
        assert (image.format, image.size) == ("PNG", (40, 20))
        assert "openbadges" not in image.info


def test_it_shrinks_to_fit_keeping_proportions() -> None:
    cleaned = pixels_only(encoded((1000, 500)), max_side=2000, fit=(100, 100))

    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (100, 50)


def test_it_names_a_picture_too_large() -> None:
    with pytest.raises(PictureTooLarge) as problem:
        pixels_only(encoded((300, 20)), max_side=200)
    assert (problem.value.width, problem.value.height) == (300, 20)


def test_it_refuses_formats_not_asked_for() -> None:
    with pytest.raises(PictureWrongFormat) as problem:
        pixels_only(encoded((10, 10), "JPEG"), max_side=100)
    assert problem.value.found == "JPEG"
    assert pixels_only(encoded((10, 10), "JPEG"), max_side=100, formats=("PNG", "JPEG"))


def test_a_truncated_picture_is_unreadable() -> None:
    with pytest.raises(PictureUnreadable):
        pixels_only(encoded((64, 64))[:-40], max_side=100)


@given(st.binary(max_size=2000))
def test_any_bytes_become_a_png_or_a_picture_error(data: bytes) -> None:
    try:
        cleaned = pixels_only(data, max_side=64)
    except PictureError:
        return
    assert cleaned.startswith(b"\x89PNG\r\n\x1a\n")
