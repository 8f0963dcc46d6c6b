"""AchievementCredential (an OpenBadgeCredential): one achievement awarded to one recipient."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from microcred.openbadges.checks import check_compact_jws, check_credential_id
from microcred.openbadges.codec import JsonObject, extra_field, opaque_list
from microcred.openbadges.errors import ModelError
from microcred.openbadges.image import Image
from microcred.openbadges.profile import Profile
from microcred.openbadges.subject import AchievementSubject
from microcred.openbadges.vc import (
    OB3_CONTEXT,
    CredentialSchema,
    CredentialStatus,
    RefreshService,
    TermsOfUse,
    check_ob3_context,
)

# Both names are valid; "OpenBadgeCredential" is the one wallets and verifiers expect most.
OPEN_BADGE_CREDENTIAL_TYPES: Final = ("VerifiableCredential", "OpenBadgeCredential")
ACHIEVEMENT_CREDENTIAL_TYPES: Final = ("VerifiableCredential", "AchievementCredential")


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence(JsonObject):
    """Work that shows the achievement: a URL in ``id`` and/or a Markdown ``narrative``."""

    REQUIRED_TYPES = (("Evidence",),)
    URI_FIELDS = ("id",)

    id: str | None = None
    types: Sequence[str] = ("Evidence",)
    narrative: str | None = None
    name: str | None = None
    description: str | None = None
    genre: str | None = None
    audience: str | None = None
    extra: Mapping[str, Any] = extra_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class AchievementCredential(JsonObject):
    """An unsigned Open Badges 3.0 credential; ``to_json()`` is the document to sign.

    ``id`` is a ``urn:uuid:`` (see ``new_credential_id``) or an https URL. Dates are aware
    datetimes, written in UTC to the second. ``endorsement`` holds signed
    EndorsementCredential documents exactly as they were signed.
    """

    REQUIRED_TYPES = (("VerifiableCredential",), ("AchievementCredential", "OpenBadgeCredential"))

    context: Sequence[str | Mapping[str, Any]] = field(default=OB3_CONTEXT, hash=False)
    id: str
    types: Sequence[str] = OPEN_BADGE_CREDENTIAL_TYPES
    name: str | None = None
    description: str | None = None
    image: Image | None = None
    issuer: Profile
    valid_from: datetime
    valid_until: datetime | None = None
    awarded_date: datetime | None = None
    credential_subject: AchievementSubject
    evidence: Sequence[Evidence] = ()
    endorsement: Sequence[Mapping[str, Any]] = opaque_list()
    endorsement_jwt: Sequence[str] = ()
    credential_schema: Sequence[CredentialSchema] = ()
    credential_status: CredentialStatus | Mapping[str, Any] | None = None
    refresh_service: RefreshService | None = None
    terms_of_use: Sequence[TermsOfUse] = ()
    extra: Mapping[str, Any] = extra_field()

    def _check(self) -> None:
        check_ob3_context(self.context)
        check_credential_id(self.id)
        if self.valid_until is not None and self.valid_until <= self.valid_from:
            raise ModelError("validUntil must be later than validFrom")
        for index, token in enumerate(self.endorsement_jwt):
            check_compact_jws(token, f"endorsementJwt[{index}]")
