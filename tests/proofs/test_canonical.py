"""RDFC-1.0 canonicalization: W3C vectors, strictness and the fast path's fidelity."""

from __future__ import annotations

import copy
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyld import jsonld

from microcred.openbadges.contexts import document_loader
from microcred.proofs import canonical
from tests.openbadges.strategies import credentials as ob3_credentials
from tests.proofs.vectors import vector_json, vector_text, vectors_loader

OB3 = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def reference_canonical_form(document, loader=document_loader):
    """The general algorithm: pyld's JSON-LD to RDF (node map) and RDFC-1.0.

    The fast path must agree with it byte for byte. Where the document has no control
    characters that pyld leaves unescaped, that is pyld's own normalize(); otherwise pyld's
    general dataset goes through RDFC-1.0 with the canonical escaping pyld lacks.
    """
    options = {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": loader,
    }
    if not any(_UNESCAPED_BY_PYLD.search(text) for text in _strings(document)):
        return jsonld.normalize(copy.deepcopy(document), options)
    general = jsonld.JsonLdProcessor().to_rdf(
        copy.deepcopy(document), {"documentLoader": loader, "base": None}
    )
    return canonical.canonicalize_dataset(general)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


# Control characters pyld writes raw (it escapes only \t, \n and \r).
_UNESCAPED_BY_PYLD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def test_it_reproduces_the_w3c_canonical_document():
    unsigned = vector_json("unsigned.json")
    expected = vector_text("eddsa-rdfc-2022/canonDocDataInt.txt")
    assert canonical.canonicalize(unsigned, loader=vectors_loader) == expected


def test_it_reproduces_the_w3c_canonical_proof_configuration():
    config = vector_json("eddsa-rdfc-2022/proofConfigDataInt.json")
    expected = vector_text("eddsa-rdfc-2022/proofCanonDataInt.txt")
    assert canonical.canonicalize(config, loader=vectors_loader) == expected


def test_it_escapes_control_characters_as_rdfc_1_0_requires():
    # The example from the RDFC-1.0 canonical N-Quads rules (as rdf-canon documents them).
    value = "\u0008\u0009\u000a\u000b\u000c\u000d\u0022\u005c\u007f\u0000\u001f"
    assert canonical.escape_literal(value) == '\\b\\t\\n\\u000B\\f\\r\\"\\\\\\u007F\\u0000\\u001F'


def test_control_characters_reach_the_canonical_form_escaped():
    document = {"@context": OB3, "type": ["Achievement"], "name": "tab\there\u0001bell\u0007"}
    nquads = canonical.canonicalize(document)
    assert '"tab\\there\\u0001bell\\u0007"' in nquads
    assert "\u0001" not in nquads


def test_it_refuses_a_property_no_context_defines():
    document = {"@context": OB3, "type": ["Achievement"], "name": "x", "sneaky": "unsigned"}
    with pytest.raises(canonical.UndefinedTermError, match="sneaky"):
        canonical.canonicalize(document)


def test_it_refuses_a_nested_undefined_property():
    document = {
        "@context": OB3,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "credentialSubject": {"type": ["AchievementSubject"], "grade": "A"},
    }
    with pytest.raises(canonical.UndefinedTermError, match="grade"):
        canonical.canonicalize(document)


def test_it_refuses_an_undefined_type():
    document = {"@context": OB3, "type": ["Achievement", "MadeUpType"], "name": "x"}
    with pytest.raises(canonical.UndefinedTermError, match="MadeUpType"):
        canonical.canonicalize(document)


def test_it_refuses_a_relative_identifier():
    document = {"@context": OB3, "id": "not-absolute", "type": ["Achievement"], "name": "x"}
    with pytest.raises(canonical.CanonicalizationError, match="absolute IRI"):
        canonical.canonicalize(document)


def test_it_refuses_an_unknown_context_without_fetching_it():
    document = {"@context": ["https://evil.example/ctx.json"], "name": "x"}
    with pytest.raises(canonical.CanonicalizationError, match="never fetched"):
        canonical.canonicalize(document)


def test_an_inline_context_changed_between_calls_is_not_served_from_the_memo():
    inline = {"nickname": "https://example.org/one"}
    document = {"@context": ["https://www.w3.org/ns/credentials/v2", inline], "nickname": "x"}
    first = canonical.canonicalize(document)
    inline["nickname"] = "https://example.org/two"
    second = canonical.canonicalize(document)
    assert "example.org/one" in first
    assert "example.org/two" in second


@pytest.mark.parametrize(
    "example",
    [
        "ob3_basic_openbadgecredential.json",
        "ob3_complete_openbadgecredential.json",
        "ob3_skill_assertion_case.json",
    ],
)
def test_it_agrees_with_pyld_on_the_ob3_examples(example):
    from tests.conftest import load_json

    document = load_json(f"examples/{example}")
    document.pop("proof", None)
    try:
        expected = reference_canonical_form(document)
    except jsonld.JsonLdError:
        pytest.skip("pyld itself cannot process this example offline")
    assert canonical.canonicalize(document) == expected


