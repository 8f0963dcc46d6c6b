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

The modules: ``images`` (bake / unbake either format), ``formats`` (PNG or SVG by the first
bytes), ``payload`` (the credential text and :class:`BakedCredential`), ``png``, ``svg``,
``svg_xml`` (bounded, defused SVG parsing and namespaces), ``active_content`` (what can run or
fetch), ``sanitize``, ``limits`` and ``errors``.
"""

from microcred.baking.errors import BakingError, NoCredentialError
from microcred.baking.formats import ImageFormat, image_format
from microcred.baking.images import bake, unbake
from microcred.baking.limits import (
    MAX_CREDENTIAL_BYTES,
    MAX_IMAGE_BYTES,
    MAX_PIXELS,
    MAX_PNG_CHUNKS,
    MAX_SVG_ATTRIBUTES,
    MAX_SVG_TAGS,
)
from microcred.baking.payload import BakedCredential, Kind
from microcred.baking.png import OB2_KEYWORD, OB3_KEYWORD, bake_png
from microcred.baking.sanitize import sanitize_svg
from microcred.baking.svg import bake_svg
from microcred.baking.svg_xml import (
    OB2_NAMESPACE,
    OB3_NAMESPACE,
    SVG_NAMESPACE,
    XLINK_NAMESPACE,
    XML_NAMESPACE,
)

__all__ = [
    "MAX_CREDENTIAL_BYTES",
    "MAX_IMAGE_BYTES",
    "MAX_PIXELS",
    "MAX_PNG_CHUNKS",
    "MAX_SVG_ATTRIBUTES",
    "MAX_SVG_TAGS",
    "OB2_KEYWORD",
    "OB2_NAMESPACE",
    "OB3_KEYWORD",
    "OB3_NAMESPACE",
    "SVG_NAMESPACE",
    "XLINK_NAMESPACE",
    "XML_NAMESPACE",
    "BakedCredential",
    "BakingError",
    "ImageFormat",
    "Kind",
    "NoCredentialError",
    "bake",
    "bake_png",
    "bake_svg",
    "image_format",
    "sanitize_svg",
    "unbake",
]
