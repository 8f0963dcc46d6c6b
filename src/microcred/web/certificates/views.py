"""``/c/<id>/certificate.pdf``: the certificate of any credential still in force.

The address is as public as the credential's page, so it names the recipient only while the
holder lets the public page show their name. The holder gets the certificate with their name
through their personal link (the holder app serves it with ``serve_certificate``).

Rendering takes a moment, so the PDF is kept in the cache under its ETag, which changes with
everything printed on it (the signed credential, the recipient's name and whether it is
shown, the design, the logo, the language, the layout). A revoked or suspended credential
gets a page saying why there is no certificate, never a PDF.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Final

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from microcred.web.certificates.content import content_for
from microcred.web.certificates.models import CertificateDesign, design_for
from microcred.web.certificates.rendering import LANGUAGES, LAYOUT_VERSION, render_certificate
from microcred.web.credentials.models import IssuedCredential
from microcred.web.credentials.public_views import find
from microcred.web.engagement.hooks import count_download
from microcred.web.engagement.kinds import DownloadChannel
from microcred.web.holder.claims import shows_recipient_name
from microcred.web.lib.ratelimit import RateLimit, client_ip, too_many_requests
from microcred.web.organizations.models import Organization

PDF: Final = "application/pdf"
# Revalidate every time (a revocation must stop the PDF at once); the ETag keeps that cheap.
CACHE_CONTROL: Final = "no-cache"
CACHE_SECONDS: Final = 24 * 60 * 60
# Only renders count: a cached certificate costs nothing.
RENDERS_PER_CLIENT: Final = RateLimit("certificate-render", limit=60, period=10 * 60)


@require_safe
def certificate(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    found = find(credential)
    return serve_certificate(request, found, show_name=shows_recipient_name(found))


def serve_certificate(
    request: HttpRequest, found: IssuedCredential, *, show_name: bool
) -> HttpResponse:
    """The certificate's response (PDF, 304, or the page saying why there is none), with or
    without the recipient's name."""
    if found.is_revoked or found.is_suspended:
        return _unavailable(request, found)
    language, chosen_by_request = _language(request, found)
    design = design_for(found.organization)
    etag = _etag(found, design, language, show_name=show_name)
    if etag in {tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")}:
        response: HttpResponse = HttpResponseNotModified()
    else:
        pdf = cache.get(_cache_key(etag))
        if pdf is None:
            client = client_ip(request)
            if not RENDERS_PER_CLIENT.hit(client):
                return too_many_requests(request, RENDERS_PER_CLIENT.retry_after(client))
            pdf = render_pdf(found, design, language, show_name=show_name)
            cache.set(_cache_key(etag), pdf, CACHE_SECONDS)
        response = HttpResponse(pdf, content_type=PDF)
        stem = slugify(found.name)[:60] or "credential"
        response["Content-Disposition"] = f'attachment; filename="{stem}-certificate.pdf"'
        # The same rules as every other download (no HEAD, no 304, no issuer's own members).
        count_download(request, found, response, DownloadChannel.PDF)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    response["Content-Language"] = language
    if chosen_by_request:
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def render_pdf(
    credential: IssuedCredential, design: CertificateDesign, language: str, *, show_name: bool
) -> bytes:
    """The certificate of ``credential`` in ``language``, whatever its state."""
    logo, logo_type = (
        Organization.objects.filter(pk=credential.organization_id)
        .values_list("logo", "logo_content_type")
        .get()
    )
    with translation.override(language):
        content = content_for(credential, logo, logo_type, show_name=show_name)
    return render_certificate(content, design, language)


def _language(request: HttpRequest, credential: IssuedCredential) -> tuple[str, bool]:
    """``?lang=``, else the badge's language, else the reader's (then True)."""
    asked = request.GET.get("lang", "")
    if asked in LANGUAGES:
        return asked, False
    if credential.achievement_id is not None:
        badge_language = (credential.achievement.language or "")[:2]
        if badge_language in LANGUAGES:
            return badge_language, False
    reader = (translation.get_language() or "en")[:2]
    return (reader if reader in LANGUAGES else "en"), True


def _etag(
    credential: IssuedCredential, design: CertificateDesign, language: str, *, show_name: bool
) -> str:
    # Whether the name is printed is part of the tag, so the cache never hands the named
    # certificate to the public address (nor a browser keeps the one for the other).
    parts = (
        LAYOUT_VERSION,
        "named" if show_name else "unnamed",
        language,
        settings.MICROCRED_BASE_URL,
        hashlib.sha256(credential.signed_text.encode("utf-8")).hexdigest(),
        credential.recipient_name if show_name else "",
        credential.organization.name,
        credential.organization.logo_version,
        design.fingerprint,
    )
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
    return f'"{digest}"'


def _cache_key(etag: str) -> str:
    return f"certificate:{etag.strip(chr(34))}"


def _unavailable(request: HttpRequest, credential: IssuedCredential) -> HttpResponse:
    revoked = credential.is_revoked
    response = render(
        request,
        "certificates/unavailable.html",
        {"credential": credential, "issuer": credential.organization, "revoked": revoked},
        # Revoked is final (410 Gone); a suspension may be lifted (409 Conflict).
        status=410 if revoked else 409,
    )
    response["Cache-Control"] = "no-store"
    return response
