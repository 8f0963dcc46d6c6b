"""The Open Badges 3.0 document model in one import.

Typed, frozen values that write themselves as plain JSON-LD dicts (``to_json()``) and read
themselves back (``from_json(...)``), raising ``ModelError`` with the JSON path of anything
they cannot accept. Each class lives in a small module of its own; this module gathers them.
"""

from __future__ import annotations

from microcred.openbadges.achievement import (
    Achievement,
    Criteria,
    Related,
    ResultDescription,
    RubricCriterionLevel,
)
from microcred.openbadges.alignment import Alignment
from microcred.openbadges.credential import (
    ACHIEVEMENT_CREDENTIAL_TYPES,
    OPEN_BADGE_CREDENTIAL_TYPES,
    AchievementCredential,
    Evidence,
)
from microcred.openbadges.endorsement import (
    ENDORSEMENT_CREDENTIAL_TYPES,
    EndorsementCredential,
    EndorsementSubject,
)
from microcred.openbadges.errors import ModelError
from microcred.openbadges.identifiers import IdentifierEntry
from microcred.openbadges.identity import IdentityObject, hashed_email, identity_matches
from microcred.openbadges.image import Image
from microcred.openbadges.profile import Address, GeoCoordinates, Profile
from microcred.openbadges.subject import AchievementSubject, Result
from microcred.openbadges.vc import (
    OB3_CONTEXT,
    OB3_CONTEXT_WITH_EXTENSIONS,
    CredentialSchema,
    CredentialStatus,
    RefreshService,
    TermsOfUse,
    new_credential_id,
)
from microcred.openbadges.vocabulary import (
    AchievementType,
    AlignmentTargetType,
    IdentifierType,
    ResultStatus,
    ResultType,
)

__all__ = [
    "ACHIEVEMENT_CREDENTIAL_TYPES",
    "ENDORSEMENT_CREDENTIAL_TYPES",
    "OB3_CONTEXT",
    "OB3_CONTEXT_WITH_EXTENSIONS",
    "OPEN_BADGE_CREDENTIAL_TYPES",
    "Achievement",
    "AchievementCredential",
    "AchievementSubject",
    "AchievementType",
    "Address",
    "Alignment",
    "AlignmentTargetType",
    "CredentialSchema",
    "CredentialStatus",
    "Criteria",
    "EndorsementCredential",
    "EndorsementSubject",
    "Evidence",
    "GeoCoordinates",
    "IdentifierEntry",
    "IdentifierType",
    "IdentityObject",
    "Image",
    "ModelError",
    "Profile",
    "RefreshService",
    "Related",
    "Result",
    "ResultDescription",
    "ResultStatus",
    "ResultType",
    "RubricCriterionLevel",
    "TermsOfUse",
    "hashed_email",
    "identity_matches",
    "new_credential_id",
]
