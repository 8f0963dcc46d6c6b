"""Images and credentials the baking tests share, made independently of the code under test."""

from __future__ import annotations

import contextlib
import json
import struct
import zlib
from io import BytesIO
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring
from PIL import Image, PngImagePlugin

from microcred.baking import BakedCredential, BakingError, unbake

FIXTURES = Path(__file__).parents[1] / "fixtures" / "baking"
OB3 = "https://purl.imsglobal.org/ob/v3p0"
OB2 = "http://openbadges.org"
SVG = "http://www.w3.org/2000/svg"

CREDENTIAL = {
    "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    "id": "https://issuer.example/credentials/1",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": {"id": "did:web:issuer.example", "type": ["Profile"], "name": "Schule Ähren"},
    "name": "Grundkurs ]]> Löten",
    "credentialSubject": {"type": ["AchievementSubject"], "achievement": {"name": "Löten"}},
}
# A signed document as stored: pretty-printed, non-ASCII, never to be re-serialized.
SIGNED_JSON = json.dumps(CREDENTIAL, indent=2, ensure_ascii=False)
JWT = (
    "eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDp3ZWI6aXNzdWVyLmV4YW1wbGUja2V5LTEifQ"
    ".eyJpc3MiOiJkaWQ6d2ViOmlzc3Vlci5leGFtcGxlIn0"
    ".MEUCIQDx2Fq_kZbXw9yKpX3b9Ts6n4T1oKqYwA-lJ0M7q2wRAIgUu8"
)
PLAIN_SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">\n'
    b'  <circle cx="50" cy="50" r="40" fill="#c00"/>\n'
    b"</svg>\n"
)


def make_png(mode: str = "RGBA", size: tuple[int, int] = (24, 16), info=None) -> bytes:
    image = Image.new(mode, size)
    image.putdata([(x * 7 + y) % 256 for y in range(size[1]) for x in range(size[0])])
    if mode == "RGBA":
        image = Image.merge("RGBA", [image.getchannel("R")] * 3 + [image.getchannel("A")])
        image.putpixel((0, 0), (1, 2, 3, 4))
    buffer = BytesIO()
    image.save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def png_with_text(*texts: tuple[str, str, str]) -> bytes:
    """A PNG written by Pillow with (kind, keyword, text) chunks: tEXt, zTXt, iTXt or iTXt-z."""
    info = PngImagePlugin.PngInfo()
    for kind, keyword, text in texts:
        if kind == "tEXt":
            info.add_text(keyword, text)
        elif kind == "zTXt":
            info.add_text(keyword, text, zip=True)
        else:
            info.add_itxt(keyword, text, zip=kind == "iTXt-z")
    return make_png(info=info)


def png_chunk(chunk_type: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body))
        + chunk_type
        + body
        + struct.pack(">I", zlib.crc32(chunk_type + body))
    )


def png_chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """(type, body) of every chunk, read independently of the code under test."""
    chunks, position = [], 8
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        chunk_type = png[position + 4 : position + 8]
        chunks.append((chunk_type, png[position + 8 : position + 8 + length]))
        position += 12 + length
    return chunks


def crafted_png(*extra_before_idat: bytes, width: int = 1, height: int = 1) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\0\0")
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + b"".join(extra_before_idat)
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


def itxt_chunk(keyword: str, text: bytes) -> bytes:
    return png_chunk(b"iTXt", keyword.encode() + b"\0\0\0\0\0" + text)


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def svg_root(data: bytes) -> Element:
    return fromstring(data)


def scripted_svg(attack: bytes) -> bytes:
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">'
        b'<openbadges:credential verify="' + JWT.encode() + b'"/>' + attack + b"</svg>"
    )


ATTACKS = {
    "script element": b"<script>alert(document.domain)</script>",
    "script in foreignObject": (
        b'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">'
        b"<script>alert(1)</script></div></foreignObject>"
    ),
    "iframe in foreignObject": (
        b'<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://x.example"/>'
        b"</foreignObject>"
    ),
    "event handler": b'<rect width="5" height="5" onclick="alert(1)"/>',
    "upper-case event handler": b'<rect ONMOUSEOVER="alert(1)"/>',
    "javascript link": b'<a href="javascript:alert(1)"><text>x</text></a>',
    "obfuscated javascript link": b'<a xlink:href=" JaVa&#x09;ScRiPt:alert(1)"><text>x</text></a>',
    "animated link": b'<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>',
    "animated handler": b'<set attributeName="onmouseover" to="alert(1)"/>',
    "html data link": b'<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
    "scriptable css": b"<style>rect { background: url(javascript:alert(1)) }</style>",
    "css expression": b'<rect style="width: expression(alert(1))"/>',
}


def unbake_or_refuse(data: bytes) -> None:
    with contextlib.suppress(BakingError):
        assert isinstance(unbake(data), BakedCredential)
