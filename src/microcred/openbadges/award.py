"""Awarding an achievement: the one credential document every issuing path builds.

The CLI, the web form, CSV batches and the APIs all award an ``Achievement`` to a
``Recipient`` through :func:`award`, so every credential microcred issues has the same shape:
the recipient's e-mail only as a salted hash, their name (when given) as a plain ``name``
identifier, the achievement's name on the credential, and the OB 3.0 contexts it needs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from microcred.openbadges.achievement import Achievement
from microcred.openbadges.credential import AchievementCredential, Evidence
from microcred.openbadges.errors import ModelError
from microcred.openbadges.identity import IdentityObject, hashed_email
from microcred.openbadges.profile import Profile
from microcred.openbadges.subject import AchievementSubject, Result
from microcred.openbadges.vc import OB3_CONTEXT, new_credential_id


@dataclass(frozen=True, slots=True, kw_only=True)
class Recipient:
    """Who receives a credential: an e-mail address, a DID, or both; a name to show."""

    email: str | None = None
    did: str | None = None
    name: str | None = None
    salt: str | None = None

    def identifiers(self) -> tuple[IdentityObject, ...]:
        found: list[IdentityObject] = []
        if self.email is not None:
            found.append(hashed_email(self.email, self.salt))
        if self.name:
            found.append(
                IdentityObject(hashed=False, identity_hash=self.name, identity_type="name")
            )
        return tuple(found)


def award(
    achievement: Achievement,
    issuer: Profile,
    recipient: Recipient,
    *,
    credential_id: str | None = None,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    credential_status: Mapping[str, Any] | None = None,
    evidence: Sequence[Evidence] = (),
    results: Sequence[Result] = (),
) -> AchievementCredential:
    """The unsigned credential that awards ``achievement`` to ``recipient``."""
    if recipient.email is None and recipient.did is None:
        raise ModelError("a recipient needs an e-mail address or a DID")
    return AchievementCredential(
        context=OB3_CONTEXT,
        id=credential_id or new_credential_id(),
        name=achievement.name,
        description=achievement.description,
        image=achievement.image,
        issuer=issuer,
        valid_from=valid_from or datetime.now(UTC).replace(microsecond=0),
        valid_until=valid_until,
        credential_subject=AchievementSubject(
            id=recipient.did,
            identifier=recipient.identifiers(),
            achievement=achievement,
            result=tuple(results),
        ),
        evidence=tuple(evidence),
        credential_status=dict(credential_status) if credential_status is not None else None,
    )
