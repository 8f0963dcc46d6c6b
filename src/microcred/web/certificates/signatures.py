"""Signature images: PNG or JPEG, size-capped, re-encoded as a small PNG."""

from __future__ import annotations

import io
from typing import Final

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

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
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in {"PNG", "JPEG"}:
                raise SignatureImageError(_("The signature image must be a PNG or JPEG file."))
            width, height = image.size
            if width > MAX_SIGNATURE_PIXELS or height > MAX_SIGNATURE_PIXELS:
                raise SignatureImageError(
                    _("The image is %(width)d×%(height)d pixels; at most %(max)d×%(max)d fit.")
                    % {"width": width, "height": height, "max": MAX_SIGNATURE_PIXELS}
                )
            image.load()
            mode = "RGBA" if image.mode in {"RGBA", "LA", "P", "PA"} else "RGB"
            picture = image.convert(mode)
    except SignatureImageError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise SignatureImageError(
            _("The signature image is not a readable PNG or JPEG file.")
        ) from None
    picture.thumbnail(STORED_SIZE)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()
