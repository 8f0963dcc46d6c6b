"""Does the credential belong to the person the verifier was told about?

The person is given as an e-mail address, a DID or a URL. Open Badges 3.0 names the recipient
by ``credentialSubject.id`` and by ``identifier`` entries (IdentityObjects, usually a salted
SHA-256 of the e-mail address); Open Badges 2.0 by its ``recipient`` object. Hashes are
compared as the identity module does: the address normalized and as typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from microcred.openbadges.errors import ModelError
from microcred.openbadges.identity import identity_matches
from microcred.verifier.context import Run
from microcred.verifier.fields import as_list
from microcred.verifier.report import Outcome


def check_recipient(run: Run, credential: Mapping[str, Any]) -> None:
    """OB 3.0: ``credentialSubject.id`` and ``credentialSubject.identifier``."""
    if run.recipient is None:
        run.add("recipient.match", Outcome.SKIPPED, "recipient.not_given")
        return
    given = run.recipient.strip()
    identities: list[Mapping[str, Any]] = []
    subject_ids: list[str] = []
    for subject in as_list(credential.get("credentialSubject")):
        if not isinstance(subject, Mapping):
            continue
        if isinstance(subject.get("id"), str):
            subject_ids.append(subject["id"])
        identities += [
            item for item in as_list(subject.get("identifier")) if isinstance(item, Mapping)
        ]
    _conclude(run, given, subject_ids, identities)


def check_ob2_recipient(run: Run, assertion: Mapping[str, Any]) -> None:
    """OB 2.0: ``recipient`` with ``type``, ``identity``, ``hashed`` and ``salt``."""
    if run.recipient is None:
        run.add("recipient.match", Outcome.SKIPPED, "recipient.not_given")
        return
    recipient = assertion.get("recipient")
    identities: list[Mapping[str, Any]] = []
    subject_ids: list[str] = []
    if isinstance(recipient, Mapping) and isinstance(recipient.get("identity"), str):
        kind = recipient.get("type")
        if kind == "email":
            identities.append(
                {
                    "type": "IdentityObject",
                    "identityType": "emailAddress",
                    "hashed": recipient.get("hashed") is True,
                    "identityHash": recipient["identity"],
                    "salt": recipient.get("salt")
                    if isinstance(recipient.get("salt"), str)
                    else None,
                }
            )
        elif recipient.get("hashed") is not True:
            subject_ids.append(recipient["identity"])
    _conclude(run, run.recipient.strip(), subject_ids, identities)


def _conclude(
    run: Run, given: str, subject_ids: list[str], identities: list[Mapping[str, Any]]
) -> None:
    if not subject_ids and not identities:
        run.add("recipient.match", Outcome.INDETERMINATE, "recipient.none_named", who=given)
        return
    email = given.removeprefix("mailto:") if "@" in given else None
    if given in subject_ids or (email is not None and f"mailto:{email}" in subject_ids):
        run.add("recipient.match", Outcome.PASSED, "recipient.matches", {"by": "id"}, who=given)
        return
    if email is not None:
        for identity in identities:
            try:
                matched = identity_matches(_without_nulls(identity), email)
            except ModelError:
                continue
            if matched:
                hashed = identity.get("hashed") is True
                run.add(
                    "recipient.match",
                    Outcome.PASSED,
                    "recipient.matches_hash" if hashed else "recipient.matches",
                    {"by": "hashed e-mail" if hashed else "e-mail"},
                    who=given,
                )
                return
    run.add("recipient.match", Outcome.FAILED, "recipient.mismatch", who=given)


def _without_nulls(identity: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in identity.items() if value is not None}
