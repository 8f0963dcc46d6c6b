"""Baked badges: an Open Badges credential carried inside its PNG or SVG image.

Open Badges 3.0 puts the credential (its JSON, or the compact JWS of a VC-JWT) in a PNG ``iTXt``
chunk with the keyword ``openbadgecredential``, or in an ``<openbadges:credential>`` element
(namespace ``https://purl.imsglobal.org/ob/v3p0``) that is the first child of the SVG root: JSON
as CDATA in the body, a JWS in the ``verify`` attribute. Open Badges 2.0 used the keyword
``openbadges`` and an ``<openbadges:assertion>`` element (namespace ``http://openbadges.org``)
holding an assertion's JSON, a JWS or the URL of a hosted assertion; those are read too.

Baking inserts the credential text exactly as given, so a signed credential stays byte-identical;
everything else in the image is kept as it was. Images come from strangers, so reading is
bounded: sizes are capped before anything is parsed, PNG chunks are checked against their CRCs,
compressed text is inflated in bounded steps, SVG goes through defusedxml (no entity
declarations, no external entities) and every failure is a :class:`BakingError` with a sentence.

Unbaking never renders or runs anything. An SVG from outside may still hold scripts, so the web
layer must pass it through :func:`sanitize_svg` before serving it to a browser.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from io import BytesIO
from typing import Any, Final, Literal
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, ParseError
from xml.parsers import expat
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from PIL import Image

MAX_IMAGE_BYTES: Final = 20 * 1024 * 1024
MAX_CREDENTIAL_BYTES: Final = 4 * 1024 * 1024
MAX_PIXELS: Final = 50_000_000
MAX_PNG_CHUNKS: Final = 100_000
# Parsed XML takes 20-30 times the memory of its text; these caps bound a hostile SVG's cost.
MAX_SVG_TAGS: Final = 50_000
MAX_SVG_ATTRIBUTES: Final = 100_000

OB3_KEYWORD: Final = "openbadgecredential"
OB2_KEYWORD: Final = "openbadges"
OB3_NAMESPACE: Final = "https://purl.imsglobal.org/ob/v3p0"
OB2_NAMESPACE: Final = "http://openbadges.org"
SVG_NAMESPACE: Final = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE: Final = "http://www.w3.org/1999/xlink"
XML_NAMESPACE: Final = "http://www.w3.org/XML/1998/namespace"

Kind = Literal["ob3-json", "ob3-jwt", "ob2-json", "ob2-jws", "ob2-url"]
ImageFormat = Literal["png", "svg"]


class BakingError(ValueError):
    """An image that cannot be baked or unbaked, with the reason in a sentence."""


class NoCredentialError(BakingError):
    """A readable image that carries no baked credential."""


@dataclass(frozen=True, slots=True)
class BakedCredential:
    """What an image carries.

    ``payload`` is the parsed JSON object for the ``*-json`` kinds and the text itself (a JWS or
    a URL) otherwise; ``text`` is the text exactly as found, without surrounding whitespace.
    """

    kind: Kind
    payload: str | dict[str, Any]
    image_format: ImageFormat
    text: str


def image_format(data: bytes) -> ImageFormat:
    """``"png"`` or ``"svg"``, told by the first bytes (never by a file name)."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise BakingError(f"an image is bytes, not {type(data).__name__}")
    head = bytes(data[:64])
    if head.startswith(_PNG_SIGNATURE):
        return "png"
    for magic, name in _OTHER_FORMATS:
        if head.startswith(magic) and (name != "WebP" or head[8:12] == b"WEBP"):
            raise BakingError(f"a {name} file cannot carry a baked credential; use PNG or SVG")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "svg"  # UTF-16 text; the XML parser decides whether it is an SVG
    if head.removeprefix(_UTF8_BOM).lstrip(b" \t\r\n").startswith(b"<"):
        return "svg"
    raise BakingError("the file is neither a PNG nor an SVG image")


