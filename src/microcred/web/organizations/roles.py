"""Roles in an organization, each including the rights of the ones below it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    ADMIN = "admin", _("Admin")
    ISSUER = "issuer", _("Issuer")
    VIEWER = "viewer", _("Viewer")

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def includes(self, other: Role | str) -> bool:
        """True if this role may do what ``other`` may do."""
        return self.rank >= Role(other).rank

    @property
    def description(self) -> str:
        return str(_DESCRIPTIONS[self])


_RANKS = {Role.VIEWER: 1, Role.ISSUER: 2, Role.ADMIN: 3, Role.OWNER: 4}
_DESCRIPTIONS = {
    Role.OWNER: _("everything, including managing owners"),
    Role.ADMIN: _("the profile, members, keys and the audit log"),
    Role.ISSUER: _("designing and issuing badges"),
    Role.VIEWER: _("looking, without changing anything"),
}
