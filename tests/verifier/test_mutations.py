"""No changed credential is ever reported valid: over 10,000 generated mutations.

Every mutation changes what the signature covers: any field replaced, deleted or added, any
proof or token byte flipped, arrays reordered where the order is signed (JCS and JWT payloads
sign the JSON text; RDF canonicalization signs sets, so only ``@context`` order matters there).
Mutations that leave the signed meaning unchanged (the same canonical form) are skipped, since
a verifier must accept those. Each test also checks that no mutation crashes the verifier.

Examples per test: RDFC 1,500 + Ed25519Signature2020 400 + JCS 3,600 + VC-JWT 2,000 +
VC-JWT payload form 1,000 + JWT tokens 1,000 + OB 2.0 signed 600 = 10,100.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from functools import cache
from typing import Any

import rfc8785
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from microcred.proofs.canonical import canonicalize
from microcred.verifier import Verdict, VerificationReport
from tests.verifier.fixtures import Issuer, Ob2Issuer, minimal_credential

Path = tuple[str | int, ...]

SCALARS = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.sampled_from(
        [
            "https://evil.example/x",
            "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "2099-01-01T00:00:00Z",
            "1999-01-01T00:00:00Z",
            "OpenBadgeCredential",
            "Profile",
            "urn:uuid:00000000-0000-0000-0000-000000000000",
            "Achievement",
        ]
    ),
)
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, min_size=1, max_size=3),
    st.dictionaries(
        st.sampled_from(["id", "type", "name", "value"]), SCALARS, min_size=1, max_size=2
    ),
)
NEW_KEYS = st.one_of(
    st.sampled_from(["name", "description", "id", "type", "validUntil", "achievement", "url"]),
    st.text(min_size=1, max_size=8),
)
SETTINGS = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much],
}


# --- the signed originals -------------------------------------------------------------------


@cache
def issuer() -> Issuer:
    return Issuer(host="mutations.example.org")


@cache
def original(proof_format: str) -> Any:
    credential = minimal_credential(issuer())
    credential["credentialStatus"] = {
        "id": f"{issuer().revocation_url}#3",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "3",
        "statusListCredential": issuer().revocation_url,
    }
    signed = issuer().sign(credential, proof_format)
    report = issuer().verify(signed)
    assert report.verdict is Verdict.VALID, report.render_text()
    return signed


def paths(value: Any, prefix: Path = (), *, skip: frozenset[str] = frozenset()) -> list[Path]:
    """Every place in a JSON value, outside the keys named in ``skip``."""
    found: list[Path] = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            if not prefix and key in skip:
                continue
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


_PATHS: dict[tuple[str, frozenset[str]], list[Path]] = {}


def _paths_of(key: str, document: Any, skip: frozenset[str]) -> list[Path]:
    """``paths`` of an unchanged original, computed once."""
    if (key, skip) not in _PATHS:
        _PATHS[key, skip] = paths(document, skip=skip)
    return _PATHS[key, skip]


def at(document: Any, path: Path) -> Any:
    for step in path:
        document = document[step]
    return document


def assert_not_valid(report: VerificationReport) -> None:
    assert report.first("verifier.error") is None, report.render_text()
    assert report.verdict is not Verdict.VALID, report.render_text()


# --- mutations of JSON ----------------------------------------------------------------------


@st.composite
def json_mutation(draw: Any, document: Any, *, skip: frozenset[str], ordered: bool) -> Any:
    """A changed copy of ``document``: a value replaced, a member deleted or added, or an
    array reordered (any array when ``ordered``, else only ``@context``)."""
    mutated = json.loads(json.dumps(document))
    kind = draw(st.sampled_from(["replace", "replace", "delete", "insert", "reorder"]))
    places = _paths_of(json.dumps(document, sort_keys=True), document, skip)
    if kind == "reorder":
        arrays = [
            path
            for path in places
            if isinstance(at(mutated, path), list)
            and len({json.dumps(item, sort_keys=True) for item in at(mutated, path)}) > 1
            and (ordered or path == ("@context",))
        ]
        assume(arrays)
        target = at(mutated, draw(st.sampled_from(arrays)))
        order = draw(st.permutations(range(len(target))))
        reordered = [target[index] for index in order]
        assume(reordered != target)
        target[:] = reordered
        return mutated
    if kind == "insert":
        objects = [()] + [path for path in places if isinstance(at(mutated, path), dict)]
        target = at(mutated, draw(st.sampled_from(objects)))
        key = draw(NEW_KEYS)
        assume(key not in target and not (target is mutated and key in skip))
        target[key] = draw(VALUES)
        return mutated
    path = draw(st.sampled_from(places))
    parent, last = at(mutated, path[:-1]), path[-1]
    if kind == "delete":
        if isinstance(parent, list):
            assume(len(parent) > 1)
        del parent[last]
        return mutated
    new = draw(VALUES)
    assume(_canonical_json(new) != _canonical_json(parent[last]))
    parent[last] = new
    return mutated


def _canonical_json(value: Any) -> bytes:
    return rfc8785.dumps(value)


def differs_as_rdf(mutated: dict, original_document: dict) -> bool:
    """False when the mutation leaves the RDF a signature covers unchanged."""
    try:
        return canonicalize(_unsecured(mutated)) != canonicalize(_unsecured(original_document))
    except ValueError:
        return True


def _unsecured(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "proof"}


# --- mutations of proofs ----------------------------------------------------------------------

BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@st.composite
def proof_mutation(draw: Any, document: dict) -> dict:
    mutated = json.loads(json.dumps(document))
    proof = mutated["proof"][0]
    kind = draw(st.sampled_from(["flip", "flip", "field", "delete", "add"]))
    if kind == "flip":
        value = proof["proofValue"]
        position = draw(st.integers(min_value=1, max_value=len(value) - 1))
        char = draw(st.sampled_from(BASE58).filter(lambda c: c != value[position]))
        proof["proofValue"] = value[:position] + char + value[position + 1 :]
    elif kind == "field":
        name = draw(
            st.sampled_from(
                ["created", "verificationMethod", "cryptosuite", "proofPurpose", "type"]
            )
        )
        replacements = {
            "created": ["2025-05-01T10:00:01Z", "2025-05-01T10:00:00.000Z", "2024-01-01T00:00:00Z"],
            "verificationMethod": [
                issuer().method + "x",
                issuer().id + "#key-2",
                "did:web:evil.example#key-1",
            ],
            "cryptosuite": ["eddsa-rdfc-2022", "eddsa-jcs-2022", "ecdsa-rdfc-2019", "eddsa-2022"],
            "proofPurpose": ["authentication", "capabilityInvocation", "assertion"],
            "type": ["DataIntegrityProof", "Ed25519Signature2020", "Ed25519Signature2018"],
        }[name]
        new = draw(st.sampled_from(replacements))
        assume(new != proof.get(name))
        proof[name] = new
    elif kind == "delete":
        del proof[draw(st.sampled_from(sorted(proof)))]
    else:
        key = draw(st.sampled_from(["expires", "domain", "challenge", "previousProof", "id"]))
        assume(key not in proof)
        proof[key] = draw(st.sampled_from(["2000-01-01T00:00:00Z", "urn:uuid:1", "example.org"]))
    return mutated


# --- Data Integrity ---------------------------------------------------------------------------


def _di_test(proof_format: str, ordered: bool) -> Callable[..., None]:
    document = original(proof_format)

    def check(data: st.DataObject) -> None:
        if data.draw(st.integers(min_value=0, max_value=3)) == 0:
            mutated = data.draw(proof_mutation(document))
        else:
            mutated = data.draw(json_mutation(document, skip=frozenset({"proof"}), ordered=ordered))
            if not ordered:
                assume(differs_as_rdf(mutated, document))
        assert_not_valid(issuer().verify(mutated))

    return check


@settings(max_examples=1500, **SETTINGS)
@given(st.data())
def test_no_mutation_of_an_rdfc_credential_is_valid(data: st.DataObject) -> None:
    _di_test("eddsa-rdfc-2022", ordered=False)(data)


@settings(max_examples=400, **SETTINGS)
@given(st.data())
def test_no_mutation_of_an_ed25519signature2020_credential_is_valid(data: st.DataObject) -> None:
    _di_test("Ed25519Signature2020", ordered=False)(data)


@settings(max_examples=3600, **SETTINGS)
@given(st.data())
def test_no_mutation_of_a_jcs_credential_is_valid(data: st.DataObject) -> None:
    _di_test("eddsa-jcs-2022", ordered=True)(data)


# --- VC-JWT -----------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _decode(part: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def _jwt_payload_test(proof_format: str) -> Callable[..., None]:
    token = original(proof_format)
    header, payload, signature = token.split(".")
    claims = _decode(payload)
    header_json = _decode(header)

    def check(data: st.DataObject) -> None:
        if data.draw(st.integers(min_value=0, max_value=4)) == 0:
            new_header = data.draw(
                json_mutation(header_json, skip=frozenset(), ordered=True)
                | st.sampled_from(
                    [
                        {**header_json, "alg": "none"},
                        {**header_json, "alg": "HS256"},
                        {**header_json, "alg": "ES256"},
                        {**header_json, "kid": issuer().id + "#key-2"},
                        {"alg": header_json["alg"]},
                    ]
                )
            )
            mutated = f"{_b64(json.dumps(new_header).encode())}.{payload}.{signature}"
        else:
            new_claims = data.draw(json_mutation(claims, skip=frozenset(), ordered=True))
            mutated = f"{header}.{_b64(json.dumps(new_claims).encode())}.{signature}"
        assert_not_valid(issuer().verify(mutated))

    return check


@settings(max_examples=2000, **SETTINGS)
@given(st.data())
def test_no_mutation_of_a_vc_jwt_is_valid(data: st.DataObject) -> None:
    _jwt_payload_test("vc-jwt")(data)


@settings(max_examples=1000, **SETTINGS)
@given(st.data())
def test_no_mutation_of_a_vc_jwt_in_payload_form_is_valid(data: st.DataObject) -> None:
    _jwt_payload_test("vc-jwt-payload")(data)


@settings(max_examples=1000, **SETTINGS)
@given(st.sampled_from(["vc-jwt", "vc-jwt-payload"]), st.data())
def test_no_flipped_character_of_a_jwt_is_valid(proof_format: str, data: st.DataObject) -> None:
    token = original(proof_format)
    position = data.draw(st.integers(min_value=0, max_value=len(token) - 1))
    assume(token[position] != ".")
    char = data.draw(st.sampled_from(B64URL).filter(lambda c: c != token[position]))
    assert_not_valid(issuer().verify(token[:position] + char + token[position + 1 :]))


# --- Open Badges 2.0 signed -------------------------------------------------------------------


@cache
def ob2() -> tuple[Ob2Issuer, str]:
    ob2_issuer = Ob2Issuer(host="ob2-mutations.example.org")
    token = ob2_issuer.sign(ob2_issuer.assertion(1, signed=True))
    assert ob2_issuer.verify(token).verdict is Verdict.VALID
    return ob2_issuer, token


@settings(max_examples=600, **SETTINGS)
@given(st.data())
def test_no_mutation_of_a_signed_ob2_assertion_is_valid(data: st.DataObject) -> None:
    ob2_issuer, token = ob2()
    header, payload, signature = token.split(".")
    if data.draw(st.booleans()):
        assertion = data.draw(json_mutation(_decode(payload), skip=frozenset(), ordered=True))
        mutated = f"{header}.{_b64(json.dumps(assertion).encode())}.{signature}"
    else:
        position = data.draw(st.integers(min_value=0, max_value=len(token) - 1))
        assume(token[position] != ".")
        char = data.draw(st.sampled_from(B64URL).filter(lambda c: c != token[position]))
        mutated = token[:position] + char + token[position + 1 :]
    assert_not_valid(ob2_issuer.verify(mutated))
