"""Issuing one credential by hand: choose a badge, fill in the person, preview, issue."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from microcred.web.achievements.documents import achievement_document
from microcred.web.achievements.models import Achievement
from microcred.web.credentials.addresses import new_public_id
from microcred.web.credentials.awarding import Award, credential_document, valid_until
from microcred.web.credentials.errors import IssuingError
from microcred.web.credentials.forms import IssueForm
from microcred.web.credentials.issuing import issue_credential
from microcred.web.credentials.models import Channel
from microcred.web.delivery.queueing import queue_delivery
from microcred.web.lib.tenancy import get_scoped_or_404, organization_member, scoped
from microcred.web.organizations.roles import Role


@organization_member(Role.ISSUER)
def choose(request: HttpRequest) -> HttpResponse:
    achievements = scoped(Achievement.objects.active().select_related("image"), request)
    return render(request, "credentials/choose.html", {"achievements": achievements})


@organization_member(Role.ISSUER)
def issue(request: HttpRequest, achievement: uuid.UUID) -> HttpResponse:
    found = get_scoped_or_404(
        Achievement.objects.active().select_related("organization", "image"),
        request,
        public_id=achievement,
    )
    if request.method != "POST":
        form = IssueForm(initial={"issue_date": timezone.localdate()})
        return _form_page(request, found, form)
    form = IssueForm(request.POST)
    if not form.is_valid():
        return _form_page(request, found, form)
    awarded = Award.from_form(form.cleaned_data)
    if "edit" in request.POST:
        return _form_page(request, found, form)
    if "issue" not in request.POST:
        return _preview_page(request, found, form, awarded)
    public_id = new_public_id()
    try:
        credential = issue_credential(
            request.organization,
            credential_document(found, awarded, public_id),
            actor=request.user,
            recipient_email=awarded.recipient_email,
            recipient_name=awarded.recipient_name,
            achievement=found,
            channel=Channel.FORM,
            public_id=public_id,
        )
    except IssuingError as error:
        form.add_error(None, str(error))
        return _form_page(request, found, form)
    issued = _("%(badge)s is issued to %(name)s.") % {
        "badge": found.name,
        "name": awarded.recipient_name,
    }
    if form.cleaned_data["send_email"]:
        # The worker sends it; the credential stays issued whatever the mail server says.
        queue_delivery(credential)
        issued += " " + _("The e-mail to %(email)s is on its way.") % {
            "email": awarded.recipient_email
        }
    messages.success(request, issued)
    return redirect("credentials:detail", request.organization.slug, credential.public_id)


def _form_page(request: HttpRequest, achievement: Achievement, form: IssueForm) -> HttpResponse:
    return render(
        request,
        "credentials/issue.html",
        {"achievement": achievement, "form": form, **_badge(achievement)},
    )


def _preview_page(
    request: HttpRequest, achievement: Achievement, form: IssueForm, awarded: Award
) -> HttpResponse:
    return render(
        request,
        "credentials/issue_preview.html",
        {
            "achievement": achievement,
            "form": form,
            "awarded": awarded,
            "valid_until": valid_until(achievement, awarded),
            **_badge(achievement),
        },
    )


def _badge(achievement: Achievement) -> dict[str, object]:
    document = achievement_document(achievement)
    image = document.image.id if document.image is not None else None
    # Shown from this instance: a path, so it loads whatever host name the browser used.
    if image is not None:
        image = image.removeprefix(settings.MICROCRED_BASE_URL)
    return {"badge_image": image, "document": document}
