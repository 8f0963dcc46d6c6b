"""Uploaded badge images: PNG or SVG, size-capped, an SVG sanitized and a PNG re-encoded."""

from __future__ import annotations

import io
from typing import Final

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from microcred.baking import BakingError, image_format, sanitize_svg

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
    # Re-encoding keeps the pixels and drops every other chunk (text, metadata, an old
    # baked credential, trailing bytes).
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width > MAX_IMAGE_PIXELS or height > MAX_IMAGE_PIXELS:
                raise BadgeImageError(
                    _("The image is %(width)d×%(height)d pixels; at most %(max)d×%(max)d fit.")
                    % {"width": width, "height": height, "max": MAX_IMAGE_PIXELS}
                )
            if image.format != "PNG":
                raise BadgeImageError(_("The image must be a PNG or SVG file."))
            image.load()
            mode = "RGBA" if image.mode in {"RGBA", "LA", "P", "PA"} else "RGB"
            out = io.BytesIO()
            image.convert(mode).save(out, format="PNG", optimize=True)
    except BadgeImageError:
        raise
    except Image.DecompressionBombError:
        raise BadgeImageError(
            _("The image has far too many pixels; at most %(max)d×%(max)d fit.")
            % {"max": MAX_IMAGE_PIXELS}
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise BadgeImageError(_("The PNG file is damaged and cannot be read.")) from None
    return out.getvalue()
