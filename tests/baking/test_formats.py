"""Telling a PNG from an SVG by its bytes, and refusing what is neither."""

from __future__ import annotations

import pytest

from microcred.baking import BakingError, bake, bake_png, bake_svg, image_format, unbake
from tests.baking.samples import CREDENTIAL, JWT, PLAIN_SVG, make_png


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "png"),
        (b"<svg/>", "svg"),
        (b'\xef\xbb\xbf\n <?xml version="1.0"?><svg/>', "svg"),
        ("<svg/>".encode("utf-16"), "svg"),
    ],
)
def test_it_tells_png_from_svg_by_the_first_bytes(data: bytes, expected: str) -> None:
    assert image_format(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xd8\xff\xe0\0\x10JFIF", "JPEG file cannot carry"),
        (b"GIF89a\x01\0\x01\0", "GIF file cannot carry"),
        (b"RIFF\0\0\0\0WEBPVP8 ", "WebP file cannot carry"),
        (b"%PDF-1.7", "PDF file cannot carry"),
        (b"\x1f\x8b\x08\0", "SVGZ"),
        (b"hello, I am not an image", "neither a PNG nor an SVG"),
        (b"", "neither a PNG nor an SVG"),
    ],
)
def test_it_refuses_files_that_cannot_carry_a_credential(data: bytes, message: str) -> None:
    with pytest.raises(BakingError, match=message):
        unbake(data)
    with pytest.raises(BakingError, match=message):
        bake(data, CREDENTIAL)


def test_it_refuses_text_where_bytes_are_expected() -> None:
    with pytest.raises(BakingError, match="bytes, not str"):
        unbake(PLAIN_SVG.decode())  # type: ignore[arg-type]


def test_it_refuses_to_bake_a_png_into_an_svg_and_back() -> None:
    with pytest.raises(BakingError, match="not a PNG"):
        bake_png(PLAIN_SVG, JWT)
    with pytest.raises(BakingError, match="not well-formed XML"):
        bake_svg(make_png(), JWT)
