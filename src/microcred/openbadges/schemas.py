"""The official JSON Schemas a credential names in ``credentialSchema`` (by URL, never copied)."""

from __future__ import annotations

from typing import Final

from microcred.openbadges.vc import CredentialSchema

_BASE: Final = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
ACHIEVEMENT_CREDENTIAL_SCHEMA: Final = _BASE + "ob_v3p0_achievementcredential_schema.json"
ENDORSEMENT_CREDENTIAL_SCHEMA: Final = _BASE + "ob_v3p0_endorsementcredential_schema.json"
PROFILE_SCHEMA: Final = _BASE + "ob_v3p0_profile_schema.json"
# The type Open Badges 3.0 gives its schemas in credentialSchema (1EdTech's validators look
# for it).
JSON_SCHEMA_VALIDATOR_TYPE: Final = "1EdTechJsonSchemaValidator2019"


def achievement_credential_schema() -> CredentialSchema:
    """The ``credentialSchema`` entry for an AchievementCredential."""
    return CredentialSchema(id=ACHIEVEMENT_CREDENTIAL_SCHEMA, type=JSON_SCHEMA_VALIDATOR_TYPE)


def endorsement_credential_schema() -> CredentialSchema:
    """The ``credentialSchema`` entry for an EndorsementCredential."""
    return CredentialSchema(id=ENDORSEMENT_CREDENTIAL_SCHEMA, type=JSON_SCHEMA_VALIDATOR_TYPE)
