"""Uploaded raster pictures re-encoded as PNG: the pixels kept, everything else dropped.

Re-encoding drops every other chunk (text, metadata, an old baked credential, trailing
bytes), so an upload can carry nothing but its picture. Each kind of upload (badge image,
logo, signature) has its own limits and says what is wrong in its own words, so the problems
come back as exceptions with the facts, not as sentences.
"""

from __future__ import annotations

import io
from collections.abc import Collection

from PIL import Image, UnidentifiedImageError


class PictureError(ValueError):
    """The upload cannot be used; the subclass says why."""


class PictureWrongFormat(PictureError):
    def __init__(self, found: str | None) -> None:
        super().__init__(f"the picture is {found or 'of no known format'}")
        self.found = found


class PictureTooLarge(PictureError):
    def __init__(self, width: int, height: int) -> None:
        super().__init__(f"the picture is {width}×{height} pixels")
        self.width, self.height = width, height


class PictureBomb(PictureError):
    """Far more pixels than Pillow will decode (a decompression bomb)."""


class PictureUnreadable(PictureError):
    """Damaged, truncated or not a picture at all."""


def pixels_only(
    data: bytes,
    *,
    max_side: int,
    formats: Collection[str] = ("PNG",),
    fit: tuple[int, int] | None = None,
) -> bytes:
    """``data`` (one of Pillow's ``formats``, at most ``max_side`` pixels a side) as a PNG.

    ``fit`` shrinks the picture to fit that box, keeping its proportions.
    """
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in formats:
                raise PictureWrongFormat(image.format)
            width, height = image.size
            if width > max_side or height > max_side:
                raise PictureTooLarge(width, height)
            image.load()
            mode = "RGBA" if image.mode in {"RGBA", "LA", "P", "PA"} else "RGB"
            picture = image.convert(mode)
    except PictureError:
        raise
    except Image.DecompressionBombError:
        raise PictureBomb from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise PictureUnreadable from None
    if fit is not None:
        picture.thumbnail(fit)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()
