"""A verification report as the VC API's verification result."""

from __future__ import annotations

from typing import Any, Final

from microcred.verifier import Check, Outcome, VerificationReport
from microcred.web.vcapi.problems import (
    CRYPTOGRAPHIC_SECURITY_ERROR,
    GENERIC,
    MALFORMED_VALUE_ERROR,
    PARSING_ERROR,
)

_TYPES: Final = (
    (("proof.", "jwt.", "issuer.key"), CRYPTOGRAPHIC_SECURITY_ERROR),
    (("input.",), PARSING_ERROR),
    (("format.",), MALFORMED_VALUE_ERROR),
)


def verification_result(report: VerificationReport) -> dict[str, Any]:
    """``checks`` that passed (their codes), ``warnings`` (undecided) and ``errors`` (failed)
    as problem details, ``verified``, and microcred's full report beside them."""
    checks: list[str] = []
    for check in report.checks:
        if check.outcome is Outcome.PASSED and check.code not in checks:
            checks.append(check.code)
    return {
        "verified": report.valid,
        "checks": checks,
        "warnings": [_problem(c) for c in report.checks if c.outcome is Outcome.INDETERMINATE],
        "errors": [_problem(c) for c in report.checks if c.outcome is Outcome.FAILED],
        "microcred": report.to_json(),
    }


def _problem(check: Check) -> dict[str, Any]:
    kind = next((kind for prefixes, kind in _TYPES if check.code.startswith(prefixes)), GENERIC)
    return {"type": kind, "title": check.code, "detail": check.message.en}
