"""Revoking, suspending and reinstating an issued credential.

Each change sets the credential's bit in the organization's status list, re-signs that list
(so the public list URL shows it at once) and records who did it, in one transaction.
Revocation is final; a suspension can be lifted.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from microcred.web.audit.log import record
from microcred.web.credentials.errors import StatusChangeError
from microcred.web.credentials.models import IssuedCredential
from microcred.web.statuslists.publishing import set_status

MAX_REASON_CHARS = 500


def revoke(
    credential: IssuedCredential, *, actor: Any, reason: str, audit: dict[str, Any] | None = None
) -> IssuedCredential:
    reason = " ".join(reason.split())[:MAX_REASON_CHARS]
    with transaction.atomic():
        locked = _locked(credential)
        if locked.is_revoked:
            raise StatusChangeError(_("This credential was revoked already."))
        set_status(locked.revocation_list_id, locked.revocation_index, True)
        locked.revoked_at = timezone.now()
        locked.revocation_reason = reason
        locked.save(update_fields=["revoked_at", "revocation_reason"])
        record(
            locked.organization,
            actor,
            "credential.revoked",
            target=locked,
            details={"reason": reason, **(audit or {})},
        )
    return locked


def suspend(
    credential: IssuedCredential, *, actor: Any, audit: dict[str, Any] | None = None
) -> IssuedCredential:
    with transaction.atomic():
        locked = _locked(credential)
        _check_suspension(locked)
        if locked.is_suspended:
            raise StatusChangeError(_("This credential is suspended already."))
        set_status(locked.suspension_list_id, locked.suspension_index, True)
        locked.suspended_at = timezone.now()
        locked.save(update_fields=["suspended_at"])
        record(
            locked.organization, actor, "credential.suspended", target=locked, details=audit or {}
        )
    return locked


def unsuspend(
    credential: IssuedCredential, *, actor: Any, audit: dict[str, Any] | None = None
) -> IssuedCredential:
    with transaction.atomic():
        locked = _locked(credential)
        _check_suspension(locked)
        if not locked.is_suspended:
            raise StatusChangeError(_("This credential is not suspended."))
        set_status(locked.suspension_list_id, locked.suspension_index, False)
        locked.suspended_at = None
        locked.save(update_fields=["suspended_at"])
        record(
            locked.organization,
            actor,
            "credential.unsuspended",
            target=locked,
            details=audit or {},
        )
    return locked


def _locked(credential: IssuedCredential) -> IssuedCredential:
    return (
        IssuedCredential.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=credential.pk)
    )


def _check_suspension(credential: IssuedCredential) -> None:
    if credential.is_revoked:
        raise StatusChangeError(_("A revoked credential cannot be suspended or reinstated."))
    if not credential.can_be_suspended:
        raise StatusChangeError(
            _("This credential was issued without a suspension entry, so it cannot be suspended.")
        )