def bake(image: bytes, credential: Mapping[str, Any] | str) -> bytes:
    """Bake ``credential`` into a PNG or SVG image, whichever ``image`` is."""
    if image_format(image) == "png":
        return bake_png(image, credential)
    return bake_svg(image, credential)


def unbake(data: bytes) -> BakedCredential:
    """The credential baked into a PNG or SVG image (Open Badges 3.0 or 2.0)."""
    _check_image_size(data)
    data = bytes(data)
    if image_format(data) == "png":
        return _unbake_png(data)
    return _unbake_svg(data)


# --- the credential text ---------------------------------------------------------------------

_JWS: Final = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
_XML_WHITESPACE: Final = " \t\r\n"
_NOT_XML_CHARACTER: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _credential_text(credential: Mapping[str, Any] | str) -> tuple[str, bool]:
    """The text to bake and whether it is a JWS; a string is kept exactly as given."""
    if isinstance(credential, str):
        text = credential
    elif isinstance(credential, Mapping):
        try:
            text = json.dumps(
                dict(credential), ensure_ascii=False, separators=(",", ":"), allow_nan=False
            )
        except (TypeError, ValueError, RecursionError) as error:
            raise BakingError(f"the credential cannot be written as JSON ({error})") from error
    else:
        raise BakingError(f"a credential is a JSON object or a string, not {type(credential)}")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as error:
        raise BakingError("the credential text is not valid Unicode") from error
    if size > MAX_CREDENTIAL_BYTES:
        raise BakingError(f"the credential is {size} bytes, more than {MAX_CREDENTIAL_BYTES}")
    kind, _ = _read_text(text, ob2=False, origin="the credential")
    return text, kind == "ob3-jwt"


def _read_text(text: str, *, ob2: bool, origin: str) -> tuple[Kind, str | dict[str, Any]]:
    stripped = text.strip(_XML_WHITESPACE)
    if stripped.startswith("{"):
        return ("ob2-json" if ob2 else "ob3-json"), _json_object(stripped, origin)
    if _JWS.fullmatch(stripped):
        return ("ob2-jws" if ob2 else "ob3-jwt"), stripped
    if ob2 and _is_web_url(stripped):
        return "ob2-url", stripped
    expected = (
        "a JSON object, a compact JWS nor a web URL" if ob2 else "a JSON object nor a compact JWS"
    )
    raise BakingError(f"{origin} is neither {expected}")


