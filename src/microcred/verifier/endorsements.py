"""Endorsements carried inside a credential: each verified on its own and reported on one line.

Endorsements sit on the credential, its issuer, its achievement and the achievement's creator,
as EndorsementCredentials with embedded proofs or as VC-JWTs (``endorsementJwt``). Each is
verified in a child run. Its line fails when the endorsement is not authentic (bad structure,
proof or key) or endorses something other than what carries it, because the credential would
then show a third party's support it does not have; an endorsement that is authentic but
expired or revoked passes as authentic and says so; one that cannot be checked leaves the
result undecided.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from microcred.proofs.vc_jwt import InvalidJwtError, VcJwt, parse_vc_jwt
from microcred.verifier.context import Run
from microcred.verifier.fields import as_list, first_subject, id_of, issuer_id, text
from microcred.verifier.report import Message, Outcome

MAX_ENDORSEMENTS: Final = 10
_NOT_SETTLED: Final = (Outcome.FAILED, Outcome.INDETERMINATE)
_PLACES: Final = {
    "credential": Message("the credential", "Nachweis"),
    "issuer": Message("the issuer", "Aussteller"),
    "achievement": Message("the achievement", "Leistung"),
    "achievement.creator": Message("the achievement's creator", "Urheber der Leistung"),
}
_AUTHENTICITY: Final = ("format.standard", "format.structure", "proof.", "issuer.key")


def check_endorsements(run: Run, credential: Mapping[str, Any]) -> None:
    found = list(_endorsements(credential))
    for where, endorsed, item in found[:MAX_ENDORSEMENTS]:
        _check_one(run, where, endorsed, item)
    if len(found) > MAX_ENDORSEMENTS:
        run.add(
            "endorsement",
            Outcome.SKIPPED,
            "endorsement.too_many",
            {"count": len(found)},
            count=len(found) - MAX_ENDORSEMENTS,
        )


def _endorsements(credential: Mapping[str, Any]) -> Iterator[tuple[str, str | None, Any]]:
    """(where, id of the endorsed thing, endorsement JSON or JWT text) for every endorsement."""
    achievement = first_subject(credential).get("achievement")
    issuer = credential.get("issuer")
    holders: list[tuple[str, Any]] = [("credential", credential), ("issuer", issuer)]
    if isinstance(achievement, Mapping):
        holders += [
            ("achievement", achievement),
            ("achievement.creator", achievement.get("creator")),
        ]
    for where, holder in holders:
        if not isinstance(holder, Mapping):
            continue
        endorsed = id_of(holder)
        for item in as_list(holder.get("endorsement")):
            yield where, endorsed, item
        for item in as_list(holder.get("endorsementJwt")):
            yield where, endorsed, item


def _check_one(run: Run, where: str, endorsed: str | None, item: Any) -> None:
    from microcred.verifier.credential import check_vc  # an endorsement is a credential too

    details: dict[str, Any] = {"on": where}
    jwt: VcJwt | None = None
    if isinstance(item, str):
        try:
            jwt = parse_vc_jwt(item)
        except InvalidJwtError as error:
            run.add(
                "endorsement",
                Outcome.FAILED,
                "endorsement.malformed",
                {**details, "reason": str(error)},
                on=_PLACES[where],
            )
            return
        endorsement: Mapping[str, Any] = jwt.credential
    elif isinstance(item, Mapping):
        endorsement = item
    else:
        run.add("endorsement", Outcome.FAILED, "endorsement.malformed", details, on=_PLACES[where])
        return
    endorser = endorsement.get("issuer")
    name = text(endorser.get("name")) if isinstance(endorser, Mapping) else None
    who = name or issuer_id(endorsement) or "?"
    details.update({"endorser": issuer_id(endorsement), "endorser_name": name})
    child = run.child()
    check_vc(child, endorsement, what="endorsement", jwt=jwt)
    details["checks"] = [check.to_json() for check in child.checks]
    subject_id = id_of(first_subject(endorsement))
    authenticity = [c for c in child.checks if c.code.startswith(_AUTHENTICITY)]
    failed = [c for c in authenticity if c.outcome is Outcome.FAILED]
    if failed:
        run.add(
            "endorsement",
            Outcome.FAILED,
            "endorsement.not_authentic",
            details,
            who=who,
            reason=failed[0].message,
        )
    elif endorsed is not None and subject_id is not None and subject_id != endorsed:
        run.add(
            "endorsement",
            Outcome.FAILED,
            "endorsement.other_subject",
            {**details, "endorses": subject_id, "carried_by": endorsed},
            who=who,
            subject=subject_id,
        )
    elif unknown := [c for c in authenticity if c.outcome is Outcome.INDETERMINATE]:
        run.add(
            "endorsement",
            Outcome.INDETERMINATE,
            "endorsement.unverified",
            details,
            who=who,
            reason=unknown[0].message,
        )
    elif lapsed := [
        c
        for c in child.checks
        if c.outcome is not Outcome.PASSED and c.outcome is not Outcome.SKIPPED
    ]:
        run.add(
            "endorsement",
            Outcome.PASSED,
            "endorsement.authentic_lapsed",
            details,
            who=who,
            reason=lapsed[0].message,
        )
    else:
        run.add("endorsement", Outcome.PASSED, "endorsement.valid", details, who=who)
