"""Documents built to make RDF canonicalization run for hours are refused, not verified for hours.

The bound lives in the canonicalizer (microcred.proofs.canonical.MAX_N_DEGREE_WORK); here the
verifier turns it into a failed signature line with a sentence a person understands.
"""

from __future__ import annotations

from microcred.verifier import Outcome, Verdict
from tests.verifier.fixtures import Issuer, minimal_credential


def _nested(parents: int, children: int) -> list[dict]:
    return [{"v": "1", "p": [{"v": "1"} for _ in range(children)]} for _ in range(parents)]


def test_the_verifier_refuses_a_poisoned_credential():
    issuer = Issuer(method="key")
    credential = minimal_credential(issuer)
    achievement = credential["credentialSubject"]["achievement"]
    results = [{"type": ["Result"], "value": "1"} for _ in range(9)]
    credential["credentialSubject"] = [
        {"type": ["AchievementSubject"], "achievement": achievement, "result": results}
        for _ in range(9)
    ]
    # No signature is ever computed over it: that would itself take hours.
    forged = {**credential, "proof": [{**issuer.signed("eddsa-rdfc-2022")["proof"][0]}]}
    report = issuer.verify(forged)
    assert report.verdict is Verdict.INVALID
    line = report.first("proof.signature")
    assert line.outcome is Outcome.FAILED
    assert "far too long" in line.message.en
    assert "zu lange" in line.message.de


def test_the_verifier_refuses_a_poisoned_proof():
    issuer = Issuer(method="key")
    signed = issuer.signed("eddsa-rdfc-2022")
    signed["@context"] = [
        *signed["@context"],
        {"p": "https://example.org/p", "v": "https://example.org/v"},
    ]
    signed["proof"][0]["p"] = _nested(9, 9)
    report = issuer.verify(signed)
    line = report.first("proof.signature")
    assert line.outcome is Outcome.FAILED
    assert "far too long" in line.message.en
