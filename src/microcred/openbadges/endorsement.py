"""EndorsementCredential: a third party's comment on a profile, achievement or credential."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from microcred.openbadges.checks import check_credential_id
from microcred.openbadges.codec import JsonObject, extra_field
from microcred.openbadges.errors import ModelError
from microcred.openbadges.profile import Profile
from microcred.openbadges.vc import (
    OB3_CONTEXT,
    CredentialSchema,
    CredentialStatus,
    RefreshService,
    TermsOfUse,
    check_ob3_context,
)

ENDORSEMENT_CREDENTIAL_TYPES: Final = ("VerifiableCredential", "EndorsementCredential")


@dataclass(frozen=True, slots=True, kw_only=True)
class EndorsementSubject(JsonObject):
    """``id`` is the endorsed thing: a profile, an achievement or a credential."""

    REQUIRED_TYPES = (("EndorsementSubject",),)
    URI_FIELDS = ("id",)

    id: str
    types: Sequence[str] = ("EndorsementSubject",)
    endorsement_comment: str | None = None
    extra: Mapping[str, Any] = extra_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class EndorsementCredential(JsonObject):
    """An unsigned endorsement; once signed, its JSON goes into an ``endorsement`` list."""

    REQUIRED_TYPES = (("VerifiableCredential",), ("EndorsementCredential",))

    context: Sequence[str | Mapping[str, Any]] = field(default=OB3_CONTEXT, hash=False)
    id: str
    types: Sequence[str] = ENDORSEMENT_CREDENTIAL_TYPES
    name: str
    description: str | None = None
    credential_subject: EndorsementSubject
    awarded_date: datetime | None = None
    issuer: Profile
    valid_from: datetime
    valid_until: datetime | None = None
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
