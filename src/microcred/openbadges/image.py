"""Image: a picture of an achievement, a profile or a credential, by URL or data URI."""

from __future__ import annotations

from dataclasses import dataclass

from microcred.openbadges.codec import JsonObject


@dataclass(frozen=True, slots=True, kw_only=True)
class Image(JsonObject):
    """``id`` is the image's URL, or a ``data:`` URI carrying the image itself."""

    FIXED_TYPE = "Image"
    URI_FIELDS = ("id",)

    id: str
    caption: str | None = None
