"""Which standard a credential follows, and whether it has the parts the others rely on.

Open Badges 3.0 credentials come in the VC 2.0 form (``validFrom``) and, from early issuers,
in the VC 1.1 form (``issuanceDate``, the 2018 context). These checks are the verifier's own
minimum; the full OB 3.0 JSON Schema runs separately when the credential names it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from microcred.verifier.context import Run
from microcred.verifier.fields import as_list, contexts_of, id_of, text, types_of
from microcred.verifier.messages import noun
from microcred.verifier.report import Outcome

VC_V2: Final = "https://www.w3.org/ns/credentials/v2"
VC_V1: Final = "https://www.w3.org/2018/credentials/v1"
OB3_CONTEXT_PREFIX: Final = "https://purl.imsglobal.org/spec/ob/v3p0/context"
CLR_CONTEXT_PREFIX: Final = "https://purl.imsglobal.org/spec/clr/v2p0/context"

BADGE_TYPES: Final = frozenset({"OpenBadgeCredential", "AchievementCredential", "ClrCredential"})
ENDORSEMENT_TYPE: Final = "EndorsementCredential"
STATUS_LIST_TYPE: Final = "BitstringStatusListCredential"

STANDARD_VC2: Final = "Open Badges 3.0 (VC 2.0)"
STANDARD_VC1: Final = "Open Badges 3.0 (VC 1.1)"


def is_ob3(document: Mapping[str, Any]) -> bool:
    """Whether ``document`` looks like a Verifiable Credential at all (either VC version)."""
    contexts = contexts_of(document)
    return bool(contexts) and contexts[0] in (VC_V2, VC_V1)


def standard_of(document: Mapping[str, Any]) -> str:
    return STANDARD_VC1 if contexts_of(document)[:1] == [VC_V1] else STANDARD_VC2


def check_structure(run: Run, credential: Mapping[str, Any], *, what: str) -> None:
    """The ``format.standard`` and ``format.structure`` lines."""
    contexts = contexts_of(credential)
    types = types_of(credential)
    v1 = contexts[:1] == [VC_V1]
    standard = standard_of(credential)
    problems: list[str] = []
    if not contexts or contexts[0] not in (VC_V2, VC_V1):
        problems.append("@context")
    if "VerifiableCredential" not in types:
        problems.append("type (VerifiableCredential)")
    wanted = _wanted_types(what)
    if not wanted & set(types):
        problems.append(f"type ({' / '.join(sorted(wanted))})")
    is_badge = bool(BADGE_TYPES & set(types)) or ENDORSEMENT_TYPE in types
    if is_badge and not any(
        isinstance(c, str) and c.startswith((OB3_CONTEXT_PREFIX, CLR_CONTEXT_PREFIX))
        for c in contexts
    ):
        problems.append("@context (Open Badges 3.0)")
    if is_badge and not isinstance(credential.get("id"), str):
        problems.append("id")
    if id_of(credential.get("issuer")) is None:
        problems.append("issuer")
    start = "issuanceDate" if v1 else "validFrom"
    # VC 2.0 makes validFrom optional; Open Badges 3.0 (and VC 1.1) require a start.
    if start not in credential and (v1 or is_badge):
        problems.append(start)
    subjects = as_list(credential.get("credentialSubject"))
    if not subjects or not all(isinstance(subject, Mapping) for subject in subjects):
        problems.append("credentialSubject")
    elif BADGE_TYPES & set(types) - {"ClrCredential"}:
        problems += _achievement_problems(subjects[0])
    run.add(
        "format.standard",
        Outcome.PASSED if not problems or problems[0] != "@context" else Outcome.FAILED,
        "format.standard" if not problems or problems[0] != "@context" else "format.not_vc",
        {"standard": standard, "types": types[:8], "vc_version": "1.1" if v1 else "2.0"},
        standard=standard,
        thing=noun(what),
    )
    if problems:
        run.add(
            "format.structure",
            Outcome.FAILED,
            "format.structure.failed",
            {"problems": problems},
            thing=noun(what),
            problems=", ".join(problems),
        )
    else:
        run.add("format.structure", Outcome.PASSED, "format.structure.passed", thing=noun(what))


def _wanted_types(what: str) -> frozenset[str]:
    if what == "endorsement":
        return frozenset({ENDORSEMENT_TYPE})
    if what == "status_list":
        return frozenset({STATUS_LIST_TYPE})
    return BADGE_TYPES | {ENDORSEMENT_TYPE}


def _achievement_problems(subject: Mapping[str, Any]) -> list[str]:
    achievement = subject.get("achievement")
    if not isinstance(achievement, Mapping):
        return ["credentialSubject.achievement"]
    problems = []
    if text(achievement.get("name")) is None:
        problems.append("credentialSubject.achievement.name")
    if not isinstance(achievement.get("id"), str):
        problems.append("credentialSubject.achievement.id")
    return problems
