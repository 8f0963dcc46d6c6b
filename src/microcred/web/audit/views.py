from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from microcred.web.audit.models import AuditEvent
from microcred.web.lib.tenancy import organization_member, scoped
from microcred.web.organizations.roles import Role

PAGE_SIZE = 50


@organization_member(Role.ADMIN)
def events(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(scoped(AuditEvent.objects.all(), request), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "audit/events.html", {"page": page})
