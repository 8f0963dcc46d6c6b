"""Sending a credential's e-mail again, from its page."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from microcred.web.audit.log import record
from microcred.web.credentials.models import IssuedCredential
from microcred.web.delivery.queueing import queue_delivery
from microcred.web.lib.tenancy import get_scoped_or_404, organization_member
from microcred.web.organizations.roles import Role


@organization_member(Role.ISSUER)
@require_POST
def resend(request: HttpRequest, credential: uuid.UUID) -> HttpResponse:
    found = get_scoped_or_404(
        IssuedCredential.objects.defer("signed_text"), request, public_id=credential
    )
    if found.is_revoked:
        messages.error(request, _("A revoked credential is not sent again."))
    elif not found.recipient_email:
        messages.error(request, _("The credential has no recipient e-mail address."))
    else:
        with transaction.atomic():
            queue_delivery(found)
            record(
                request.organization,
                request.user,
                "credential.delivery_resent",
                target=found,
            )
        messages.success(
            request,
            _("A new e-mail with a new personal link is on its way to %(email)s.")
            % {"email": found.recipient_email},
        )
    page = reverse("credentials:detail", args=[request.organization.slug, found.public_id])
    return redirect(f"{page}#delivery-heading")