def test_blank_nodes_with_equal_first_degree_hashes_use_the_n_degree_algorithm():
    # Two structurally identical anonymous alignments share their first-degree hash.
    alignment = {"type": ["Alignment"], "targetName": "same", "targetUrl": "https://x.example"}
    document = {
        "@context": OB3,
        "id": "https://example.org/a",
        "type": ["Achievement"],
        "alignment": [alignment, dict(alignment)],
        "related": [{"id": "https://example.org/b", "type": ["Related"]}],
    }
    assert canonical.canonicalize(document) == reference_canonical_form(document)


def test_the_w3c_vector_agrees_with_pyld():
    unsigned = vector_json("unsigned.json")
    assert canonical.canonicalize(unsigned, loader=vectors_loader) == reference_canonical_form(
        unsigned, vectors_loader
    )


_printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=30
)


@st.composite
def credentials(draw):
    """OB 3.0 credentials with varied shapes: anonymous nodes, repeats, lists, languages."""
    alignments = draw(
        st.lists(
            st.fixed_dictionaries(
                {"type": st.just(["Alignment"]), "targetName": _printable},
                optional={"targetUrl": st.sampled_from(["https://a.example", "https://b.example"])},
            ),
            max_size=4,
        )
    )
    achievement = {
        "id": draw(st.sampled_from(["https://example.org/a/1", "urn:uuid:1"])),
        "type": ["Achievement"],
        "name": draw(_printable),
        "criteria": {"narrative": draw(_printable)},
    }
    if alignments:
        achievement["alignment"] = alignments
    if draw(st.booleans()):
        achievement["tag"] = draw(st.lists(_printable, max_size=3))
    if draw(st.booleans()):
        achievement["creditsAvailable"] = draw(
            st.one_of(
                st.integers(-(10**25), 10**25),
                st.floats(allow_nan=False, allow_infinity=False),
            )
        )
    if draw(st.booleans()):
        achievement["resultDescription"] = [
            {
                "id": "urn:uuid:r1",
                "type": ["ResultDescription"],
                "name": draw(_printable),
                "resultType": "LetterGrade",
                "allowedValue": draw(st.lists(_printable, min_size=1, max_size=3)),
            }
        ]
    subject = {"type": ["AchievementSubject"], "achievement": achievement}
    if draw(st.booleans()):
        subject["id"] = "did:example:holder"
    return {
        "@context": OB3,
        "id": "urn:uuid:c1",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://issuer.example", "type": ["Profile"], "name": draw(_printable)},
        "validFrom": "2026-01-01T00:00:00Z",
        "name": draw(_printable),
        "credentialSubject": subject,
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(credentials())
def test_the_fast_path_is_byte_identical_to_the_general_algorithm(document):
    assert canonical.canonicalize(document) == reference_canonical_form(document)


def _symmetric_tree(depth, width):
    if depth == 0:
        return {"v": "leaf"}
    return {"p": [_symmetric_tree(depth - 1, width) for _ in range(width)]}


def test_a_poison_document_is_refused_instead_of_running_for_hours():
    # Identical anonymous objects nested in identical anonymous objects: RDFC-1.0's
    # N-degree algorithm would try every permutation of every sibling group.
    document = {
        "@context": {"@vocab": "https://example.org/"},
        "@id": "https://example.org/root",
        **_symmetric_tree(4, 6),
    }
    with pytest.raises(canonical.CanonicalizationTooComplexError, match="poison") as refused:
        canonical.canonicalize(document)
    assert refused.value.work > canonical.MAX_N_DEGREE_WORK


def test_a_few_look_alike_objects_are_canonicalized_as_pyld_does():
    document = {
        "@context": {"@vocab": "https://example.org/"},
        "@id": "https://example.org/root",
        **_symmetric_tree(2, 3),
    }
    assert canonical.canonicalize(document) == reference_canonical_form(document)


@settings(max_examples=40)
@given(ob3_credentials())
def test_the_fast_path_agrees_on_rich_generated_ob3_credentials(document):
    assert canonical.canonicalize(document) == reference_canonical_form(document)


def test_a_document_pyld_trips_over_is_refused_as_not_json_ld():
    # pyld's RDF step raises a TypeError for a keyword with a value of the wrong kind.
    document = {
        "@context": OB3,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "credentialSubject": {"type": ["AchievementSubject"], "@set": ""},
    }
    with pytest.raises(canonical.CanonicalizationError, match="not valid JSON-LD"):
        canonical.canonicalize(document)
