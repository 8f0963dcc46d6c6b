"""WeasyPrint's only way out: data: URIs and the shipped fonts, nothing from any network.

Every picture on a certificate is embedded as a data: URI before rendering, so a reference
WeasyPrint finds anywhere else (an achievement image URL, a stylesheet import, an SVG
``href``) is refused instead of fetched.
"""

from __future__ import annotations

import base64
from typing import Final
from urllib.parse import unquote_to_bytes

from weasyprint.urls import URLFetcher, URLFetcherResponse, path2url

from microcred.web.fonts import BOLD, REGULAR

FONT_URLS: Final = {path2url(str(REGULAR)): REGULAR, path2url(str(BOLD)): BOLD}


class RefusedURL(ValueError):
    """A URL the certificate renderer does not fetch."""


class LocalOnlyFetcher(URLFetcher):
    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            body, media_type = decode_data_uri(url)
            return URLFetcherResponse(url, body, {"Content-Type": media_type})
        font = FONT_URLS.get(url)
        if font is not None:
            return URLFetcherResponse(url, font.read_bytes(), {"Content-Type": "font/ttf"})
        self.refused.append(url)
        raise RefusedURL(f"certificates fetch nothing but data: URIs and their fonts: {url}")


def decode_data_uri(url: str) -> tuple[bytes, str]:
    header, comma, payload = url.removeprefix("data:").partition(",")
    if not comma:
        raise RefusedURL("a data: URI without a comma")
    parameters = header.split(";")
    media_type = parameters[0] or "text/plain"
    if "base64" in parameters[1:]:
        return base64.b64decode(payload, validate=False), media_type
    return unquote_to_bytes(payload), media_type


def data_uri(body: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(body).decode('ascii')}"
