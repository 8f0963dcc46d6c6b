"""What ``/c/<id>`` answers: content negotiation between the page, the credential and images."""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from django.http import HttpRequest

from microcred.web.credentials.documents import JWT_MEDIA_TYPE
from microcred.web.credentials.models import IssuedCredential

HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
JSON_TYPES: Final = (
    "application/vc+ld+json",
    "application/ld+json",
    "application/vc",
    "application/json",
)
PNG: Final = "image/png"
SVG: Final = "image/svg+xml"


class Representation(StrEnum):
    PAGE = "page"
    JSON = "json"
    JWT = "jwt"
    PNG = "png"
    SVG = "svg"


def offered(credential: IssuedCredential) -> list[str]:
    """Media types in the server's order of preference (it decides ties, e.g. ``*/*``)."""
    types = [*HTML_TYPES]
    if credential.is_jwt:
        types.append(JWT_MEDIA_TYPE)
    return [*types, *JSON_TYPES, PNG, SVG]


def negotiate(
    request: HttpRequest, credential: IssuedCredential
) -> tuple[Representation, str] | None:
    """(what to send, its media type), or None when nothing offered is acceptable (406)."""
    chosen = request.get_preferred_type(offered(credential))
    if chosen is None:
        return None
    if chosen in HTML_TYPES:
        return Representation.PAGE, "text/html"
    if chosen == JWT_MEDIA_TYPE:
        return Representation.JWT, JWT_MEDIA_TYPE
    if chosen == PNG:
        return Representation.PNG, PNG
    if chosen == SVG:
        return Representation.SVG, SVG
    return Representation.JSON, chosen
