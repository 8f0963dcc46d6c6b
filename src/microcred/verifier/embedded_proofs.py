"""Checking a credential's embedded Data Integrity proofs, one pair of lines per proof.

Each proof gets an ``issuer.key`` line (whose key, and is it the issuer's) and a
``proof.signature`` line (does the signature hold over the credential as it is now). Every
proof must hold and come from the issuer; a proof of a kind microcred cannot check makes the
result indeterminate unless another proof of the issuer already holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from microcred.proofs.canonical import (
    CanonicalizationError,
    CanonicalizationTooComplexError,
    UndefinedTermError,
)
from microcred.proofs.data_integrity import (
    ProofError,
    SignatureMismatchError,
    proofs_of,
    suite_of,
    verify_proof,
)
from microcred.verifier.context import Run
from microcred.verifier.dates import DateError, parse_moment
from microcred.verifier.fields import issuer_id
from microcred.verifier.issuer_keys import KeyProblem
from microcred.verifier.messages import noun
from microcred.verifier.report import Outcome

MAX_PROOFS: Final = 8
# Suites whose proofs canonicalize the document as RDF (RDFC-1.0).


def check_embedded_proofs(run: Run, document: Mapping[str, Any], *, what: str) -> None:
    try:
        proofs = proofs_of(document)
    except ProofError:
        run.add("proof.signature", Outcome.FAILED, "proof.malformed_list", thing=noun(what))
        return
    if not proofs:
        run.add("proof.signature", Outcome.FAILED, "proof.missing", thing=noun(what))
        return
    if len(proofs) > MAX_PROOFS:
        run.add(
            "proof.signature",
            Outcome.FAILED,
            "proof.too_many",
            {"count": len(proofs)},
            count=len(proofs),
            limit=MAX_PROOFS,
        )
        return
    issuer = issuer_id(document)
    unsupported: list[tuple[int, str]] = []
    held = 0
    for index, proof in enumerate(proofs):
        details = _describe(index, proof)
        try:
            suite = suite_of(proof)
        except ProofError:
            unsupported.append((index, details.get("cryptosuite") or details.get("type") or "?"))
            continue
        details["cryptosuite"] = suite.name
        if _check_one(run, document, proof, issuer, details, what):
            held += 1
    for index, name in unsupported:
        outcome = Outcome.SKIPPED if held else Outcome.INDETERMINATE
        sentence = "proof.unsupported_extra" if held else "proof.unsupported"
        run.add("proof.signature", outcome, sentence, {"index": index, "suite": name}, suite=name)


def _check_one(
    run: Run,
    document: Mapping[str, Any],
    proof: Mapping[str, Any],
    issuer: str | None,
    details: dict[str, Any],
    what: str,
) -> bool:
    purpose = proof.get("proofPurpose")
    if purpose != "assertionMethod":
        run.add(
            "proof.signature",
            Outcome.FAILED,
            "proof.purpose",
            {**details, "proofPurpose": purpose},
            purpose=str(purpose),
        )
        return False
    if "expires" in proof:
        try:
            expired = parse_moment(proof["expires"]) <= run.now
        except DateError:
            expired = True
        if expired:
            run.add("proof.signature", Outcome.FAILED, "proof.expired", details)
            return False
    try:
        resolved = run.keys.issuer_key(proof.get("verificationMethod"), issuer)
    except KeyProblem as problem:
        add_key_problem(run, problem, details)
        run.add(
            "proof.signature",
            Outcome.INDETERMINATE if problem.outcome is Outcome.INDETERMINATE else Outcome.SKIPPED,
            "proof.no_key",
            details,
        )
        return False
    run.add(
        "issuer.key",
        Outcome.PASSED,
        "issuer.key.passed",
        {**details, "controller": resolved.controller, "route": resolved.route},
        controller=resolved.controller,
    )
    try:
        verify_proof(document, proof, resolved.public_key)
    except UndefinedTermError as error:
        run.add(
            "proof.signature",
            Outcome.FAILED,
            "proof.undefined_term",
            {**details, "terms": error.terms},
            terms=", ".join(error.terms),
        )
        return False
    except CanonicalizationTooComplexError as error:
        # RDFC-1.0 "poison" documents: refused by the canonicalizer's work bound.
        run.add(
            "proof.signature",
            Outcome.FAILED,
            "proof.too_symmetric",
            {**details, "reason": str(error), "work": error.work},
            reason=str(error),
        )
        return False
    except CanonicalizationError as error:
        run.add(
            "proof.signature",
            Outcome.FAILED,
            "proof.not_json_ld",
            {**details, "reason": str(error)},
            reason=str(error),
        )
        return False
    except ProofError as error:
        reason = str(error)
        if isinstance(error, SignatureMismatchError):
            sentence = "proof.mismatch"
        elif "proofValue" in reason:
            sentence = "proof.value_malformed"
        else:
            sentence = "proof.invalid"
        run.add(
            "proof.signature",
            Outcome.FAILED,
            sentence,
            {**details, "reason": reason},
            reason=reason,
            thing=noun(what),
        )
        return False
    except (ValueError, TypeError, KeyError, RecursionError) as error:
        # Hostile shapes the proof code did not foresee still end in a sentence.
        run.add(
            "proof.signature",
            Outcome.FAILED,
            "proof.invalid",
            {**details, "reason": f"{type(error).__name__}: {error}"},
            reason=str(error) or type(error).__name__,
            thing=noun(what),
        )
        return False
    run.add("proof.signature", Outcome.PASSED, "proof.passed", details, thing=noun(what))
    return True


def add_key_problem(run: Run, problem: KeyProblem, details: Mapping[str, Any]) -> None:
    run.add(
        "issuer.key",
        problem.outcome,
        problem.key,
        {**details, "reason": problem.reason} if problem.reason else details,
        reason=problem.reason,
        **problem.values,
    )


def _describe(index: int, proof: Mapping[str, Any]) -> dict[str, Any]:
    details: dict[str, Any] = {"index": index}
    for name in ("type", "cryptosuite", "verificationMethod", "created"):
        value = proof.get(name)
        if isinstance(value, str):
            details[name] = value[:300]
    return details
