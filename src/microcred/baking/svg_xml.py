"""Reading an SVG from a stranger as XML: bounded, through defusedxml, with its namespaces.

The tag and attribute counts are capped before parsing; defusedxml refuses entity declarations
and external entities, so neither an entity-expansion bomb nor a file read can get through.
"""

from __future__ import annotations

from typing import Final
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden

from microcred.baking.errors import BakingError
from microcred.baking.limits import MAX_SVG_ATTRIBUTES, MAX_SVG_TAGS

OB3_NAMESPACE: Final = "https://purl.imsglobal.org/ob/v3p0"
OB2_NAMESPACE: Final = "http://openbadges.org"
SVG_NAMESPACE: Final = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE: Final = "http://www.w3.org/1999/xlink"
XML_NAMESPACE: Final = "http://www.w3.org/XML/1998/namespace"

OB3_CREDENTIAL: Final = f"{{{OB3_NAMESPACE}}}credential"
OB2_ASSERTION: Final = f"{{{OB2_NAMESPACE}}}assertion"


def parse_svg(data: bytes) -> Element:
    """The root of an SVG document, or a :class:`BakingError` saying why it is refused."""
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
    namespace, local = split_name(root.tag)
    if local != "svg" or namespace not in (SVG_NAMESPACE, ""):
        raise BakingError(f"the XML document is not an SVG image (its root is <{local}>)")
    return root


def split_name(name: str) -> tuple[str, str]:
    """The namespace and local name of an ElementTree ``{namespace}local`` name."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name
