"""Sanitizing an SVG from outside so that a browser can show it without running or fetching.

The document is written afresh from the parsed tree, keeping only SVG, xlink, xml and baked
credential names; the walk uses an explicit stack so deep nesting cannot exhaust recursion.
"""

from __future__ import annotations

import re
from typing import Final
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape

from microcred.baking.active_content import external_css, is_active_element, risky_css, squeeze
from microcred.baking.limits import check_image_size
from microcred.baking.svg_xml import (
    OB2_ASSERTION,
    OB2_NAMESPACE,
    OB3_CREDENTIAL,
    OB3_NAMESPACE,
    SVG_NAMESPACE,
    XLINK_NAMESPACE,
    XML_NAMESPACE,
    parse_svg,
    split_name,
)

_RASTER_DATA_URL: Final = re.compile(r"data:image/(?:png|jpeg|jpg|gif|webp)[;,]")


def sanitize_svg(data: bytes) -> bytes:
    """A copy of the SVG that a browser can show without running or fetching anything.

    Drops scripts, event handler attributes, ``foreignObject``, HTML and elements of unknown
    namespaces, animations that rewrite links or handlers, ``javascript:`` URLs, links and CSS
    ``url()`` references outside the document (except raster ``data:`` images), risky CSS, the
    DOCTYPE, comments and processing instructions. Baked credentials are kept. Use it on every
    uploaded or unbaked SVG before serving it.
    """
    check_image_size(data)
    root = parse_svg(bytes(data))
    keep_ob2 = next(root.iter(OB3_CREDENTIAL), None) is None
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    pending: list[tuple[bool, Element]] = [(False, root)]
    while pending:
        closing, element = pending.pop()
        name = _sanitized_name(element, keep_ob2)
        if closing:
            parts.append(f"</{name}>")
        elif name is not None and not is_active_element(element):
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


def _sanitized_name(element: Element, keep_ob2: bool) -> str | None:
    namespace, local = split_name(element.tag)
    if namespace in (SVG_NAMESPACE, ""):
        return local
    if namespace == OB3_NAMESPACE or (namespace == OB2_NAMESPACE and keep_ob2):
        return f"openbadges:{local}"
    return None


def _sanitized_attributes(element: Element, root: Element) -> str:
    kept: list[str] = []
    if element is root:
        kept.append(f' xmlns="{SVG_NAMESPACE}" xmlns:xlink="{XLINK_NAMESPACE}"')
        if next(root.iter(OB3_CREDENTIAL), None) is not None:
            kept.append(f' xmlns:openbadges="{OB3_NAMESPACE}"')
        elif next(root.iter(OB2_ASSERTION), None) is not None:
            kept.append(f' xmlns:openbadges="{OB2_NAMESPACE}"')
    is_link = split_name(element.tag)[1] == "a"
    for attribute, value in element.attrib.items():
        namespace, local = split_name(attribute)
        prefix = {"": "", XLINK_NAMESPACE: "xlink:", XML_NAMESPACE: "xml:"}.get(namespace)
        if prefix is None or local.lower().startswith("on") or local == "xmlns":
            continue
        squeezed = squeeze(value)
        if "javascript:" in squeezed or "vbscript:" in squeezed or risky_css(value):
            continue
        if local == "href" and not _safe_reference(squeezed, is_link):
            continue
        if external_css(value):
            continue
        escaped = escape(value, {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
        kept.append(f' {prefix}{local}="{escaped}"')
    return "".join(kept)


def _safe_reference(squeezed: str, is_link: bool) -> bool:
    if squeezed.startswith("#") or _RASTER_DATA_URL.match(squeezed):
        return True
    return is_link and squeezed.startswith(("https:", "http:", "mailto:"))


def _text(element: Element, name: str) -> str:
    text = element.text or ""
    if name.startswith("openbadges:"):
        # The baking specifications put the JSON in CDATA; "]]>" is split across two sections.
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
    return escape(text)
