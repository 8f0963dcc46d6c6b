"""The guard against documents built to make RDF canonicalization take hours."""

from __future__ import annotations

import pytest

from microcred.verifier import Outcome, Verdict
from microcred.verifier.symmetry import MAX_NODES, SymmetryError, check_symmetry
from tests.verifier.fixtures import Issuer, minimal_credential

CTX = [
    "https://www.w3.org/ns/credentials/v2",
    {"p": "https://example.org/p", "v": "https://example.org/v"},
]


def nested(parents: int, children: int) -> dict:
    return {
        "@context": CTX,
        "p": [{"v": "1", "p": [{"v": "1"} for _ in range(children)]} for _ in range(parents)],
    }


@pytest.mark.parametrize(
    "document",
    [
        nested(7, 7),  # takes seconds to canonicalize; 9 x 9 takes hours
        nested(2, 7),
        {"@context": CTX, "p": [{"id": "_:b0", "p": {"id": "_:b1"}}]},
        {"@context": CTX, "p": ["x"] * 100},
        {"@context": CTX, "p": [{"v": str(n)} for n in range(MAX_NODES + 1)]},
    ],
    ids=["nested-7x7", "nested-2x7", "blank-node-ids", "repeated-list-items", "too-many-nodes"],
)
def test_it_refuses_documents_shaped_to_exhaust_canonicalization(document: dict) -> None:
    with pytest.raises(SymmetryError):
        check_symmetry(document)


@pytest.mark.parametrize(
    "document",
    [nested(2, 3), nested(1, 12), {"@context": CTX, "p": [{"v": "1"}] * 16}],
    ids=["small", "siblings-under-one-parent", "sixteen-alike"],
)
def test_it_accepts_ordinary_repetition(document: dict) -> None:
    check_symmetry(document)


def test_realistic_credentials_pass() -> None:
    issuer = Issuer(method="key")
    check_symmetry(issuer.signed())
    check_symmetry(minimal_credential(issuer))


def test_the_verifier_refuses_a_poisoned_credential_quickly() -> None:
    issuer = Issuer(method="key")
    credential = minimal_credential(issuer)
    achievement = credential["credentialSubject"]["achievement"]
    results = [{"type": ["Result"], "value": "1"} for _ in range(9)]
    subjects = [
        {"type": ["AchievementSubject"], "achievement": achievement, "result": results}
        for _ in range(9)
    ]
    credential["credentialSubject"] = subjects
    # A signature is never computed over it: computing one would itself take hours.
    forged = {**credential, "proof": [{**issuer.signed("eddsa-rdfc-2022")["proof"][0]}]}
    report = issuer.verify(forged)
    assert report.verdict is Verdict.INVALID
    line = report.first("proof.signature")
    assert line.outcome is Outcome.FAILED and "take hours" in line.message.en


def test_the_verifier_refuses_a_poisoned_proof() -> None:
    issuer = Issuer(method="key")
    signed = issuer.signed("eddsa-rdfc-2022")
    signed["proof"][0]["p"] = nested(9, 9)["p"]
    report = issuer.verify(signed)
    assert report.first("proof.signature").outcome is Outcome.FAILED
    assert "take hours" in report.first("proof.signature").message.en
