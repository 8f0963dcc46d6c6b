"""The organization's credential pages: the list, one credential, revocation, settings."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from microcred.web.audit.log import record
from microcred.web.credentials import revocation
from microcred.web.credentials.addresses import public_url
from microcred.web.credentials.errors import StatusChangeError
from microcred.web.credentials.forms import IssuingSettingsForm, RevokeForm
from microcred.web.credentials.issuing import issuing_settings
from microcred.web.credentials.models import IssuedCredential
from microcred.web.credentials.panels import render_panels
from microcred.web.credentials.verdict import live_report
from microcred.web.lib.tenancy import get_scoped_or_404, organization_member, scoped
from microcred.web.organizations.roles import Role
from microcred.web.verify.presentation import present

PAGE_SIZE = 50
STATES = ("active", "revoked", "suspended", "expired")


@organization_member()
def credential_list(request: HttpRequest) -> HttpResponse:
    credentials = scoped(IssuedCredential.objects.defer("signed_text"), request)
    query = request.GET.get("q", "").strip()[:200]
    if query:
        credentials = credentials.filter(
            Q(recipient_name__icontains=query)
            | Q(recipient_email__icontains=query)
            | Q(name__icontains=query)
        )
    state = request.GET.get("state", "")
    now = timezone.now()
    if state == "revoked":
        credentials = credentials.filter(revoked_at__isnull=False)
    elif state == "suspended":
        credentials = credentials.filter(revoked_at__isnull=True, suspended_at__isnull=False)
    elif state == "expired":
        credentials = credentials.filter(revoked_at__isnull=True, valid_until__lte=now)
    elif state == "active":
        credentials = credentials.filter(
            Q(valid_until__isnull=True) | Q(valid_until__gt=now),
            revoked_at__isnull=True,
            suspended_at__isnull=True,
        )
    else:
        state = ""
    page = Paginator(credentials, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "credentials/list.html",
        {
            "page": page,
            "query": query,
            "state": state,
            "states": STATES,
            "can_issue": request.membership.has_role(Role.ISSUER),
        },
    )


@organization_member()
def detail(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    return _detail_page(request, _find(request, credential), RevokeForm())


def _detail_page(
    request: HttpRequest, credential: IssuedCredential, revoke_form: RevokeForm
) -> HttpResponse:
    can_change = request.membership.has_role(Role.ISSUER)
    base = {
        "credential": credential,
        "organization": request.membership.organization,
        "can_change": can_change,
    }
    return render(
        request,
        "credentials/detail.html",
        {
            **base,
            "report": present(live_report(credential)),
            "page_url": public_url(credential.public_id),
            "revoke_form": revoke_form,
            "panels": render_panels(request, credential, base),
        },
    )


@organization_member(Role.ISSUER)
@require_POST
def revoke(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    found = _find(request, credential)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, found, form)
    try:
        revocation.revoke(found, actor=request.user, reason=form.cleaned_data["reason"])
    except StatusChangeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The credential is revoked."))
    return redirect("credentials:detail", request.organization.slug, found.public_id)


@organization_member(Role.ISSUER)
@require_POST
def suspend(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    return _change(request, credential, revocation.suspend, _("The credential is suspended."))


@organization_member(Role.ISSUER)
@require_POST
def unsuspend(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    return _change(request, credential, revocation.unsuspend, _("The credential is valid again."))


def _change(
    request: HttpRequest,
    credential: uuid.UUID,
    change: Callable[..., IssuedCredential],
    done: str,
) -> HttpResponse:
    found = _find(request, credential)
    try:
        change(found, actor=request.user)
    except StatusChangeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("credentials:detail", request.organization.slug, found.public_id)


@organization_member(Role.ADMIN)
def issuing_settings_page(request: HttpRequest) -> HttpResponse:
    organization = request.organization
    form = IssuingSettingsForm(request.POST or None, instance=issuing_settings(organization))
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.updated_at = timezone.now()
        saved.save()
        record(
            organization,
            request.user,
            "issuing.updated",
            details={"proof_format": saved.proof_format, "suspension": saved.suspension},
        )
        messages.success(request, _("The issuing settings are saved."))
        return redirect("credentials:settings", organization.slug)
    return render(request, "credentials/settings.html", {"form": form})


def _find(request: HttpRequest, public_id: uuid.UUID) -> IssuedCredential:
    return get_scoped_or_404(
        IssuedCredential.objects.select_related("organization", "issued_by").defer(
            "organization__logo"
        ),
        request,
        public_id=public_id,
    )
