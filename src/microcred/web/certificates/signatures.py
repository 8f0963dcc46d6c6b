"""Signature images: PNG or JPEG, size-capped, re-encoded as a small PNG."""

from __future__ import annotations

from typing import Final

from django.utils.translation import gettext as _

from microcred.web.lib.pictures import (
    PictureError,
    PictureTooLarge,
    PictureWrongFormat,
    pixels_only,
)

MAX_SIGNATURE_BYTES: Final = 1024 * 1024
MAX_SIGNATURE_PIXELS: Final = 4000
# Printed at most about 60 × 18 mm: more pixels than this add bytes, not sharpness.
STORED_SIZE: Final = (900, 270)


class SignatureImageError(ValueError):
    """The upload cannot be used as a signature image; the message says why."""


def clean_signature_image(data: bytes) -> bytes:
    """The upload as a PNG with nothing but its pixels, at most STORED_SIZE."""
    if len(data) > MAX_SIGNATURE_BYTES:
        raise SignatureImageError(
            _("The signature image is larger than %(size)d KB.")
            % {"size": MAX_SIGNATURE_BYTES // 1024}
        )
    try:
        return pixels_only(
            data, max_side=MAX_SIGNATURE_PIXELS, formats=("PNG", "JPEG"), fit=STORED_SIZE
        )
    except PictureWrongFormat:
        raise SignatureImageError(_("The signature image must be a PNG or JPEG file.")) from None
    except PictureTooLarge as error:
        raise SignatureImageError(
            _("The image is %(width)d×%(height)d pixels; at most %(max)d×%(max)d fit.")
            % {"width": error.width, "height": error.height, "max": MAX_SIGNATURE_PIXELS}
        ) from None
    except PictureError:
        raise SignatureImageError(
            _("The signature image is not a readable PNG or JPEG file.")
        ) from None
