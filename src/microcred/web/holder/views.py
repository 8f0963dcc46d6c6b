"""``/claim/<token>``: the page a recipient reaches from their e-mail, with no account needed.

GET shows the credential, its live verdict and what the recipient can do; POST accepts it
or changes the name setting, then comes back here (so a reload never posts again). Bad
links get their own pages: unknown (404) and expired (410), so the recipient knows what
to do next. Misses are counted per client, so guessing tokens soon stops answering.

``/claim/<token>/certificate.pdf`` is the holder's certificate with their name on it, even
while the public one leaves the name out; the same bad-link pages and headers apply.
"""

from __future__ import annotations

from typing import Final

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from microcred.web.certificates.views import serve_certificate
from microcred.web.credentials.addresses import public_url
from microcred.web.credentials.verdict import live_report
from microcred.web.holder.claiming import accept, note_opened, set_show_name
from microcred.web.holder.claims import find_claim
from microcred.web.holder.models import ClaimLink
from microcred.web.holder.privacy import secret_url
from microcred.web.lib.ratelimit import RateLimit, client_ip, ratelimit, too_many_requests
from microcred.web.verify.presentation import present

# Generous for a person reloading; a brake on flooding.
CLAIM_PER_CLIENT: Final = RateLimit("claim-client", limit=120, period=10 * 60)
# Unknown tokens: a person mistypes a few times, a guesser thousands.
CLAIM_MISSES: Final = RateLimit("claim-miss", limit=20, period=60 * 60)


@secret_url
@ratelimit(CLAIM_PER_CLIENT, client_ip, methods=("GET", "HEAD", "POST"))
@require_http_methods(["GET", "HEAD", "POST"])
def claim(request: HttpRequest, token: str) -> HttpResponse:
    found = _known_claim(request, token)
    if isinstance(found, HttpResponse):
        return found
    # Hiding one's name must not stop working when the link does: the public page and its
    # certificate stay online. Accepting, though, needs a link still in force.
    if request.method == "POST" and request.POST.get("action") == "name":
        return _set_name(request, found)
    if found.is_expired:
        return _expired(request, found, token)
    if request.method == "POST":
        return _act(request, found)
    if request.method == "GET":
        note_opened(found, request)
    return _page(request, found, token)


@secret_url
@ratelimit(CLAIM_PER_CLIENT, client_ip, methods=("GET", "HEAD"))
@require_safe
def certificate(request: HttpRequest, token: str) -> HttpResponse:
    found = _known_claim(request, token)
    if isinstance(found, HttpResponse):
        return found
    if found.is_expired:
        return _expired(request, found, token)
    return serve_certificate(request, found.credential, show_name=True)


def _known_claim(request: HttpRequest, token: str) -> ClaimLink | HttpResponse:
    """The link's row, expired or not, or the page to answer instead (too many misses,
    unknown).

    A known token always works: many people share one address behind a company's or a
    university's NAT, and one person's mistyped links must not lock out everyone else's
    valid ones. The 256-bit tokens cannot be guessed; the per-client limit still brakes
    flooding."""
    found = find_claim(token)
    if found is not None:
        return found
    client = client_ip(request)
    wait = CLAIM_MISSES.retry_after(client)
    if wait:
        return too_many_requests(request, wait)
    CLAIM_MISSES.hit(client)
    return render(request, "holder/claim_unknown.html", status=404)


def _expired(request: HttpRequest, found: ClaimLink, token: str) -> HttpResponse:
    return render(
        request,
        "holder/claim_expired.html",
        {
            "claim": found,
            "credential": found.credential,
            "issuer": found.credential.organization,
            "claim_url": reverse("holder:claim", args=[token]),
        },
        status=410,
    )


def _act(request: HttpRequest, found: ClaimLink) -> HttpResponse:
    if request.POST.get("action") != "accept":
        return HttpResponseBadRequest()
    accept(found, request)
    return redirect(request.path)


def _set_name(request: HttpRequest, found: ClaimLink) -> HttpResponse:
    show = request.POST.get("show_name") == "on"
    set_show_name(found, show)
    messages.success(
        request,
        _("Saved: the public page shows your name.")
        if show
        else _("Saved: the public page no longer shows your name."),
    )
    return redirect(request.path)


def _page(request: HttpRequest, found: ClaimLink, token: str) -> HttpResponse:
    credential = found.credential
    report = present(live_report(credential))
    return render(
        request,
        "holder/claim.html",
        {
            "claim": found,
            "credential": credential,
            "issuer": credential.organization,
            "report": report,
            "facts": report.facts,
            "recipient_name": report.facts.recipient_name or credential.recipient_name,
            "page_url": public_url(credential.public_id),
            "can_accept": not credential.is_revoked,
            "can_share": credential.state == "active" and found.is_claimed,
            "has_certificate": not (credential.is_revoked or credential.is_suspended),
            "certificate_url": reverse("holder:certificate", args=[token]),
            "claim_url": reverse("holder:claim", args=[token]),
        },
    )
