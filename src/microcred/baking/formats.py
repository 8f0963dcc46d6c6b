"""Telling a PNG from an SVG by its first bytes, and naming the formats that cannot be baked."""

from __future__ import annotations

from typing import Final, Literal

from microcred.baking.errors import BakingError

ImageFormat = Literal["png", "svg"]

PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
UTF8_BOM: Final = b"\xef\xbb\xbf"
_OTHER_FORMATS: Final = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"RIFF", "WebP"),
    (b"%PDF-", "PDF"),
    (b"\x1f\x8b", "gzip-compressed (SVGZ)"),
)


def image_format(data: bytes) -> ImageFormat:
    """``"png"`` or ``"svg"``, told by the first bytes (never by a file name)."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise BakingError(f"an image is bytes, not {type(data).__name__}")
    head = bytes(data[:64])
    if head.startswith(PNG_SIGNATURE):
        return "png"
    for magic, name in _OTHER_FORMATS:
        if head.startswith(magic) and (name != "WebP" or head[8:12] == b"WEBP"):
            raise BakingError(f"a {name} file cannot carry a baked credential; use PNG or SVG")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "svg"  # UTF-16 text; the XML parser decides whether it is an SVG
    if head.removeprefix(UTF8_BOM).lstrip(b" \t\r\n").startswith(b"<"):
        return "svg"
    raise BakingError("the file is neither a PNG nor an SVG image")