def _json_object(text: str, origin: str) -> dict[str, Any]:
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        raise BakingError(f"{origin} holds broken JSON ({error})") from error
    if not isinstance(value, dict):
        raise BakingError(f"{origin} holds JSON that is not an object")
    return value


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _is_web_url(text: str) -> bool:
    if len(text) > 4096 or any(character.isspace() for character in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _check_image_size(data: bytes) -> None:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise BakingError(f"an image is bytes, not {type(data).__name__}")
    if len(data) > MAX_IMAGE_BYTES:
        raise BakingError(
            f"the image is {len(data)} bytes, more than the {MAX_IMAGE_BYTES} allowed"
        )


def _check_one(ob3: int, ob2: int, image_format: ImageFormat, where: str) -> None:
    if not ob3 and not ob2:
        raise NoCredentialError(f"the {image_format.upper()} image carries no baked credential")
    if ob3 + ob2 > 1:
        raise BakingError(
            f"the {image_format.upper()} image carries {ob3 + ob2} credentials ({where}); "
            "exactly one is allowed, so it is ambiguous which to trust"
        )


def _baked(text: str, *, ob2: bool, image_format: ImageFormat) -> BakedCredential:
    origin = f"the baked {'Open Badges 2.0 assertion' if ob2 else 'credential'}"
    kind, payload = _read_text(text, ob2=ob2, origin=origin)
    return BakedCredential(kind, payload, image_format, text.strip(_XML_WHITESPACE))


# --- PNG -------------------------------------------------------------------------------------
# Pillow exposes PNG text only as a merged dictionary (duplicates collapse, chunk kinds are lost)
# and re-encodes every pixel when saving, so the 12-byte chunk framing is read and written here.

_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_UTF8_BOM: Final = b"\xef\xbb\xbf"
_TEXT_CHUNKS: Final = frozenset({b"tEXt", b"zTXt", b"iTXt"})
_BADGE_KEYWORDS: Final = {OB3_KEYWORD.encode(): False, OB2_KEYWORD.encode(): True}
_OTHER_FORMATS: Final = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"RIFF", "WebP"),
    (b"%PDF-", "PDF"),
    (b"\x1f\x8b", "gzip-compressed (SVGZ)"),
)


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
    text, _ = _credential_text(credential)
    _check_image_size(image)
    image = bytes(image)
    if image_format(image) != "png":
        raise BakingError("the image is not a PNG")
    chunks = _png_chunks(image)
    _check_with_pillow(image)
    body = OB3_KEYWORD.encode("latin-1") + b"\0\0\0\0\0" + text.encode("utf-8")
    credential_chunk = _png_chunk(b"iTXt", body)
    baked = bytearray(_PNG_SIGNATURE)
    for chunk in chunks:
        if chunk.type in _TEXT_CHUNKS and _keyword(chunk.body(image)) in _BADGE_KEYWORDS:
            continue
        if chunk.type == b"IDAT" and credential_chunk:
            baked += credential_chunk
            credential_chunk = b""
        baked += image[chunk.start : chunk.end]
    if len(baked) > MAX_IMAGE_BYTES:
        raise BakingError(f"the baked image would be larger than {MAX_IMAGE_BYTES} bytes")
    return bytes(baked)


def _unbake_png(data: bytes) -> BakedCredential:
    found = [
        (chunk, keyword)
        for chunk in _png_chunks(data)
        if chunk.type in _TEXT_CHUNKS and (keyword := _keyword(chunk.body(data))) in _BADGE_KEYWORDS
    ]
    ob2 = sum(1 for _, keyword in found if _BADGE_KEYWORDS[keyword])
    where = "text chunks with keyword openbadgecredential or openbadges"
    _check_one(len(found) - ob2, ob2, "png", where)
    chunk, keyword = found[0]
    body = chunk.body(data)
    if len(body) > MAX_CREDENTIAL_BYTES + 1024:
        raise BakingError(
            f"the PNG {keyword.decode()} chunk is {len(body)} bytes, "
            f"more than the {MAX_CREDENTIAL_BYTES} allowed for a credential"
        )
    text = _chunk_text(chunk.type, bytes(body[len(keyword) + 1 :]), keyword.decode())
    return _baked(text, ob2=_BADGE_KEYWORDS[keyword], image_format="png")


def _png_chunks(data: bytes) -> list[_Chunk]:
    """Every chunk up to IEND, each checked against its CRC; the IHDR size is capped."""
    view = memoryview(data)
    if not data.startswith(_PNG_SIGNATURE):
        raise BakingError("the image is not a PNG")
    chunks: list[_Chunk] = []
    position = len(_PNG_SIGNATURE)
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


def _check_with_pillow(image: bytes) -> None:
    """Let Pillow confirm that the PNG is one it can read (its header fields, its chunks)."""
    try:
        with Image.open(BytesIO(image), formats=["PNG"]) as opened:
            opened.verify()
    except (OSError, ValueError, SyntaxError, EOFError, struct.error) as error:
        raise BakingError(f"the PNG image cannot be read ({error})") from error
    except Image.DecompressionBombError as error:
        raise BakingError(f"the PNG image is too large ({error})") from error


# --- SVG -------------------------------------------------------------------------------------

