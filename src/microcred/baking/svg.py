"""Baked SVG: the credential in an ``<openbadges:credential>`` first child of the SVG root.

Open Badges 3.0 puts JSON in the element's body as CDATA and a JWS in its ``verify`` attribute
(namespace ``https://purl.imsglobal.org/ob/v3p0``). Open Badges 2.0 used an
``<openbadges:assertion>`` (namespace ``http://openbadges.org``) holding an assertion's JSON, a
JWS or the URL of a hosted assertion; those are read too. Baking splices the element into the
bytes of the document, so everything else in the image stays exactly as it was.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final
from xml.etree.ElementTree import Element
from xml.parsers import expat

from microcred.baking.active_content import active_content
from microcred.baking.errors import BakingError
from microcred.baking.limits import MAX_CREDENTIAL_BYTES, MAX_IMAGE_BYTES, check_image_size
from microcred.baking.payload import (
    XML_WHITESPACE,
    BakedCredential,
    baked,
    check_one,
    credential_text,
)
from microcred.baking.svg_xml import OB2_ASSERTION, OB3_CREDENTIAL, OB3_NAMESPACE, parse_svg

_NOT_XML_CHARACTER: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
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
    text, is_jwt = credential_text(credential)
    if _NOT_XML_CHARACTER.search(text):
        raise BakingError("the credential contains characters that XML cannot carry")
    check_image_size(image)
    image = _as_utf8(bytes(image))
    root = parse_svg(image)
    reason = active_content(root)
    if reason:
        raise BakingError(
            f"refusing to bake into an SVG with active content ({reason}); sanitize it first"
        )
    root_start, root_end, cuts = _svg_layout(image)
    start_tag = image[root_start:root_end]
    self_closing = start_tag.endswith(b"/>")
    opening = _declare_namespace(start_tag.removesuffix(b"/>").removesuffix(b">"))
    baked_image = bytearray(image[:root_start] + opening + b">" + _credential_element(text, is_jwt))
    position = root_end
    for cut_start, cut_end in cuts:
        if cut_start >= position:
            baked_image += image[position:cut_start]
            position = cut_end
    baked_image += image[position:]
    if self_closing:
        baked_image += b"</" + re.match(rb"<([^\s/>]+)", start_tag)[1] + b">"  # type: ignore[index]
    if len(baked_image) > MAX_IMAGE_BYTES:
        raise BakingError(f"the baked image would be larger than {MAX_IMAGE_BYTES} bytes")
    _check_round_trip(bytes(baked_image), text, is_jwt)
    return bytes(baked_image)


def unbake_svg(data: bytes) -> BakedCredential:
    """The credential baked into an SVG whose size has been checked."""
    root = parse_svg(data)
    ob3 = list(root.iter(OB3_CREDENTIAL))
    ob2 = list(root.iter(OB2_ASSERTION))
    check_one(len(ob3), len(ob2), "svg", "openbadges:credential or openbadges:assertion elements")
    element, is_ob2 = (ob3[0], False) if ob3 else (ob2[0], True)
    return baked(_element_text(element, ob2=is_ob2), ob2=is_ob2, image_format="svg")


def _element_text(element: Element, *, ob2: bool) -> str:
    body = "".join(element.itertext())
    verify = element.get("verify")
    if len(body) > MAX_CREDENTIAL_BYTES or len(verify or "") > MAX_CREDENTIAL_BYTES:
        raise BakingError(f"the baked credential is larger than {MAX_CREDENTIAL_BYTES} bytes")
    name = "openbadges:assertion" if ob2 else "openbadges:credential"
    if body.strip(XML_WHITESPACE):
        # Open Badges 2.0 may name the hosted assertion's URL in verify beside its JSON body.
        if not ob2 and verify and verify.strip(XML_WHITESPACE):
            raise BakingError(f"the {name} element has both a verify attribute and a body")
        return body
    if verify is not None and verify.strip(XML_WHITESPACE):
        return verify
    raise BakingError(f"the {name} element is empty")


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
        starts.append(parser.CurrentByteIndex if tag in (OB3_CREDENTIAL, OB2_ASSERTION) else None)

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


def _check_round_trip(image: bytes, text: str, is_jwt: bool) -> None:
    """Read the baked SVG back: a DTD default attribute or a namespace trick must not win."""
    expected = text.replace("\r\n", "\n").replace("\r", "\n").strip(XML_WHITESPACE)
    try:
        found = unbake_svg(image)
    except BakingError as error:
        raise BakingError(f"the SVG cannot carry the credential ({error})") from error
    if found.text != expected or (found.kind == "ob3-jwt") != is_jwt:
        raise BakingError("the SVG's markup changes the baked credential; sanitize it first")
