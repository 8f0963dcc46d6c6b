"""The organization menu: each app registers its pages here in its AppConfig.ready()."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

from microcred.web.organizations.models import Membership
from microcred.web.organizations.roles import Role


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str | Promise
    min_role: Role
    order: int


@dataclass(frozen=True)
class NavLink:
    url: str
    label: str | Promise
    url_name: str


_ITEMS: dict[str, NavItem] = {}


def register(
    url_name: str, label: str | Promise, *, min_role: Role = Role.VIEWER, order: int = 50
) -> None:
    """Add a page that takes the organization slug as its only URL argument to the menu."""
    _ITEMS[url_name] = NavItem(url_name, label, min_role, order)


def links_for(membership: Membership) -> list[NavLink]:
    """The menu a member sees: only the pages their role opens."""
    items = sorted(_ITEMS.values(), key=lambda item: (item.order, item.url_name))
    return [
        NavLink(
            reverse(item.url_name, args=[membership.organization.slug]), item.label, item.url_name
        )
        for item in items
        if membership.has_role(item.min_role)
    ]