_OB3_CREDENTIAL: Final = f"{{{OB3_NAMESPACE}}}credential"
_OB2_ASSERTION: Final = f"{{{OB2_NAMESPACE}}}assertion"
# Elements that run code or pull in whole documents, in SVG or in HTML under foreignObject.
_ACTIVE_ELEMENTS: Final = frozenset(
    {"script", "handler", "listener", "iframe", "frame", "frameset", "embed", "object"}
    | {"applet", "base", "meta", "link", "portal", "form"}
)
_ANIMATIONS: Final = frozenset({"set", "animate", "animateTransform", "animateMotion"})
_DANGEROUS_CSS: Final = ("javascript:", "vbscript:", "expression(", "-moz-binding", "behavior:")
_RASTER_DATA_URL: Final = re.compile(r"data:image/(?:png|jpeg|jpg|gif|webp)[;,]")
# url() whose target is neither a fragment nor a raster data URL (matched in lower case), and
# the CSS that loads from a plain string.
_CSS_URL_FETCH: Final = re.compile(
    r"url\((?!\s*[\"']?\s*(?:#|data:image/(?:png|jpeg|jpg|gif|webp)[;,]))"
)
_CSS_FETCH_FUNCTIONS: Final = ("@import", "image(", "image-set(", "cross-fade(", "element(")
_IGNORED_IN_URLS: Final = re.compile(r"[\x00-\x20\x7f]+")
_XML_ENCODING: Final = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\sencoding\s*=\s*[\"']([^\"']*)[\"']"
)
_START_TAG: Final = re.compile(rb"<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*/?>")
_ATTRIBUTE: Final = re.compile(rb"\s([^\s=/>]+)\s*=\s*(\"[^\"]*\"|'[^']*')")


def bake_svg(image: bytes, credential: Mapping[str, Any] | str) -> bytes:
    """The SVG with ``credential`` in an ``<openbadges:credential>`` first child of the root.

    The image is changed only there: the root start tag gains the ``xmlns:openbadges``
    declaration, the element is inserted after it, and any credential element baked before
    (Open Badges 3.0 or 2.0) is cut out. An SVG with scripts or event handlers is refused.
    """
    text, is_jwt = _credential_text(credential)
    if _NOT_XML_CHARACTER.search(text):
        raise BakingError("the credential contains characters that XML cannot carry")
    _check_image_size(image)
    image = _as_utf8(bytes(image))
    root = _parse_svg(image)
    reason = _active_content(root)
    if reason:
        raise BakingError(
            f"refusing to bake into an SVG with active content ({reason}); sanitize it first"
        )
    root_start, root_end, cuts = _svg_layout(image)
    start_tag = image[root_start:root_end]
    self_closing = start_tag.endswith(b"/>")
    opening = _declare_namespace(start_tag.removesuffix(b"/>").removesuffix(b">"))
    baked = bytearray(image[:root_start] + opening + b">" + _credential_element(text, is_jwt))
    position = root_end
    for cut_start, cut_end in cuts:
        if cut_start >= position:
            baked += image[position:cut_start]
            position = cut_end
    baked += image[position:]
    if self_closing:
        baked += b"</" + re.match(rb"<([^\s/>]+)", start_tag)[1] + b">"  # type: ignore[index]
    if len(baked) > MAX_IMAGE_BYTES:
        raise BakingError(f"the baked image would be larger than {MAX_IMAGE_BYTES} bytes")
    _check_round_trip(bytes(baked), text, is_jwt)
    return bytes(baked)


