"""API tokens of an organization: create one (its secret is shown once), see, revoke."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from microcred.web.lib.tenancy import get_scoped_or_404, organization_member, scoped
from microcred.web.organizations.roles import Role
from microcred.web.vcapi.forms import TokenForm
from microcred.web.vcapi.models import ApiToken
from microcred.web.vcapi.tokens import create_token, revoke_token


@organization_member(Role.ADMIN)
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        _token, secret = create_token(
            request.organization, form.cleaned_data["name"], actor=request.user
        )
        form = TokenForm()
    return render(
        request,
        "vcapi/tokens.html",
        {
            "form": form,
            "secret": secret,
            "tokens": scoped(ApiToken.objects.active(), request),
            "base_url": settings.MICROCRED_BASE_URL,
        },
    )


@organization_member(Role.ADMIN)
@require_POST
def revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_scoped_or_404(ApiToken.objects.active(), request, pk=token_id)
    revoke_token(token, actor=request.user)
    messages.success(request, _("The token %(name)s no longer works.") % {"name": token.name})
    return redirect("vcapi:tokens", request.organization.slug)
