"""What every verifiable credential may carry: its id, contexts, status, schema, refresh, terms."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from microcred.openbadges.codec import JsonObject, extra_field
from microcred.openbadges.contexts import CREDENTIALS_V2, OB_V3P0_3_0_3, OB_V3P0_EXTENSIONS
from microcred.openbadges.errors import ModelError

# The contexts every Open Badges 3.0 credential starts with, in this order.
OB3_CONTEXT: Final = (CREDENTIALS_V2, OB_V3P0_3_0_3)
# The 1EdTech types of credentialSchema, credentialStatus and refreshService
# (1EdTechJsonSchemaValidator2019, 1EdTechRevocationList, 1EdTechCredentialRefresh) are defined
# only in the extensions context; without it they would be undefined terms.
OB3_CONTEXT_WITH_EXTENSIONS: Final = (*OB3_CONTEXT, OB_V3P0_EXTENSIONS)
_OB_CONTEXT_URL = re.compile(
    r"https://purl\.imsglobal\.org/spec/ob/v3p0/context(-3\.\d\.\d)*\.json"
)


def new_credential_id() -> str:
    """A fresh ``urn:uuid:`` credential id."""
    return f"urn:uuid:{uuid.uuid4()}"


def check_ob3_context(context: Sequence[str | Mapping[str, Any]]) -> None:
    """The VC 2.0 context first, an OB 3.0 context second; others may follow."""
    if len(context) < 2 or context[0] != CREDENTIALS_V2:
        raise ModelError(f"@context must start with {CREDENTIALS_V2!r}")
    second = context[1]
    if not isinstance(second, str) or _OB_CONTEXT_URL.fullmatch(second) is None:
        raise ModelError(
            "the second @context entry must be an Open Badges 3.0 context "
            f"such as {OB_V3P0_3_0_3!r}"
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CredentialSchema(JsonObject):
    URI_FIELDS = ("id",)

    id: str
    type: str
    extra: Mapping[str, Any] = extra_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class CredentialStatus(JsonObject):
    """Where to look up revocation or suspension; a BitstringStatusListEntry keeps its
    ``statusPurpose``, ``statusListIndex`` and ``statusListCredential`` in ``extra``."""

    URI_FIELDS = ("id",)

    id: str
    type: str
    extra: Mapping[str, Any] = extra_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class RefreshService(JsonObject):
    URI_FIELDS = ("id",)

    id: str
    type: str
    extra: Mapping[str, Any] = extra_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class TermsOfUse(JsonObject):
    URI_FIELDS = ("id",)

    id: str | None = None
    type: str
    extra: Mapping[str, Any] = extra_field()
