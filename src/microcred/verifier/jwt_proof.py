"""Checking a VC-JWT: whose key signed it, and does the signature hold (EdDSA, ES256, RS256).

The key is found from the header's ``kid`` (a verification method, resolved like an embedded
proof's) or, failing that, its ``jwk``, which only counts when the issuer is the did:key or
did:jwk of that very key: anybody can embed a key of their own.
"""

from __future__ import annotations

from typing import Any

from microcred.proofs.vc_jwt import (
    InvalidJwtError,
    JwtAlgorithmError,
    JwtClaimsError,
    JwtSignatureError,
    VcJwt,
    verify_vc_jwt,
)
from microcred.verifier.context import Run
from microcred.verifier.embedded_proofs import add_key_problem
from microcred.verifier.fields import issuer_id
from microcred.verifier.issuer_keys import KeyProblem, ResolvedKey
from microcred.verifier.messages import noun
from microcred.verifier.report import Outcome


def check_jwt(run: Run, jwt: VcJwt, *, what: str) -> None:
    """Add the ``issuer.key`` and ``proof.signature`` lines of a parsed VC-JWT."""
    details: dict[str, Any] = {"format": "VC-JWT", "alg": jwt.algorithm[:40]}
    if jwt.kid:
        details["kid"] = jwt.kid[:300]
    issuer = issuer_id(jwt.credential)
    if jwt.algorithm.lower() == "none":
        run.add("proof.signature", Outcome.FAILED, "jwt.unsigned", details)
        return
    try:
        resolved = _key(run, jwt, issuer)
    except KeyProblem as problem:
        add_key_problem(run, problem, details)
        outcome = (
            Outcome.INDETERMINATE if problem.outcome is Outcome.INDETERMINATE else Outcome.SKIPPED
        )
        run.add("proof.signature", outcome, "proof.no_key", details)
        return
    run.add(
        "issuer.key",
        Outcome.PASSED,
        "issuer.key.passed",
        {**details, "controller": resolved.controller, "route": resolved.route},
        controller=resolved.controller,
    )
    try:
        verify_vc_jwt(jwt, resolved.public_key)
    except JwtAlgorithmError as error:
        sentence, reason = "jwt.algorithm", str(error)
    except JwtSignatureError as error:
        sentence, reason = "jwt.mismatch", str(error)
    except JwtClaimsError as error:
        sentence, reason = "jwt.claims", str(error)
    except InvalidJwtError as error:
        sentence, reason = "jwt.malformed", str(error)
    except (ValueError, TypeError, KeyError) as error:
        sentence, reason = "jwt.malformed", f"{type(error).__name__}: {error}"
    else:
        run.add("proof.signature", Outcome.PASSED, "jwt.passed", details, alg=jwt.algorithm[:40])
        return
    run.add(
        "proof.signature",
        Outcome.FAILED,
        sentence,
        {**details, "reason": reason},
        reason=reason,
        thing=noun(what),
    )


def _key(run: Run, jwt: VcJwt, issuer: str | None) -> ResolvedKey:
    kid = jwt.kid
    if kid:
        if kid.startswith("#") and issuer is not None:
            kid = issuer + kid
        if kid.startswith(("did:", "https://", "http://")):
            return run.keys.issuer_key(kid, issuer)
    if "jwk" in jwt.header:
        return run.keys.header_key(jwt.header["jwk"], issuer)
    raise KeyProblem(Outcome.FAILED, "jwt.no_key")
