"""What in an SVG can run code or fetch from elsewhere once a browser shows it.

Baking refuses an SVG with any of it and the sanitizer drops it; both ask these questions.
"""

from __future__ import annotations

import re
from typing import Final
from xml.etree.ElementTree import Element

from microcred.baking.svg_xml import split_name

# Elements that run code or pull in whole documents, in SVG or in HTML under foreignObject.
_ACTIVE_ELEMENTS: Final = frozenset(
    {"script", "handler", "listener", "iframe", "frame", "frameset", "embed", "object"}
    | {"applet", "base", "meta", "link", "portal", "form"}
)
_ANIMATIONS: Final = frozenset({"set", "animate", "animateTransform", "animateMotion"})
_DANGEROUS_CSS: Final = ("javascript:", "vbscript:", "expression(", "-moz-binding", "behavior:")
# url() whose target is neither a fragment nor a raster data URL (matched in lower case), and
# the CSS that loads from a plain string.
_CSS_URL_FETCH: Final = re.compile(
    r"url\((?!\s*[\"']?\s*(?:#|data:image/(?:png|jpeg|jpg|gif|webp)[;,]))"
)
_CSS_FETCH_FUNCTIONS: Final = ("@import", "image(", "image-set(", "cross-fade(", "element(")
_IGNORED_IN_URLS: Final = re.compile(r"[\x00-\x20\x7f]+")


def active_content(root: Element) -> str | None:
    """What makes the SVG active, in a few words, or None if nothing does."""
    for element in root.iter():
        local = split_name(element.tag)[1]
        if local in _ACTIVE_ELEMENTS:
            return f"a <{local}> element"
        if local in _ANIMATIONS and _animates_link_or_handler(element):
            return f"a <{local}> that rewrites {element.get('attributeName')}"
        if local == "style" and risky_css(element.text or ""):
            return "a <style> element with scriptable CSS"
        for attribute, value in element.attrib.items():
            name = split_name(attribute)[1]
            if name.lower().startswith("on"):
                return f"an event handler attribute {name}"
            squeezed = squeeze(value)
            if "javascript:" in squeezed or "vbscript:" in squeezed:
                return f"a script URL in attribute {name}"
            if name == "href" and squeezed.startswith("data:") and squeezed[5:11] != "image/":
                return f"a data URL that is not an image in attribute {name}"
            if name == "style" and risky_css(value):
                return "scriptable CSS in a style attribute"
    return None


def is_active_element(element: Element) -> bool:
    """For sanitizing: everything that can run, embed or fetch documents is dropped."""
    local = split_name(element.tag)[1]
    if local in _ACTIVE_ELEMENTS or local == "foreignObject":
        return True
    if local in _ANIMATIONS and _animates_link_or_handler(element):
        return True
    return local == "style" and (risky_css(element.text or "") or external_css(element.text))


def external_css(css: str | None) -> bool:
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


def risky_css(css: str) -> bool:
    """Whether CSS can run script (a script URL, ``expression()``, a binding)."""
    if ":" not in css and "(" not in css:
        return False
    squeezed = squeeze(css)
    return any(marker in squeezed for marker in _DANGEROUS_CSS)


def squeeze(value: str) -> str:
    """Lower case without whitespace and control characters, as browsers read URL schemes."""
    if ":" not in value and "(" not in value:
        return value.strip().lower()  # no scheme and no CSS function: nothing to unmask
    return _IGNORED_IN_URLS.sub("", value).lower()


def _animates_link_or_handler(element: Element) -> bool:
    target = split_name(element.get("attributeName", ""))[1].split(":")[-1].strip().lower()
    return target.startswith("on") or target == "href"
