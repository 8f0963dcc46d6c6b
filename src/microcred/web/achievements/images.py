"""Uploaded badge images: PNG or SVG, size-capped, an SVG sanitized and a PNG re-encoded."""

from __future__ import annotations

from typing import Final

from django.utils.translation import gettext as _

from microcred.baking import BakingError, image_format, sanitize_svg
from microcred.web.lib.pictures import (
    PictureBomb,
    PictureError,
    PictureTooLarge,
    PictureWrongFormat,
    pixels_only,
)

MAX_IMAGE_BYTES: Final = 512 * 1024
MAX_IMAGE_PIXELS: Final = 2048
SVG: Final = "image/svg+xml"
PNG: Final = "image/png"


class BadgeImageError(ValueError):
    """The uploaded file cannot be used as a badge image; the message says why."""


def clean_upload(data: bytes) -> tuple[bytes, str, bytes | None]:
    """(bytes safe to serve, content type, PNG for baking or None) of an uploaded image.

    An uploaded SVG has no PNG: microcred draws no SVG it did not design itself.
    """
    if len(data) > MAX_IMAGE_BYTES:
        raise BadgeImageError(
            _("The image is larger than %(size)d KB.") % {"size": MAX_IMAGE_BYTES // 1024}
        )
    try:
        kind = image_format(data)
    except BakingError:
        raise BadgeImageError(_("The image must be a PNG or SVG file.")) from None
    if kind == "svg":
        try:
            return sanitize_svg(data), SVG, None
        except BakingError as error:
            raise BadgeImageError(
                _("The SVG image cannot be used: %(reason)s") % {"reason": error}
            ) from None
    png = _clean_png(data)
    return png, PNG, png


def _clean_png(data: bytes) -> bytes:
    try:
        return pixels_only(data, max_side=MAX_IMAGE_PIXELS)
    except PictureWrongFormat:
        raise BadgeImageError(_("The image must be a PNG or SVG file.")) from None
    except PictureTooLarge as error:
        raise BadgeImageError(
            _("The image is %(width)d×%(height)d pixels; at most %(max)d×%(max)d fit.")
            % {"width": error.width, "height": error.height, "max": MAX_IMAGE_PIXELS}
        ) from None
    except PictureBomb:
        raise BadgeImageError(
            _("The image has far too many pixels; at most %(max)d×%(max)d fit.")
            % {"max": MAX_IMAGE_PIXELS}
        ) from None
    except PictureError:
        raise BadgeImageError(_("The PNG file is damaged and cannot be read.")) from None
