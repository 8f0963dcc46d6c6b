"""Baked PNG: the credential in an ``iTXt`` chunk with the keyword ``openbadgecredential``.

Open Badges 2.0 used the keyword ``openbadges`` in any text chunk; those are read too. Pillow
exposes PNG text only as a merged dictionary (duplicates collapse, chunk kinds are lost) and
re-encodes every pixel when saving, so the 12-byte chunk framing is read and written here. Every
chunk is checked against its CRC and compressed text is inflated in bounded steps.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from io import BytesIO
from typing import Any, Final

from PIL import Image

from microcred.baking.errors import BakingError
from microcred.baking.formats import PNG_SIGNATURE, image_format
from microcred.baking.limits import (
    MAX_CREDENTIAL_BYTES,
    MAX_IMAGE_BYTES,
    MAX_PIXELS,
    MAX_PNG_CHUNKS,
    check_image_size,
)
from microcred.baking.payload import BakedCredential, baked, check_one, credential_text

OB3_KEYWORD: Final = "openbadgecredential"
# Real ICC profiles are a few kilobytes; Pillow's own limit for compressed chunks is 1 MiB.
MAX_COLOUR_PROFILE_BYTES: Final = 1024 * 1024
OB2_KEYWORD: Final = "openbadges"

_TEXT_CHUNKS: Final = frozenset({b"tEXt", b"zTXt", b"iTXt"})
_BADGE_KEYWORDS: Final = {OB3_KEYWORD.encode(): False, OB2_KEYWORD.encode(): True}


@dataclass(frozen=True, slots=True)
class _Chunk:
    type: bytes
    start: int  # offset of the length field
    end: int  # offset after the CRC

    def body(self, data: bytes) -> memoryview:
        return memoryview(data)[self.start + 8 : self.end - 4]


def bake_png(image: bytes, credential: Mapping[str, Any] | str) -> bytes:
    """The PNG with ``credential`` in an uncompressed ``iTXt openbadgecredential`` chunk.

    The chunk goes just before the first ``IDAT`` so that readers that stop early find it; any
    credential baked before (Open Badges 3.0 or 2.0) is replaced, and all other chunks are kept.
    """
    text, _ = credential_text(credential)
    check_image_size(image)
    image = bytes(image)
    if image_format(image) != "png":
        raise BakingError("the image is not a PNG")
    chunks = _png_chunks(image)
    _check_colour_profile(chunks, image)
    _check_with_pillow(image)
    body = OB3_KEYWORD.encode("latin-1") + b"\0\0\0\0\0" + text.encode("utf-8")
    credential_chunk = _png_chunk(b"iTXt", body)
    baked_image = bytearray(PNG_SIGNATURE)
    for chunk in chunks:
        if chunk.type in _TEXT_CHUNKS and _keyword(chunk.body(image)) in _BADGE_KEYWORDS:
            continue
        if chunk.type == b"IDAT" and credential_chunk:
            baked_image += credential_chunk
            credential_chunk = b""
        baked_image += image[chunk.start : chunk.end]
    if len(baked_image) > MAX_IMAGE_BYTES:
        raise BakingError(f"the baked image would be larger than {MAX_IMAGE_BYTES} bytes")
    return bytes(baked_image)


def unbake_png(data: bytes) -> BakedCredential:
    """The credential baked into a PNG whose size has been checked."""
    found = [
        (chunk, keyword)
        for chunk in _png_chunks(data)
        if chunk.type in _TEXT_CHUNKS and (keyword := _keyword(chunk.body(data))) in _BADGE_KEYWORDS
    ]
    ob2 = sum(1 for _, keyword in found if _BADGE_KEYWORDS[keyword])
    where = "text chunks with keyword openbadgecredential or openbadges"
    check_one(len(found) - ob2, ob2, "png", where)
    chunk, keyword = found[0]
    body = chunk.body(data)
    if len(body) > MAX_CREDENTIAL_BYTES + 1024:
        raise BakingError(
            f"the PNG {keyword.decode()} chunk is {len(body)} bytes, "
            f"more than the {MAX_CREDENTIAL_BYTES} allowed for a credential"
        )
    text = _chunk_text(chunk.type, bytes(body[len(keyword) + 1 :]), keyword.decode())
    return baked(text, ob2=_BADGE_KEYWORDS[keyword], image_format="png")


def _png_chunks(data: bytes) -> list[_Chunk]:
    """Every chunk up to IEND, each checked against its CRC; the IHDR size is capped."""
    view = memoryview(data)
    if not data.startswith(PNG_SIGNATURE):
        raise BakingError("the image is not a PNG")
    chunks: list[_Chunk] = []
    position = len(PNG_SIGNATURE)
    while not chunks or chunks[-1].type != b"IEND":
        if len(chunks) >= MAX_PNG_CHUNKS:
            raise BakingError(f"the PNG image has more than {MAX_PNG_CHUNKS} chunks; refused")
        if position + 12 > len(data):
            raise BakingError("the PNG image is truncated: it ends before its IEND chunk")
        length, chunk_type = struct.unpack_from(">I4s", data, position)
        end = position + 12 + length
        if length > 0x7FFFFFFF or end > len(data):
            raise BakingError(f"the PNG image is truncated inside a chunk at byte {position}")
        if not chunk_type.isalpha():
            raise BakingError(f"the PNG image is corrupt: no valid chunk at byte {position}")
        (expected,) = struct.unpack_from(">I", data, end - 4)
        if zlib.crc32(view[position + 4 : end - 4]) != expected:
            raise BakingError(
                f"the PNG image is corrupt: its {chunk_type.decode()} chunk at byte {position} "
                "fails its CRC check"
            )
        chunks.append(_Chunk(chunk_type, position, end))
        position = end
    if chunks[0].type != b"IHDR" or chunks[0].end - chunks[0].start != 25:
        raise BakingError("the PNG image is corrupt: it does not start with an IHDR chunk")
    width, height = struct.unpack_from(">II", data, chunks[0].start + 8)
    if not 0 < width <= 0x7FFFFFFF or not 0 < height <= 0x7FFFFFFF:
        raise BakingError(f"the PNG image has an impossible size of {width}x{height} pixels")
    if width * height > MAX_PIXELS:
        raise BakingError(
            f"the PNG image is {width}x{height} pixels, more than the {MAX_PIXELS} allowed "
            "(too large for a badge, or a decompression bomb)"
        )
    if not any(chunk.type == b"IDAT" for chunk in chunks):
        raise BakingError("the PNG image is corrupt: it has no image data (IDAT)")
    return chunks


def _keyword(body: memoryview) -> bytes | None:
    end = bytes(body[:80]).find(b"\0")
    return bytes(body[:end]) if end > 0 else None


def _chunk_text(chunk_type: bytes, rest: bytes, keyword: str) -> str:
    """The text after the keyword of a tEXt, zTXt or iTXt chunk."""
    where = f"the PNG {chunk_type.decode()} chunk {keyword!r}"
    if chunk_type == b"tEXt":
        return rest.decode("latin-1")
    if chunk_type == b"zTXt":
        if rest[:1] != b"\0":
            raise BakingError(f"{where} uses an unknown compression method")
        return _inflate(rest[1:], where).decode("latin-1")
    # iTXt: compression flag, compression method, language tag NUL, translated keyword NUL, text
    language_end = rest.find(b"\0", 2)
    translated_end = rest.find(b"\0", language_end + 1) if language_end >= 0 else -1
    if len(rest) < 4 or translated_end < 0 or rest[0] not in (0, 1):
        raise BakingError(f"{where} is malformed")
    text = rest[translated_end + 1 :]
    if rest[0] == 1:
        if rest[1] != 0:
            raise BakingError(f"{where} uses an unknown compression method")
        text = _inflate(text, where)
    try:
        return text.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BakingError(f"{where} is not valid UTF-8 text") from error


def _inflate(compressed: bytes, where: str) -> bytes:
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(compressed, MAX_CREDENTIAL_BYTES + 1)
    except zlib.error as error:
        raise BakingError(f"{where} holds broken compressed data ({error})") from error
    if len(text) > MAX_CREDENTIAL_BYTES:
        raise BakingError(
            f"{where} expands to more than {MAX_CREDENTIAL_BYTES} bytes (a decompression bomb)"
        )
    if not inflater.eof:
        raise BakingError(f"{where} holds truncated compressed data")
    return text


def _png_chunk(chunk_type: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(chunk_type + body)
    return struct.pack(">I", len(body)) + chunk_type + body + struct.pack(">I", crc)


def _check_colour_profile(chunks: list[_Chunk], image: bytes) -> None:
    """Inflate an ``iCCP`` profile in bounded steps before Pillow reads it.

    Pillow refuses a profile bomb only while its process-wide ``LOAD_TRUNCATED_IMAGES`` is
    off, and other libraries in the same process switch it on (WeasyPrint does on import).
    """
    for chunk in chunks:
        if chunk.type != b"iCCP":
            continue
        body = bytes(chunk.body(image))
        name_end = body.find(b"\0", 0, 80)
        if name_end < 1 or len(body) < name_end + 2 or body[name_end + 1] != 0:
            raise BakingError("the PNG image cannot be read (its colour profile chunk is corrupt)")
        inflater = zlib.decompressobj()
        try:
            profile = inflater.decompress(body[name_end + 2 :], MAX_COLOUR_PROFILE_BYTES + 1)
        except zlib.error as error:
            raise BakingError(
                f"the PNG image cannot be read (its colour profile is damaged: {error})"
            ) from error
        if len(profile) > MAX_COLOUR_PROFILE_BYTES or not inflater.eof:
            raise BakingError(
                "the PNG image cannot be read (its colour profile is truncated or expands to "
                f"more than {MAX_COLOUR_PROFILE_BYTES} bytes)"
            )


def _check_with_pillow(image: bytes) -> None:
    """Let Pillow confirm that the PNG is one it can read (its header fields, its chunks)."""
    try:
        with Image.open(BytesIO(image), formats=["PNG"]) as opened:
            opened.verify()
    except (OSError, ValueError, SyntaxError, EOFError, struct.error) as error:
        raise BakingError(f"the PNG image cannot be read ({error})") from error
    except Image.DecompressionBombError as error:
        raise BakingError(f"the PNG image is too large ({error})") from error
