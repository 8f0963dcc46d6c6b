"""The direct route from compact JSON-LD to canonical N-Quads: taken for credentials, and
byte-identical to the general algorithm wherever it is taken; refused documents never take it."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pyld import jsonld

from microcred.openbadges.contexts import document_loader
from microcred.openbadges.samples import realistic_credential
from microcred.proofs import canonical, compact_rdf
from tests.openbadges.strategies import credentials as ob3_credentials
from tests.proofs.test_canonical import OB3, reference_canonical_form
from tests.proofs.test_canonical import credentials as varied_credentials
from tests.proofs.vectors import vector_json, vectors_loader

EX = "https://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def direct(document, loader=document_loader):
    """The direct route alone: canonical N-Quads, or None where it leaves the document."""
    options = canonical._expansion_options(loader)
    processor = canonical._MemoizingProcessor(canonical._ignore_dropped)
    try:
        return compact_rdf.canonical_nquads(copy.deepcopy(document), processor, options)
    except jsonld.JsonLdError:
        return None


def general(document, loader=document_loader):
    """The general route alone: pyld's expansion, its RDF and RDFC-1.0 (or how it fails).

    pyld itself crashes on a few odd documents (an AttributeError in its node map); the
    direct route must not produce output for those either.
    """
    try:
        dataset = canonical.to_dataset(copy.deepcopy(document), loader=loader)
        return canonical.canonicalize_dataset(dataset)
    except Exception as error:
        return type(error)


def test_it_takes_the_realistic_credential():
    document = realistic_credential(
        issuer_id="did:web:issuer.example", recipient_email="a@example.org", status_list_index=3
    )
    nquads = direct(document)
    assert nquads is not None
    assert nquads == reference_canonical_form(document)


def test_it_takes_the_w3c_vector_and_agrees_with_it():
    unsigned = vector_json("unsigned.json")
    nquads = direct(unsigned, vectors_loader)
    assert nquads is not None
    assert nquads == reference_canonical_form(unsigned, vectors_loader)


def test_it_takes_a_proof_configuration():
    config = {
        "@context": OB3,
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2026-01-01T00:00:00Z",
        "verificationMethod": "did:web:issuer.example#key-1",
        "proofPurpose": "assertionMethod",
    }
    nquads = direct(config)
    assert nquads is not None
    assert nquads == reference_canonical_form(config)


@pytest.mark.parametrize(
    "document",
    [
        # undefined property, undefined type, relative id: the general route refuses them
        {"@context": OB3, "type": ["Achievement"], "name": "x", "sneaky": "unsigned"},
        {"@context": OB3, "type": ["Achievement", "MadeUpType"], "name": "x"},
        {"@context": OB3, "id": "not-absolute", "type": ["Achievement"], "name": "x"},
        # keywords and features left to the general route
        {"@context": OB3, "type": ["Achievement"], "name": {"@value": "x", "@language": "en"}},
        {"@context": OB3, "type": ["Achievement"], "name": "x", "@included": []},
        {"@context": {"@vocab": EX}, "@graph": [{"@id": EX + "a", "p": "x"}]},
        {"@context": {"@vocab": EX}, "@id": EX + "a", "p": {"@reverse": {"q": EX + "b"}}},
    ],
)
def test_it_leaves_what_it_does_not_cover_to_the_general_route(document):
    assert direct(document) is None


def test_an_embedded_context_is_followed_as_pyld_follows_it():
    document = {
        "@context": {"@vocab": EX},
        "@id": EX + "a",
        "p": {"@context": {"q": {"@id": EX + "other", "@type": "@id"}}, "q": EX + "b"},
    }
    nquads = direct(document)
    assert nquads is not None
    assert "<https://example.org/other> <https://example.org/b>" in nquads
    assert nquads == reference_canonical_form(document)


def test_look_alike_blank_nodes_are_left_to_the_n_degree_algorithm():
    document = {"@context": {"@vocab": EX}, "@id": EX + "a", "p": [{"v": "1"}, {"v": "1"}]}
    assert direct(document) is None
    assert canonical.canonicalize(document) == reference_canonical_form(document)


@pytest.mark.parametrize(
    "document",
    [
        {"@context": OB3, "type": ["Achievement"], "name": "x", "sneaky": "unsigned"},
        {"@context": OB3, "type": ["Achievement", "MadeUpType"], "name": "x"},
        {"@context": OB3, "id": "not-absolute", "type": ["Achievement"], "name": "x"},
        {"@context": OB3, "type": ["Achievement"], "image": {"id": "relative.png"}},
    ],
)
def test_refused_documents_never_take_it(document):
    assert direct(document) is None
    with pytest.raises(canonical.CanonicalizationError):
        canonical.canonicalize(document)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(varied_credentials())
def test_it_agrees_with_pyld_on_varied_credentials(document):
    nquads = direct(document)
    event("direct" if nquads is not None else "general")
    assert nquads is None or nquads == reference_canonical_form(document)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ob3_credentials())
def test_it_takes_rich_generated_ob3_credentials_and_agrees_with_pyld(document):
    nquads = direct(document)
    event("direct" if nquads is not None else "general")
    assert nquads is None or nquads == reference_canonical_form(document)


# --- generated JSON-LD: contexts with coercions, containers, scoped contexts ---------------

PROPERTIES = ["p", "q", "r", "s"]
TYPES = ["T", "U", "V"]
_iris = st.sampled_from(
    [EX + "a", EX + "b", "urn:uuid:1", "_:x", "_:y", "relative", "did:example:1", "ex:c", ""]
)
_scalars = st.one_of(
    st.text(max_size=4),
    st.integers(-(10**22), 10**22),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    _iris,
    st.sampled_from(TYPES),
)


@st.composite
def term_definitions(draw, name, depth):
    if draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from([EX + name, f"ex:{name}", None]))
    definition = {"@id": draw(st.sampled_from([EX + name, f"ex:{name}", EX + "shared"]))}
    coercion = draw(st.sampled_from([None, None, "@id", "@vocab", XSD + "date", "@json", "@none"]))
    if coercion is not None:
        definition["@type"] = coercion
    container = draw(st.sampled_from([None, None, "@set", "@list", "@language", "@index"]))
    if container is not None:
        definition["@container"] = container
    if draw(st.integers(0, 3)) == 0:
        definition["@language"] = draw(st.sampled_from(["en", "de", None]))
    if draw(st.integers(0, 7)) == 0:
        definition["@direction"] = "rtl"
    if draw(st.integers(0, 7)) == 0:
        definition["@protected"] = True
    if depth > 0 and draw(st.integers(0, 3)) == 0:
        definition["@context"] = draw(contexts(depth - 1))
    if draw(st.integers(0, 11)) == 0:
        definition = {"@reverse": EX + name}
    return definition


@st.composite
def contexts(draw, depth=2):
    context = {}
    if draw(st.booleans()):
        context["ex"] = EX
    if draw(st.integers(0, 2)) == 0:
        context["@vocab"] = EX + "v/"
    if draw(st.integers(0, 3)) == 0:
        context["@language"] = draw(st.sampled_from(["en", "DE"]))
    if draw(st.integers(0, 4)) == 0:
        context["@propagate"] = False
    if draw(st.integers(0, 2)) == 0:
        context["id"] = "@id"
        context["type"] = "@type"
    # "type" and "id" too: a scoped context may make them properties again.
    names = st.sampled_from([*PROPERTIES, "type", "id"])
    for name in draw(st.lists(names, unique=True, max_size=4)):
        context[name] = draw(term_definitions(name, depth))
    for name in draw(st.lists(st.sampled_from(TYPES), unique=True, max_size=3)):
        definition = {"@id": EX + name}
        if depth > 0 and draw(st.booleans()):
            definition["@context"] = draw(contexts(depth - 1))
        context[name] = definition
    return context


@st.composite
def nodes(draw, depth=3):
    node = {}
    if draw(st.booleans()):
        node[draw(st.sampled_from(["id", "@id"]))] = draw(_iris)
    if draw(st.booleans()):
        types = st.sampled_from([*TYPES, "Undefined", EX + "W"])
        node[draw(st.sampled_from(["type", "@type"]))] = draw(
            st.one_of(types, st.lists(types, max_size=3))
        )
    keys = st.sampled_from([*PROPERTIES, "undefined", EX + "full", "ex:d", "@value"])
    for key in draw(st.lists(keys, unique=True, max_size=4)):
        node[key] = draw(values(depth))
    return node


def values(depth):
    single = _scalars if depth == 0 else st.one_of(_scalars, nodes(depth - 1))
    return st.one_of(st.none(), single, st.lists(st.one_of(st.none(), single), max_size=3))


@st.composite
def documents(draw):
    document = draw(nodes())
    inline = draw(contexts())
    document["@context"] = draw(st.sampled_from([inline, [OB3[0], inline], [*OB3, inline]]))
    return document


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_it_agrees_with_the_general_route_on_generated_json_ld(document):
    expected = general(document)
    nquads = direct(document)
    event("direct" if nquads is not None else "general")
    if isinstance(expected, type):
        # Refused by the general route: the direct route must not produce a signature input.
        assert nquads is None
    else:
        assert nquads is None or nquads == expected


def test_what_it_remembers_is_bounded_and_forgetting_changes_nothing(monkeypatch):
    monkeypatch.setattr(compact_rdf, "_MAX_REMEMBERED", 5)
    document = realistic_credential(
        issuer_id="did:web:issuer.example", recipient_email="a@example.org", status_list_index=3
    )
    expected = reference_canonical_form(document)
    for _ in range(3):
        assert direct(document) == expected
        assert compact_rdf._Remembered.count < 5
