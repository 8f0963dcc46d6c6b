"""The DID document (public) and the identity page with key rotation (members)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from microcred.proofs.did import did_web_document_url
from microcred.web.identity.dids import did_document, organization_did
from microcred.web.identity.keys import create_key
from microcred.web.identity.models import SigningKey
from microcred.web.lib.tenancy import organization_member, scoped
from microcred.web.organizations.models import Organization, Role

DID_CONTENT_TYPE = "application/did+ld+json"


def document(request: HttpRequest, org: str) -> HttpResponse:
    """``/o/<slug>/did.json``: where did:web resolution of ``did:web:<host>:o:<slug>`` looks."""
    organization = get_object_or_404(Organization, slug=org)
    response = JsonResponse(did_document(organization), content_type=DID_CONTENT_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


@organization_member()
def settings_page(request: HttpRequest) -> HttpResponse:
    organization = request.organization
    did = organization_did(organization)
    return render(
        request,
        "identity/settings.html",
        {
            "did": did,
            "document_url": did_web_document_url(did),
            "keys": scoped(SigningKey.objects.all(), request),
            "can_rotate": request.membership.has_role(Role.ADMIN),
        },
    )


@organization_member(Role.ADMIN)
@require_POST
def rotate(request: HttpRequest) -> HttpResponse:
    key = create_key(request.organization, actor=request.user)
    messages.success(
        request,
        _("%(key)s now signs new credentials; the earlier keys stay in the DID document.")
        % {"key": key.name},
    )
    return redirect("identity:settings", request.organization.slug)
