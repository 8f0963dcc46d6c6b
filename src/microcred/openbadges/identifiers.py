"""IdentifierEntry: another system's identifier for a profile or an achievement."""

from __future__ import annotations

from dataclasses import dataclass

from microcred.openbadges.codec import JsonObject
from microcred.openbadges.vocabulary import IdentifierType, check_extensible


@dataclass(frozen=True, slots=True, kw_only=True)
class IdentifierEntry(JsonObject):
    """``identifier_type`` is an ``IdentifierType`` value or an ``ext:`` extension value."""

    FIXED_TYPE = "IdentifierEntry"

    identifier: str
    identifier_type: str

    def _check(self) -> None:
        check_extensible(self.identifier_type, IdentifierType, "identifierType")
