"""The organization switcher and the organization menu, on every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from microcred.web.organizations import navigation
from microcred.web.organizations.models import Membership


def organizations(request: HttpRequest) -> dict[str, Any]:
    context: dict[str, Any] = {}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["my_memberships"] = SimpleLazyObject(
            lambda: list(
                Membership.objects.filter(user=user)
                .select_related("organization")
                .defer("organization__logo")
            )
        )
    membership = getattr(request, "membership", None)
    if membership is not None:
        context["organization"] = membership.organization
        context["membership"] = membership
        context["organization_nav"] = navigation.links_for(membership)
    return context
