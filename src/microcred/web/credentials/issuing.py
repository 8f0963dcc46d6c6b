"""``issue_credential()``: status entries, signature and storage of one credential, together.

Every issuing path (the form, the VC API, the demo, later CSV batches) ends here, so every
stored credential has the same guarantees: its issuer is the organization's DID, its status
list indexes were allocated in the same transaction that stores it, it is signed with the
organization's current key, and the text the signer produced is stored unchanged.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from microcred.openbadges.contexts import UnknownContextError
from microcred.openbadges.dates import parse_datetime
from microcred.openbadges.errors import ModelError
from microcred.proofs.canonical import CanonicalizationError, to_dataset
from microcred.proofs.data_integrity import ProofError
from microcred.proofs.securing import ProofFormat, secure
from microcred.status import CREDENTIALS_V2, status_list_entry
from microcred.web.audit.log import record
from microcred.web.credentials.addresses import (
    MAX_CREDENTIAL_ID_CHARS,
    credential_id_for,
    new_public_id,
)
from microcred.web.credentials.errors import IssuingError
from microcred.web.credentials.models import Channel, IssuedCredential, IssuingSettings
from microcred.web.identity.dids import organization_did
from microcred.web.identity.signing import current_signer
from microcred.web.organizations.models import Organization
from microcred.web.statuslists.allocation import Allocation, allocate
from microcred.web.statuslists.models import Purpose


def issuing_settings(organization: Organization) -> IssuingSettings:
    """The organization's settings, or the defaults (not saved) when it never changed them."""
    found = IssuingSettings.objects.filter(organization=organization).first()
    return found or IssuingSettings(organization=organization)


def issue_credential(
    organization: Organization,
    document: Mapping[str, Any],
    *,
    actor: Any,
    proof_format: ProofFormat | None = None,
    recipient_email: str | None = None,
    recipient_name: str = "",
    achievement: Any = None,
    channel: str = Channel.FORM,
    public_id: uuid.UUID | None = None,
    audit: dict[str, Any] | None = None,
) -> IssuedCredential:
    """Sign and store ``document`` (an unsigned VC 2.0 credential) for ``organization``.

    ``document`` gets an ``id`` (its public URL) unless it has one, and its
    ``credentialStatus``: a revocation entry, and a suspension entry unless the organization
    turned suspension off. ``recipient_email`` is kept in the row for delivery only; the
    credential itself should carry it hashed (``award()`` does that). ``audit`` adds details
    to the audit log entry (which API token issued it, for example).
    """
    unsigned = copy.deepcopy(dict(document))
    _check_document(organization, unsigned)
    public_id = public_id or new_public_id()
    unsigned.setdefault("id", credential_id_for(public_id))
    credential_id = unsigned["id"]
    if not isinstance(credential_id, str) or not 0 < len(credential_id) <= MAX_CREDENTIAL_ID_CHARS:
        raise IssuingError(
            f"The credential id must be a URI of at most {MAX_CREDENTIAL_ID_CHARS} characters."
        )
    valid_from, valid_until = _dates(unsigned)
    options = issuing_settings(organization)
    chosen = proof_format or ProofFormat(options.proof_format)
    try:
        with transaction.atomic():
            if IssuedCredential.objects.filter(
                organization=organization, credential_id=credential_id
            ).exists():
                raise IssuingError(
                    f"A credential with the id {credential_id} was issued already.",
                    kind="duplicate",
                )
            revocation = allocate(organization, Purpose.REVOCATION)
            suspension = allocate(organization, Purpose.SUSPENSION) if options.suspension else None
            unsigned["credentialStatus"] = _status(revocation, suspension)
            text = _sign(organization, unsigned, chosen)
            credential = IssuedCredential.objects.create(
                organization=organization,
                public_id=public_id,
                credential_id=credential_id,
                proof_format=chosen.value,
                signed_text=text,
                name=_name(unsigned)[:500],
                recipient_name=recipient_name[:200],
                recipient_email=recipient_email or "",
                valid_from=valid_from,
                valid_until=valid_until,
                channel=channel,
                issued_by=actor,
                revocation_list=revocation.status_list,
                revocation_index=revocation.index,
                suspension_list=suspension.status_list if suspension else None,
                suspension_index=suspension.index if suspension else None,
                **({"achievement": achievement} if achievement is not None else {}),
            )
            record(
                organization,
                actor,
                "credential.issued",
                target=credential,
                details={"channel": channel, **(audit or {})},
            )
    except IntegrityError:
        # Two requests with the same id at once: the second finds the first's row.
        raise IssuingError(
            f"A credential with the id {credential_id} was issued already.", kind="duplicate"
        ) from None
    return credential


def _check_document(organization: Organization, document: dict[str, Any]) -> None:
    context = document.get("@context")
    if not isinstance(context, list) or not context or context[0] != CREDENTIALS_V2:
        raise IssuingError(
            f"The credential's @context must be a list starting with {CREDENTIALS_V2}: "
            "credentials are issued in the VC Data Model 2.0."
        )
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, Mapping) else issuer
    did = organization_did(organization)
    if issuer_id != did:
        raise IssuingError(
            f"The issuer must be this organization ({did}), not {str(issuer_id)[:200]!r}.",
            kind="issuer",
        )
    for key in ("proof", "credentialStatus"):
        if key in document:
            raise IssuingError(f"The credential must not have {key} yet: it is added when issued.")


def _dates(document: Mapping[str, Any]) -> tuple[datetime, datetime | None]:
    try:
        valid_from = _parsed(document.get("validFrom")) or timezone.now()
        valid_until = _parsed(document.get("validUntil"))
    except (ModelError, ValueError, TypeError) as error:
        raise IssuingError(f"A date of the credential cannot be read: {error}") from None
    if valid_until is not None and valid_until <= valid_from:
        raise IssuingError("validUntil must be later than validFrom.")
    return valid_from, valid_until


def _parsed(value: Any) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a date-time string")
    return parse_datetime(value)


def _status(revocation: Allocation, suspension: Allocation | None) -> Any:
    entries = [status_list_entry(revocation.url, revocation.index, Purpose.REVOCATION)]
    if suspension is not None:
        entries.append(status_list_entry(suspension.url, suspension.index, Purpose.SUSPENSION))
    # Open Badges 3.0 allows one credentialStatus object; VC 2.0 allows a list for several.
    return entries[0] if len(entries) == 1 else entries


def _sign(organization: Organization, document: dict[str, Any], proof_format: ProofFormat) -> str:
    key_pair, method = current_signer(organization)
    try:
        if proof_format is not ProofFormat.EDDSA_RDFC_2022:
            # Only RDF canonicalization needs every term defined; check it for the other
            # formats too, so no format issues a document without a defined meaning.
            to_dataset(document)
        secured = secure(document, key_pair, method, proof_format)
    except (CanonicalizationError, UnknownContextError) as error:
        raise IssuingError(str(error), kind="jsonld") from None
    except (ProofError, ValueError) as error:
        raise IssuingError(f"The credential cannot be signed: {error}") from None
    if isinstance(secured, str):
        return secured
    return json.dumps(secured, ensure_ascii=False)


def _name(document: Mapping[str, Any]) -> str:
    name = document.get("name")
    if isinstance(name, str) and name:
        return name
    subject = document.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, Mapping) else None
    if isinstance(achievement, Mapping) and isinstance(achievement.get("name"), str):
        return achievement["name"]
    return ""