def sanitize_svg(data: bytes) -> bytes:
    """A copy of the SVG that a browser can show without running or fetching anything.

    Drops scripts, event handler attributes, ``foreignObject``, HTML and elements of unknown
    namespaces, animations that rewrite links or handlers, ``javascript:`` URLs, links and CSS
    ``url()`` references outside the document (except raster ``data:`` images), risky CSS, the
    DOCTYPE, comments and processing instructions. Baked credentials are kept. Use it on every
    uploaded or unbaked SVG before serving it.
    """
    _check_image_size(data)
    root = _parse_svg(bytes(data))
    keep_ob2 = next(root.iter(_OB3_CREDENTIAL), None) is None
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    pending: list[tuple[bool, Element]] = [(False, root)]
    while pending:
        closing, element = pending.pop()
        name = _sanitized_name(element, keep_ob2)
        if closing:
            parts.append(f"</{name}>")
        elif name is not None and not _is_active_element(element):
            attributes = _sanitized_attributes(element, root)
            if not element.text and not len(element):
                parts.append(f"<{name}{attributes}/>")
            else:
                parts.append(f"<{name}{attributes}>")
                if element.text:
                    parts.append(_text(element, name))
                pending.append((True, element))
                pending.extend((False, child) for child in reversed(element))
                continue
        if element is not root and element.tail:
            parts.append(escape(element.tail))
    return "".join(parts).encode("utf-8")


def _unbake_svg(data: bytes) -> BakedCredential:
    root = _parse_svg(data)
    ob3 = list(root.iter(_OB3_CREDENTIAL))
    ob2 = list(root.iter(_OB2_ASSERTION))
    _check_one(len(ob3), len(ob2), "svg", "openbadges:credential or openbadges:assertion elements")
    element, is_ob2 = (ob3[0], False) if ob3 else (ob2[0], True)
    return _baked(_element_text(element, ob2=is_ob2), ob2=is_ob2, image_format="svg")


def _element_text(element: Element, *, ob2: bool) -> str:
    body = "".join(element.itertext())
    verify = element.get("verify")
    if len(body) > MAX_CREDENTIAL_BYTES or len(verify or "") > MAX_CREDENTIAL_BYTES:
        raise BakingError(f"the baked credential is larger than {MAX_CREDENTIAL_BYTES} bytes")
    name = "openbadges:assertion" if ob2 else "openbadges:credential"
    if body.strip(_XML_WHITESPACE):
        # Open Badges 2.0 may name the hosted assertion's URL in verify beside its JSON body.
        if not ob2 and verify and verify.strip(_XML_WHITESPACE):
            raise BakingError(f"the {name} element has both a verify attribute and a body")
        return body
    if verify is not None and verify.strip(_XML_WHITESPACE):
        return verify
    raise BakingError(f"the {name} element is empty")


def _parse_svg(data: bytes) -> Element:
    if data.count(b"<") > MAX_SVG_TAGS:
        raise BakingError(f"the SVG has more than {MAX_SVG_TAGS} tags; refused")
    if data.count(b"=") > MAX_SVG_ATTRIBUTES:
        raise BakingError(f"the SVG has more than {MAX_SVG_ATTRIBUTES} attributes; refused")
    try:
        root = SafeElementTree.fromstring(data)
    except EntitiesForbidden as error:
        raise BakingError(
            "the SVG declares XML entities (<!ENTITY>), which are refused: they allow "
            "entity-expansion bombs and reading files from the server"
        ) from error
    except ExternalReferenceForbidden as error:
        raise BakingError("the SVG refers to an external XML entity, which is refused") from error
    except DefusedXmlException as error:
        raise BakingError(f"the SVG uses XML features that are refused ({error})") from error
    except (ParseError, ValueError, LookupError) as error:
        raise BakingError(f"the SVG is not well-formed XML ({error})") from error
    namespace, local = _split(root.tag)
    if local != "svg" or namespace not in (SVG_NAMESPACE, ""):
        raise BakingError(f"the XML document is not an SVG image (its root is <{local}>)")
    return root


