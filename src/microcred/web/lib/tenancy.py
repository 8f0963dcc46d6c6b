"""Every organization page resolves its organization from the URL (``/o/<org>/...``).

``organization_member(min_role)`` wraps a view: anonymous people go to the login page,
people who are not members get 404 (the organization might as well not exist), members
below ``min_role`` get 403. The view then finds ``request.organization`` and
``request.membership`` set, and reads its objects through ``scoped()`` /
``get_scoped_or_404()`` so an id from another organization is a 404 too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from microcred.web.organizations.models import Membership, Organization
from microcred.web.organizations.roles import Role

ORGANIZATION_KWARG = "org"
View = Callable[..., HttpResponse]


class OrganizationRequest(HttpRequest):
    """For type checkers: what ``organization_member`` adds to the request."""

    organization: Organization
    membership: Membership


def resolve_membership(request: HttpRequest, slug: str, min_role: Role | str) -> Membership:
    """The person's membership of the organization ``slug``; 404 if none, 403 if too junior."""
    if not request.user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("organization")
        .defer("organization__logo")
        .filter(organization__slug=slug, user=request.user)
        .first()
    )
    if membership is None:
        raise Http404
    if not membership.has_role(min_role):
        raise PermissionDenied
    request.organization = membership.organization  # type: ignore[attr-defined]
    request.membership = membership  # type: ignore[attr-defined]
    return membership


def organization_member(min_role: Role | str = Role.VIEWER) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            resolve_membership(request, kwargs.pop(ORGANIZATION_KWARG), min_role)
            return view(request, *args, **kwargs)

        return login_required(wrapped)

    return decorator


def scoped[M: Model](
    queryset: QuerySet[M], request: HttpRequest, field: str = "organization"
) -> QuerySet[M]:
    """Only the rows of the request's organization."""
    return queryset.filter(**{field: request.organization})  # type: ignore[attr-defined]


def get_scoped_or_404[M: Model](
    queryset: QuerySet[M], request: HttpRequest, field: str = "organization", **lookup: Any
) -> M:
    return get_object_or_404(scoped(queryset, request, field), **lookup)
