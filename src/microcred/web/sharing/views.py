"""Sharing's public addresses under ``/c/<id>/`` and the organization's settings page.

Share buttons go through ``/c/<id>/share/<channel>``: LinkedIn buttons are plain links
(GET, counted, then 302 to LinkedIn), copy buttons count with a small POST from
sharing.js. No third-party script or pixel is ever loaded; link-preview robots are told
apart by ``engagement.events.record`` from their User-Agent.
"""

from __future__ import annotations

import uuid
from typing import Final

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotModified,
    HttpResponseRedirect,
)
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_http_methods, require_safe

from microcred.web.audit.log import record as audit
from microcred.web.credentials.models import IssuedCredential
from microcred.web.credentials.public_views import find
from microcred.web.engagement.events import record
from microcred.web.engagement.hooks import counts_share
from microcred.web.engagement.kinds import EventKind, ShareChannel
from microcred.web.lib.ratelimit import RateLimit, client_ip, too_many_requests
from microcred.web.lib.tenancy import organization_member
from microcred.web.organizations.roles import Role
from microcred.web.sharing import linkedin
from microcred.web.sharing.card import badge_png, badge_thumbnail, share_card, share_card_etag
from microcred.web.sharing.facts import can_share, certification, share_facts
from microcred.web.sharing.forms import SharingSettingsForm
from microcred.web.sharing.image import render_share_image
from microcred.web.sharing.models import SharingSettings
from microcred.web.sharing.qr import qr_png, qr_svg
from microcred.web.sharing.responses import cached_image, image_headers, not_modified

# Generous for a person clicking around, a brake on anyone inflating the figures.
SHARE_LIMIT: Final = RateLimit("share", limit=20, period=600)
REDIRECTS: Final = {ShareChannel.LINKEDIN_ADD, ShareChannel.LINKEDIN_POST}
# Drawing the share picture takes a moment: it is kept under its ETag, and only renders
# count against a client (a crawler fetching cached pictures costs nothing).
IMAGE_CACHE_SECONDS: Final = 24 * 60 * 60
IMAGE_RENDERS_PER_CLIENT: Final = RateLimit("share-image-render", limit=60, period=10 * 60)


@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, credential: uuid.UUID, channel: str) -> HttpResponse:
    if channel not in ShareChannel.values:
        raise Http404
    found = find(credential)
    if not can_share(found):
        raise Http404
    if request.method == "GET" and channel not in REDIRECTS:
        return HttpResponse(status=405, headers={"Allow": "POST"})
    limit_key = f"{client_ip(request)}:{found.public_id}"
    # Engagement's rules decide what counts (no issuer's members, no <img> on other sites);
    # only what would count uses up the client's allowance.
    counts = counts_share(request, found)
    allowed = not counts or SHARE_LIMIT.hit(limit_key)
    if counts and allowed:
        record(found, EventKind.SHARED, channel, request=request)
    if request.method == "POST":
        if not allowed:
            return too_many_requests(request, SHARE_LIMIT.retry_after(limit_key))
        return HttpResponse(status=204)
    # Over the limit, the holder still gets to LinkedIn; it just is not counted again.
    response = HttpResponseRedirect(_linkedin_url(found, channel))
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _linkedin_url(credential: IssuedCredential, channel: str) -> str:
    facts = share_facts(credential)
    if channel == ShareChannel.LINKEDIN_ADD:
        return linkedin.add_to_profile_url(certification(credential, facts))
    return linkedin.share_post_url(facts.page_url)


@require_safe
def share_image(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    """The Open Graph picture, in ``?lang=`` (crawlers send no language of their own).

    None for a revoked or suspended credential: a picture saying "awarded to" would be
    posted as if it still held, and one saying "revoked" is nothing anyone shares. A 404
    also makes link previews that cached the old tags drop the picture.
    """
    found = find(credential)
    if not can_share(found):
        raise Http404
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    with translation.override(language):
        card = share_card(share_facts(found))
    badge = badge_png(found)
    etag = share_card_etag(card, badge)
    response: HttpResponse
    if not_modified(request, etag):
        response = HttpResponseNotModified()
    else:
        body = cache.get(_image_cache_key(etag))
        if body is None:
            client = client_ip(request)
            if not IMAGE_RENDERS_PER_CLIENT.hit(client):
                return too_many_requests(request, IMAGE_RENDERS_PER_CLIENT.retry_after(client))
            body = render_share_image(card, badge)
            cache.set(_image_cache_key(etag), body, IMAGE_CACHE_SECONDS)
        response = HttpResponse(body, content_type="image/png")
    image_headers(response, etag)
    response["Content-Language"] = language
    return response


def _image_cache_key(etag: str) -> str:
    return f"sharing:image:{etag.strip(chr(34))}"


@require_safe
def signature_image(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    """A small badge for e-mail signatures: light for mail clients, and never counted.

    Gone (404) while the credential is revoked or suspended, like the share picture: the
    signatures already sent then stop showing a badge that no longer holds.
    """
    found = find(credential)
    if not can_share(found):
        raise Http404
    return cached_image(request, badge_thumbnail(found), "image/png")


@require_safe
def qr(request: HttpRequest, credential: uuid.UUID, kind: str) -> HttpResponse:
    if kind not in {"svg", "png"}:
        raise Http404
    url = share_facts(find(credential)).page_url
    if kind == "svg":
        return cached_image(request, qr_svg(url), "image/svg+xml")
    return cached_image(request, qr_png(url), "image/png")


@require_safe
@xframe_options_exempt
def embed(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    """A small badge card for other sites' pages: the only page here that may be framed."""
    found = find(credential)
    response = render(
        request,
        "sharing/embed.html",
        {"credential": found, "facts": share_facts(found), "state": found.state},
    )
    response._csp_config = {**settings.SECURE_CSP, "frame-ancestors": ["*"]}  # type: ignore[attr-defined]
    response["Cache-Control"] = "no-cache"
    return response


@organization_member(Role.ADMIN)
def settings_page(request: HttpRequest) -> HttpResponse:
    organization = request.organization  # type: ignore[attr-defined]
    instance = SharingSettings.objects.filter(organization=organization).first()
    form = SharingSettingsForm(
        request.POST or None,
        instance=instance or SharingSettings(organization=organization),
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.updated_at = timezone.now()
        saved.save()
        audit(
            organization,
            request.user,
            "sharing.updated",
            details={"linkedin_organization_id": saved.linkedin_organization_id},
        )
        messages.success(request, _("The sharing settings are saved."))
        return redirect("sharing:settings", organization.slug)
    return render(request, "sharing/settings.html", {"form": form})
