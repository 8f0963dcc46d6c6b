"""The offline JSON-LD document loader."""

from __future__ import annotations

import pytest
from pyld import jsonld

from microcred.openbadges import contexts
from tests.conftest import load_json


def test_every_served_context_equals_the_reference_copy():
    index = load_json("contexts/index.json")
    served = contexts.known_context_urls()
    assert served, "the loader serves nothing"
    for url in served - contexts.own_context_urls():
        assert url in index, f"{url} has no reference copy to compare with"
        assert contexts.load_context(url) == load_json(f"contexts/{index[url]}"), url


def test_it_serves_the_contexts_an_ob3_credential_needs():
    for url in (
        contexts.CREDENTIALS_V2,
        contexts.OB_V3P0_3_0_3,
        contexts.DATA_INTEGRITY_V2,
        contexts.MULTIKEY_V1,
    ):
        assert contexts.document_loader(url)["document"]["@context"]


def test_documents_are_static_so_pyld_caches_them():
    assert contexts.document_loader(contexts.CREDENTIALS_V2)["tag"] == "static"


def test_contexts_are_parsed_once_per_process():
    first = contexts.load_context(contexts.OB_V3P0_3_0_3)
    assert contexts.load_context(contexts.OB_V3P0_3_0_3) is first


def test_it_refuses_any_other_url_with_a_clear_error():
    with pytest.raises(contexts.UnknownContextError, match="never fetched"):
        contexts.document_loader("https://evil.example/context.json")


def test_pyld_reports_an_unknown_context_instead_of_fetching_it():
    document = {"@context": "https://evil.example/context.json", "name": "x"}
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand(document, {"documentLoader": contexts.document_loader})
