"""The direct expanded-JSON-LD-to-RDF path: taken for credential shapes, refused otherwise."""

from __future__ import annotations

import pytest
from pyld import jsonld

from microcred.openbadges.contexts import document_loader
from microcred.proofs import canonical
from microcred.proofs.expanded_rdf import simple_dataset
from tests.proofs.test_canonical import OB3, reference_canonical_form

EX = "https://example.org/"


def expanded(document):
    return jsonld.expand(document, {"documentLoader": document_loader, "base": None})


def test_it_handles_a_typical_credential():
    document = {
        "@context": OB3,
        "id": "urn:uuid:1",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://issuer.example", "type": ["Profile"], "name": "Issuer"},
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {"id": "urn:uuid:2", "type": ["Achievement"], "name": "A"},
        },
    }
    assert simple_dataset(expanded(document)) is not None


@pytest.mark.parametrize(
    "node",
    [
        {"@id": EX + "g", "@graph": [{"@id": EX + "a", EX + "p": "x"}]},
        {"@id": EX + "a", "@reverse": {EX + "p": {"@id": EX + "b"}}},
        {"@id": EX + "a", EX + "p": {"@value": {"k": 1}, "@type": "@json"}},
        {"@id": EX + "a", EX + "p": {"@value": "x", "@direction": "rtl", "@language": "ar"}},
        {"@id": EX + "a", "@included": [{"@id": EX + "b", EX + "p": "y"}]},
    ],
)
def test_it_leaves_other_json_ld_features_to_the_general_algorithm(node):
    assert simple_dataset(expanded(node)) is None


@pytest.mark.parametrize(
    "document",
    [
        # lists, including empty and nested node objects
        {"@id": EX + "a", EX + "l": {"@list": []}},
        {"@id": EX + "a", EX + "l": {"@list": ["x", {"@id": EX + "b", EX + "q": "y"}, True, 3]}},
        # the same value twice is one statement; two anonymous nodes are two
        {"@id": EX + "a", EX + "p": ["x", "x", {EX + "q": "y"}, {EX + "q": "y"}]},
        # a node stated twice with different properties merges
        {"@graph": [{"@id": EX + "a", EX + "p": "1"}, {"@id": EX + "a", EX + "q": "2"}]},
        # typed, language-tagged, boolean and integer literals
        {
            "@id": EX + "a",
            EX + "d": {"@value": "2026-01-01", "@type": "http://www.w3.org/2001/XMLSchema#date"},
            EX + "l": {"@value": "Grüße", "@language": "de"},
            EX + "b": False,
            EX + "i": -42,
            EX + "f": [2.0, 0.5, -1.25e-7, 1e22],
        },
        # explicit blank node labels, shared between statements
        {"@id": "_:x", EX + "p": {"@id": "_:y"}, "@type": EX + "T"},
        # an empty embedded node object
        {"@id": EX + "a", EX + "p": {}},
    ],
)
def test_both_paths_give_the_same_canonical_form(document):
    assert canonical.canonicalize(document) == reference_canonical_form(document)