def _active_content(root: Element) -> str | None:
    for element in root.iter():
        local = _split(element.tag)[1]
        if local in _ACTIVE_ELEMENTS:
            return f"a <{local}> element"
        if local in _ANIMATIONS and _animates_link_or_handler(element):
            return f"a <{local}> that rewrites {element.get('attributeName')}"
        if local == "style" and _risky_css(element.text or ""):
            return "a <style> element with scriptable CSS"
        for attribute, value in element.attrib.items():
            name = _split(attribute)[1]
            if name.lower().startswith("on"):
                return f"an event handler attribute {name}"
            squeezed = _squeeze(value)
            if "javascript:" in squeezed or "vbscript:" in squeezed:
                return f"a script URL in attribute {name}"
            if name == "href" and squeezed.startswith("data:") and squeezed[5:11] != "image/":
                return f"a data URL that is not an image in attribute {name}"
            if name == "style" and _risky_css(value):
                return "scriptable CSS in a style attribute"
    return None


def _is_active_element(element: Element) -> bool:
    """For sanitizing: everything that can run, embed or fetch documents is dropped."""
    local = _split(element.tag)[1]
    if local in _ACTIVE_ELEMENTS or local == "foreignObject":
        return True
    if local in _ANIMATIONS and _animates_link_or_handler(element):
        return True
    return local == "style" and (_risky_css(element.text or "") or _external_css(element.text))


def _animates_link_or_handler(element: Element) -> bool:
    target = _split(element.get("attributeName", ""))[1].split(":")[-1].strip().lower()
    return target.startswith("on") or target == "href"


def _sanitized_name(element: Element, keep_ob2: bool) -> str | None:
    namespace, local = _split(element.tag)
    if namespace in (SVG_NAMESPACE, ""):
        return local
    if namespace == OB3_NAMESPACE or (namespace == OB2_NAMESPACE and keep_ob2):
        return f"openbadges:{local}"
    return None


