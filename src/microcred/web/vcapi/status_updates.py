"""``POST /credentials/status``: what the request asks for, as (purpose, set or clear) pairs.

Two request shapes are read. The current VC API draft: ``{"credentialId", "credentialStatus":
{"type", "statusPurpose"}, "status": true}``; and the earlier list form: ``{"credentialId",
"credentialStatus": [{"type", "status"}]}`` where each entry may name its ``statusPurpose``
(revocation when it does not) and ``status`` is a boolean or "1"/"0".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from microcred.web.statuslists.models import Purpose
from microcred.web.vcapi.problems import Problem

STATUS_TYPES: Final = frozenset(
    {"BitstringStatusListEntry", "BitstringStatusList", "BitstringStatusListCredential"}
)
_TRUE: Final = {True, "1", "true"}
_FALSE: Final = {False, "0", "false"}


def requested_changes(body: Mapping[str, Any]) -> list[tuple[str, bool]]:
    entries = body.get("credentialStatus")
    if isinstance(entries, dict):
        entries = [{**entries, "status": entries.get("status", body.get("status"))}]
    elif isinstance(entries, list) and "status" in body:
        entries = [
            {**entry, "status": entry.get("status", body["status"])}
            if isinstance(entry, dict)
            else entry
            for entry in entries
        ]
    if not isinstance(entries, list) or not entries or len(entries) > 2:
        raise Problem(
            400,
            "No status",
            "credentialStatus must be an object (or a list of one or two) naming the status "
            "to set.",
        )
    changes: list[tuple[str, bool]] = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise Problem(400, "Invalid status", "Each credentialStatus entry must be an object.")
        unknown = sorted(
            set(entry)
            - {"type", "status", "statusPurpose", "id", "statusListIndex", "statusListCredential"}
        )
        if unknown:
            raise Problem(400, "Unknown member", f"Unknown credentialStatus members: {unknown}.")
        if entry.get("type") not in STATUS_TYPES:
            raise Problem(
                400,
                "Unsupported status type",
                "Only Bitstring Status List entries can be updated here, "
                f"not {entry.get('type')!r}.",
            )
        purpose = entry.get("statusPurpose", Purpose.REVOCATION)
        if purpose not in Purpose.values:
            raise Problem(
                400, "Unsupported purpose", f"statusPurpose {purpose!r} is not supported."
            )
        value = entry.get("status")
        if isinstance(value, str):
            value = value.lower()
        if value in _TRUE:
            changes.append((purpose, True))
        elif value in _FALSE:
            changes.append((purpose, False))
        else:
            raise Problem(400, "Invalid status", 'status must be true or false (or "1" or "0").')
    return changes
