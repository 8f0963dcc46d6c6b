"""The picture a credential is baked into: its achievement's image, or a plain stand-in.

The image is found through the credential itself (``credentialSubject.achievement.image``):
a ``data:`` URI carries it inline; an image URL of this instance is read in-process (the
achievement designer keeps every image version at its own URL, with a PNG beside each SVG
design); anything else, or nothing, gets a simple generated badge so that every credential
can still be downloaded as a baked PNG and SVG.
"""

from __future__ import annotations

import base64
import binascii
import io
import struct
from dataclasses import dataclass
from functools import cache
from typing import Any, Final
from urllib.parse import unquote_to_bytes

from microcred.baking import BakingError, sanitize_svg
from microcred.baking.limits import MAX_IMAGE_BYTES
from microcred.verifier.fetcher import FetchError
from microcred.web.verify.local import InstanceFetcher

PNG_MAGIC: Final = b"\x89PNG\r\n\x1a\n"
# Badge designs are at most 2048 px a side (achievements/images.py); imported ones get room.
MAX_ART_SIDE: Final = 4096
_LOCAL: Final = InstanceFetcher()

STAND_IN_SVG: Final = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256">'
    b'<circle cx="128" cy="112" r="92" fill="#0b5cad"/>'
    b'<circle cx="128" cy="112" r="72" fill="none" stroke="#ffffff" stroke-width="6"/>'
    b'<path d="M84 196 64 248l36-14 20 22 8-60zM172 196l20 52-36-14-20 22-8-60z" '
    b'fill="#14213d"/>'
    b'<path d="M100 112l20 20 40-44" fill="none" stroke="#ffffff" stroke-width="14" '
    b'stroke-linecap="round" stroke-linejoin="round"/></svg>'
)


@dataclass(frozen=True)
class BadgeArt:
    svg: bytes
    png: bytes
    # False for the generated stand-in.
    designed: bool = True


def badge_art(credential_json: dict[str, Any]) -> BadgeArt:
    svg, png = None, None
    url = _image_url(credential_json)
    if url is not None:
        svg, png = _designed(url)
    if svg is None and png is None:
        return BadgeArt(STAND_IN_SVG, stand_in_png(), designed=False)
    return BadgeArt(svg or _svg_around(png or b""), png or stand_in_png())


def _image_url(credential_json: dict[str, Any]) -> str | None:
    subject = credential_json.get("credentialSubject")
    if isinstance(subject, list):
        subject = subject[0] if subject else None
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    image = achievement.get("image") if isinstance(achievement, dict) else None
    if isinstance(image, dict):
        image = image.get("id")
    return image if isinstance(image, str) and image else None


def _designed(url: str) -> tuple[bytes | None, bytes | None]:
    if url.startswith("data:"):
        data, media_type = _data_uri(url)
        return _split(data, media_type)
    if not _LOCAL.is_own(url):
        return None, None
    found: dict[str, bytes] = {}
    base, _dot, extension = url.rpartition(".")
    urls = [url] if extension not in {"svg", "png"} else [f"{base}.svg", f"{base}.png"]
    for candidate in urls:
        try:
            response = _LOCAL.fetch(candidate, accept="image/svg+xml, image/png")
        except FetchError:
            continue
        if response.ok and len(response.body) <= MAX_IMAGE_BYTES:
            found[response.content_type] = response.body
    svg, png = _split(found.get("image/svg+xml"), "image/svg+xml")
    return svg, png or _split(found.get("image/png"), "image/png")[1]


def _split(data: bytes | None, media_type: str) -> tuple[bytes | None, bytes | None]:
    if not data:
        return None, None
    if media_type == "image/png" and data.startswith(PNG_MAGIC):
        return None, data if _usable_png(data) else None
    if media_type == "image/svg+xml":
        try:
            return sanitize_svg(data), None
        except BakingError:
            return None, None
    return None, None


def _usable_png(data: bytes) -> bool:
    """A PNG of a badge's size that Pillow can read; anything else gets the stand-in.

    Credentials from the VC API may carry any image; a huge one would make every page, share
    picture and certificate that shows it decode hundreds of megapixels (or fail).
    """
    from PIL import Image

    if len(data) < 24:
        return False
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= MAX_ART_SIDE and 0 < height <= MAX_ART_SIDE):
        return False
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            image.verify()
    except (OSError, ValueError, SyntaxError, EOFError, struct.error, Image.DecompressionBombError):
        return False
    return True


def _data_uri(url: str) -> tuple[bytes, str]:
    header, _comma, payload = url[5:].partition(",")
    media_type = header.split(";")[0].strip().lower()
    try:
        if header.endswith(";base64"):
            return base64.b64decode(payload, validate=True), media_type
        return unquote_to_bytes(payload), media_type
    except (binascii.Error, ValueError):
        return b"", media_type


def _svg_around(png: bytes) -> bytes:
    """An SVG showing a PNG design, for SVG baking when the design exists only as PNG."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        width, height = image.size
    encoded = base64.b64encode(png).decode("ascii")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><image width="{width}" height="{height}" '
        f'href="data:image/png;base64,{encoded}"/></svg>'
    ).encode("ascii")


@cache
def stand_in_png() -> bytes:
    """The stand-in badge drawn as a PNG (there is no SVG renderer here)."""
    from PIL import Image, ImageDraw

    scale = 4
    size = 256 * scale
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def box(cx: float, cy: float, r: float) -> tuple[float, float, float, float]:
        return ((cx - r) * scale, (cy - r) * scale, (cx + r) * scale, (cy + r) * scale)

    for ribbon in (
        [(84, 196), (64, 248), (100, 234), (120, 256), (128, 196)],
        [(172, 196), (192, 248), (156, 234), (136, 256), (128, 196)],
    ):
        draw.polygon([(x * scale, y * scale) for x, y in ribbon], fill="#14213d")
    draw.ellipse(box(128, 112, 92), fill="#0b5cad")
    draw.ellipse(box(128, 112, 72), outline="#ffffff", width=6 * scale)
    draw.line(
        [(100 * scale, 112 * scale), (120 * scale, 132 * scale), (160 * scale, 88 * scale)],
        fill="#ffffff",
        width=14 * scale,
        joint="curve",
    )
    image = image.resize((256, 256), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