def _sanitized_attributes(element: Element, root: Element) -> str:
    kept: list[str] = []
    if element is root:
        kept.append(f' xmlns="{SVG_NAMESPACE}" xmlns:xlink="{XLINK_NAMESPACE}"')
        if next(root.iter(_OB3_CREDENTIAL), None) is not None:
            kept.append(f' xmlns:openbadges="{OB3_NAMESPACE}"')
        elif next(root.iter(_OB2_ASSERTION), None) is not None:
            kept.append(f' xmlns:openbadges="{OB2_NAMESPACE}"')
    is_link = _split(element.tag)[1] == "a"
    for attribute, value in element.attrib.items():
        namespace, local = _split(attribute)
        prefix = {"": "", XLINK_NAMESPACE: "xlink:", XML_NAMESPACE: "xml:"}.get(namespace)
        if prefix is None or local.lower().startswith("on") or local == "xmlns":
            continue
        squeezed = _squeeze(value)
        if "javascript:" in squeezed or "vbscript:" in squeezed or _risky_css(value):
            continue
        if local == "href" and not _safe_reference(squeezed, is_link):
            continue
        if _external_css(value):
            continue
        escaped = escape(value, {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
        kept.append(f' {prefix}{local}="{escaped}"')
    return "".join(kept)


def _safe_reference(squeezed: str, is_link: bool) -> bool:
    if squeezed.startswith("#") or _RASTER_DATA_URL.match(squeezed):
        return True
    return is_link and squeezed.startswith(("https:", "http:", "mailto:"))


def _external_css(css: str | None) -> bool:
    """Whether CSS may load something from outside the document."""
    if not css:
        return False
    # A backslash may be a CSS escape spelling "url(" or "@import" in disguise.
    if "\\" in css:
        return True
    if "(" not in css and "@" not in css:
        return False
    lowered = css.lower()
    if any(function in lowered for function in _CSS_FETCH_FUNCTIONS):
        return True
    return _CSS_URL_FETCH.search(lowered) is not None


def _risky_css(css: str) -> bool:
    if ":" not in css and "(" not in css:
        return False
    squeezed = _squeeze(css)
    return any(marker in squeezed for marker in _DANGEROUS_CSS)


def _squeeze(value: str) -> str:
    """Lower case without whitespace and control characters, as browsers read URL schemes."""
    if ":" not in value and "(" not in value:
        return value.strip().lower()  # no scheme and no CSS function: nothing to unmask
    return _IGNORED_IN_URLS.sub("", value).lower()


def _text(element: Element, name: str) -> str:
    text = element.text or ""
    if name.startswith("openbadges:"):
        # The baking specifications put the JSON in CDATA; "]]>" is split across two sections.
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
    return escape(text)


def _split(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _as_utf8(image: bytes) -> bytes:
    """The SVG as UTF-8, because baking splices UTF-8 text into its bytes."""
    if image.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BakingError("only UTF-8 SVG images can be baked; this one is UTF-16")
    declared = _XML_ENCODING.match(image)
    if declared is None or declared[1].lower() in (b"utf-8", b"utf8"):
        return image
    if not image.isascii():
        raise BakingError(
            f"only UTF-8 SVG images can be baked; this one is {declared[1].decode('latin-1')}"
        )
    # Plain ASCII is already UTF-8: only the declaration needs to say so.
    return image[: declared.start(1)] + b"UTF-8" + image[declared.end(1) :]


def _svg_layout(image: bytes) -> tuple[int, int, list[tuple[int, int]]]:
    """Byte offsets of the root start tag and of every baked credential element.

    Run only on a document that defusedxml has accepted, so plain expat is safe here; expat is
    used because it reports where each tag starts in the bytes.
    """
    parser = expat.ParserCreate(namespace_separator="}")
    starts: list[int | None] = []
    cuts: list[tuple[int, int]] = []
    root: list[int] = []

    def start(name: str, _attributes: dict[str, str]) -> None:
        if not root:
            root.append(parser.CurrentByteIndex)
        tag = "{" + name if "}" in name else name
        starts.append(parser.CurrentByteIndex if tag in (_OB3_CREDENTIAL, _OB2_ASSERTION) else None)

    def end(_name: str) -> None:
        begin = starts.pop()
        if begin is None:
            return
        tag_end = _start_tag_end(image, begin)
        if image[tag_end - 2 : tag_end] != b"/>":
            tag_end = image.index(b">", parser.CurrentByteIndex) + 1
        cuts.append((begin, tag_end))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(image, True)
    except expat.ExpatError as error:
        raise BakingError(f"the SVG is not well-formed XML ({error})") from error
    return root[0], _start_tag_end(image, root[0]), sorted(cuts)


def _start_tag_end(image: bytes, start: int) -> int:
    match = _START_TAG.match(image, start)
    if match is None:
        raise BakingError(f"the SVG has a start tag at byte {start} that cannot be read")
    return match.end()


def _declare_namespace(opening: bytes) -> bytes:
    declaration = b'xmlns:openbadges="' + OB3_NAMESPACE.encode() + b'"'
    for match in _ATTRIBUTE.finditer(opening):
        if match[1] == b"xmlns:openbadges":
            return opening[: match.start(1)] + declaration + opening[match.end(2) :]
    return opening.rstrip() + b" " + declaration


def _credential_element(text: str, is_jwt: bool) -> bytes:
    if is_jwt:
        element = f'<openbadges:credential verify="{text}"></openbadges:credential>'
    else:
        cdata = text.replace("]]>", "]]]]><![CDATA[>")
        element = f"<openbadges:credential><![CDATA[{cdata}]]></openbadges:credential>"
    return element.encode("utf-8")


def _check_round_trip(baked: bytes, text: str, is_jwt: bool) -> None:
    """Read the baked SVG back: a DTD default attribute or a namespace trick must not win."""
    expected = text.replace("\r\n", "\n").replace("\r", "\n").strip(_XML_WHITESPACE)
    try:
        found = _unbake_svg(baked)
    except BakingError as error:
        raise BakingError(f"the SVG cannot carry the credential ({error})") from error
    if found.text != expected or (found.kind == "ob3-jwt") != is_jwt:
        raise BakingError("the SVG's markup changes the baked credential; sanitize it first")
