"""Public images with a validator: answer 304 when the reader already has the bytes."""

from __future__ import annotations

import hashlib
from typing import Final

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified

# Short: the picture follows the holder's choice to hide their name within minutes.
CACHE_CONTROL: Final = "public, max-age=300"


def cached_image(request: HttpRequest, body: bytes, media_type: str) -> HttpResponse:
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    if not_modified(request, etag):
        return image_headers(HttpResponseNotModified(), etag)
    return image_headers(HttpResponse(body, content_type=media_type), etag)


def not_modified(request: HttpRequest, etag: str) -> bool:
    return etag in {tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")}


def image_headers(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    # Mail clients and other sites show these images.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
