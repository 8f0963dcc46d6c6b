"""Organization logos: PNG or SVG, size-capped, an SVG sanitized and a PNG re-encoded."""

from __future__ import annotations

from typing import Final

from django.utils.translation import gettext as _

from microcred.baking import BakingError, image_format, sanitize_svg
from microcred.web.lib.pictures import (
    PictureError,
    PictureTooLarge,
    pixels_only,
)

MAX_LOGO_BYTES: Final = 512 * 1024
MAX_LOGO_PIXELS: Final = 2048


class LogoError(ValueError):
    """The uploaded file cannot be used as a logo; the message says why."""


def clean_logo(data: bytes) -> tuple[bytes, str]:
    """(bytes safe to serve, content type) of an uploaded logo."""
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(
            _("The logo is larger than %(size)d KB.") % {"size": MAX_LOGO_BYTES // 1024}
        )
    try:
        kind = image_format(data)
    except BakingError:
        raise LogoError(_("The logo must be a PNG or SVG image.")) from None
    if kind == "svg":
        try:
            return sanitize_svg(data), "image/svg+xml"
        except BakingError as error:
            raise LogoError(
                _("The SVG image cannot be used: %(reason)s") % {"reason": error}
            ) from None
    return _clean_png(data), "image/png"


def _clean_png(data: bytes) -> bytes:
    try:
        return pixels_only(data, max_side=MAX_LOGO_PIXELS)
    except PictureTooLarge as error:
        raise LogoError(
            _("The logo is %(width)d×%(height)d pixels; at most %(max)d×%(max)d fit.")
            % {"width": error.width, "height": error.height, "max": MAX_LOGO_PIXELS}
        ) from None
    except PictureError:
        raise LogoError(_("The PNG file is damaged and cannot be read.")) from None
