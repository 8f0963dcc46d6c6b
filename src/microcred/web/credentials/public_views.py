"""``/c/<id>``: one credential for everyone, as a page, as the signed credential or as a badge.

Browsers get the page with the live verdict; machines get what they ask for in ``Accept``:
the signed JSON exactly as stored, the VC-JWT, or the badge image with the credential baked
in. The explicit download URLs serve the same bytes as attachments.

Engagement counts the page as a view and the explicit download URLs as downloads (see
engagement/hooks.py for when a request counts). Negotiated answers of ``/c/<id>`` are not
counted: machines reading the credential are verifying, not downloading. The page shows its
badge through ``image.png``, which is never counted, so looking at a page is not a download.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Final

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from microcred.baking import bake_png, bake_svg
from microcred.web.credentials.addresses import public_url
from microcred.web.credentials.art import badge_art
from microcred.web.credentials.documents import JWT_MEDIA_TYPE, credential_json, json_text
from microcred.web.credentials.models import IssuedCredential
from microcred.web.credentials.representations import PNG, SVG, Representation, negotiate
from microcred.web.credentials.verdict import live_report
from microcred.web.engagement.hooks import count_download, count_view
from microcred.web.engagement.kinds import DownloadChannel
from microcred.web.verify.elements import eu_rows
from microcred.web.verify.presentation import present, web_url

JSON_DOWNLOAD_TYPE: Final = "application/vc+ld+json"
# Public documents: a short cache, and readable by verifiers on other origins.
CACHE_CONTROL: Final = "public, max-age=300"
# A baked SVG opened on its own must not run anything, even if the sanitizer missed something.
SVG_POLICY: Final = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"


def find(public_id: uuid.UUID) -> IssuedCredential:
    found = (
        IssuedCredential.objects.select_related("organization")
        .defer("organization__logo")
        .filter(public_id=public_id)
        .first()
    )
    if found is None:
        raise Http404
    return found


@require_safe
def public(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    found = find(credential)
    chosen = negotiate(request, found)
    if chosen is None:
        response = HttpResponse(
            "Not acceptable: this credential is available as text/html, "
            "application/vc+ld+json, application/ld+json, image/png or image/svg+xml"
            + (" and application/vc+jwt." if found.is_jwt else "."),
            status=406,
            content_type="text/plain; charset=utf-8",
        )
    else:
        representation, media_type = chosen
        response = _RENDERERS[representation](request, found, media_type)
    patch_vary_headers(response, ["Accept"])
    response["Link"] = (
        f'<{public_url(found.public_id, "credentials:json")}>; rel="alternate"; '
        'type="application/ld+json"'
    )
    return response


@require_safe
def download_json(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    return _download(request, find(credential), _json, JSON_DOWNLOAD_TYPE, DownloadChannel.JSON)


@require_safe
def download_jwt(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    found = find(credential)
    if not found.is_jwt:
        raise Http404
    return _download(request, found, _jwt, JWT_MEDIA_TYPE, DownloadChannel.JWT)


@require_safe
def download_png(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    return _download(request, find(credential), _png, PNG, DownloadChannel.PNG)


@require_safe
def download_svg(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    return _download(request, find(credential), _svg, SVG, DownloadChannel.SVG)


@require_safe
def badge_image(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    """The baked PNG shown on the public page: the same bytes, inline, and never counted."""
    return _png(request, find(credential), PNG)


def _page(request: HttpRequest, credential: IssuedCredential, media_type: str) -> HttpResponse:
    report = present(live_report(credential))
    if report.eu_elements:
        # What the signed credential says, read with the EU model (the facts only guess).
        report = replace(report, eu_elements=eu_rows(credential_json(credential)) or [])
    response = render(
        request,
        "credentials/public.html",
        {
            "credential": credential,
            "issuer": credential.organization,
            "report": report,
            "facts": report.facts,
            "page_url": public_url(credential.public_id),
            "json_url": public_url(credential.public_id, "credentials:json"),
            "issuer_url": web_url(report.facts.issuer_url),
            "criteria_url": web_url(report.facts.achievement_criteria_url),
        },
    )
    # The verdict is live: a revocation must show on the next view, not after a cache expires.
    response["Cache-Control"] = "no-cache"
    count_view(request, credential, response)
    return response


def _json(request: HttpRequest, credential: IssuedCredential, media_type: str) -> HttpResponse:
    return _document(request, json_text(credential).encode("utf-8"), media_type)


def _jwt(request: HttpRequest, credential: IssuedCredential, media_type: str) -> HttpResponse:
    return _document(request, credential.signed_text.encode("ascii"), media_type)


def _png(request: HttpRequest, credential: IssuedCredential, media_type: str) -> HttpResponse:
    art = badge_art(credential_json(credential))
    return _document(request, bake_png(art.png, credential.signed_text), media_type)


def _svg(request: HttpRequest, credential: IssuedCredential, media_type: str) -> HttpResponse:
    art = badge_art(credential_json(credential))
    response = _document(request, bake_svg(art.svg, credential.signed_text), media_type)
    response["Content-Security-Policy"] = SVG_POLICY
    return response


_RENDERERS: Final[dict[Representation, Callable[..., HttpResponse]]] = {
    Representation.PAGE: _page,
    Representation.JSON: _json,
    Representation.JWT: _jwt,
    Representation.PNG: _png,
    Representation.SVG: _svg,
}


def _document(request: HttpRequest, body: bytes, media_type: str) -> HttpResponse:
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    if etag in {tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")}:
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type=media_type)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def _download(
    request: HttpRequest,
    credential: IssuedCredential,
    renderer: Callable[[HttpRequest, IssuedCredential, str], HttpResponse],
    media_type: str,
    channel: DownloadChannel,
) -> HttpResponse:
    """An explicit download: the representation as an attachment, counted as a download."""
    response = _attachment(renderer(request, credential, media_type), credential, channel.value)
    count_download(request, credential, response, channel)
    return response


def _attachment(
    response: HttpResponse, credential: IssuedCredential, extension: str
) -> HttpResponse:
    stem = slugify(credential.name)[:60] or "credential"
    response["Content-Disposition"] = f'attachment; filename="{stem}.{extension}"'
    return response
