"""A person's own pages: their badges from every issuer, and the addresses they proved.

Everything here is about the logged-in person only; a credential shows up only when it was
sent to an address they verified by mail.
"""

from __future__ import annotations

import smtplib
import uuid
from typing import Final

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from microcred.web.credentials.models import IssuedCredential
from microcred.web.holder import addresses
from microcred.web.holder.claiming import accept, claim_of
from microcred.web.holder.forms import AddressForm
from microcred.web.holder.models import HolderAddress
from microcred.web.holder.privacy import secret_url
from microcred.web.holder.wallet import badges_of, holds
from microcred.web.lib.ratelimit import RateLimit, too_many_requests

PAGE_SIZE: Final = 24
# Each verification sends a mail to an address the person typed: a brake on mail bombing.
VERIFICATION_MAILS: Final = RateLimit("holder-verify-mail", limit=6, period=60 * 60)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def badges(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _accept(request)
    page = Paginator(badges_of(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "holder/badges.html",
        {"page": page, "has_verified": bool(addresses.verified_emails(request.user))},
    )


def _accept(request: HttpRequest) -> HttpResponse:
    try:
        public_id = uuid.UUID(request.POST.get("credential", ""))
    except ValueError:
        return HttpResponseBadRequest()
    credential = (
        IssuedCredential.objects.select_related("organization").filter(public_id=public_id).first()
    )
    if credential is None or not holds(request.user, credential):
        raise Http404
    if not credential.is_revoked:
        accept(claim_of(credential), request)
        messages.success(
            request, _("You accepted “%(name)s”.") % {"name": credential.name or _("the badge")}
        )
    return redirect("holder:badges")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def address_list(request: HttpRequest) -> HttpResponse:
    form = AddressForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add":
            form = AddressForm(request.POST)
            if form.is_valid():
                try:
                    address = addresses.add_address(request.user, form.cleaned_data["email"])
                except addresses.TooManyAddresses:
                    form.add_error(
                        "email",
                        _("You can keep at most %(count)d addresses.")
                        % {"count": addresses.MAX_ADDRESSES},
                    )
                else:
                    return _send(request, address)
        elif action in {"send", "remove"}:
            address = _own_address(request)
            if action == "send":
                return _send(request, address)
            addresses.remove_address(request.user, address.pk)
            messages.success(request, _("Removed %(email)s.") % {"email": address.email})
            return redirect("holder:addresses")
        else:
            return HttpResponseBadRequest()
    return render(
        request,
        "holder/addresses.html",
        {
            "addresses": addresses.addresses_of(request.user),
            "account_email": request.user.email.lower(),
            "form": form,
        },
    )


def _own_address(request: HttpRequest) -> HolderAddress:
    try:
        address_id = int(request.POST.get("address", ""))
    except ValueError:
        raise Http404 from None
    found = HolderAddress.objects.filter(user=request.user, pk=address_id).first()
    if found is None:
        raise Http404
    return found


def _send(request: HttpRequest, address: HolderAddress) -> HttpResponse:
    if address.is_verified:
        messages.info(request, _("%(email)s is already verified.") % {"email": address.email})
        return redirect("holder:addresses")
    key = f"user:{request.user.pk}"
    if not VERIFICATION_MAILS.hit(key):
        return too_many_requests(request, VERIFICATION_MAILS.retry_after(key))
    try:
        addresses.send_verification(address)
    except (smtplib.SMTPException, OSError):
        messages.error(
            request,
            _("The e-mail to %(email)s could not be sent. Please try again later.")
            % {"email": address.email},
        )
    else:
        messages.success(
            request,
            _("We sent a link to %(email)s. Open it while logged in to confirm the address.")
            % {"email": address.email},
        )
    return redirect("holder:addresses")


@secret_url
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def verify_address(request: HttpRequest, token: str) -> HttpResponse:
    """A page with a button, not a GET that verifies: mail scanners open every link."""
    address = addresses.pending_address(request.user, token)
    if address is None:
        return render(request, "holder/verify_address_invalid.html", status=404)
    if request.method == "POST":
        addresses.verify(address)
        messages.success(
            request,
            _("%(email)s is verified: badges sent to it now show here.") % {"email": address.email},
        )
        return redirect("holder:badges")
    return render(request, "holder/verify_address.html", {"address": address})
