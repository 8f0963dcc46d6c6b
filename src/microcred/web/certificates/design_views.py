"""The organization's certificate design (admins) and a preview of it as a PDF."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from microcred.web.audit.log import record
from microcred.web.certificates.forms import CertificateDesignForm
from microcred.web.certificates.models import design_for
from microcred.web.certificates.rendering import LANGUAGES, render_certificate
from microcred.web.certificates.samples import preview_content
from microcred.web.lib.tenancy import organization_member
from microcred.web.organizations.roles import Role


@organization_member(Role.ADMIN)
@require_http_methods(["GET", "HEAD", "POST"])
def design(request: HttpRequest) -> HttpResponse:
    organization = request.organization  # type: ignore[attr-defined]
    form = CertificateDesignForm(
        request.POST or None, request.FILES or None, instance=design_for(organization)
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.updated_at = timezone.now()
        saved.save()
        record(
            organization,
            request.user,
            "certificate.design_updated",
            details={"changed": sorted(form.changed_data)},
        )
        messages.success(request, _("The certificate design is saved."))
        return redirect("certificates:design", organization.slug)
    return render(request, "certificates/design.html", {"form": form, "languages": LANGUAGES})


@organization_member(Role.ADMIN)
@require_safe
def preview(request: HttpRequest) -> HttpResponse:
    organization = request.organization  # type: ignore[attr-defined]
    language = request.GET.get("lang", "")
    if language not in LANGUAGES:
        language = (translation.get_language() or "en")[:2]
        language = language if language in LANGUAGES else "en"
    with translation.override(language):
        content = preview_content(organization)
    pdf = render_certificate(content, design_for(organization), language)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-preview-{language}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
