"""Resolving a proof's key and tying it to the issuer: did:key, did:jwk, did:web, https
controller documents (the 1EdTech convention), JWK sets; and every way that fails."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from microcred.proofs.did import did_key, did_key_verification_method, did_web_document
from microcred.proofs.keys import KeyPair
from microcred.verifier import OfflineFetcher, Outcome, StaticFetcher
from microcred.verifier.issuer_keys import KeyProblem, KeyResolver

KEY = KeyPair.generate()
OTHER = KeyPair.generate()
DID_WEB = "did:web:issuer.example"
DID_DOC_URL = "https://issuer.example/.well-known/did.json"
ISSUER_URL = "https://issuer.example/issuers/1"


def resolver(documents: dict | None = None) -> KeyResolver:
    return KeyResolver(StaticFetcher(documents or {}))


def problem(call) -> KeyProblem:
    with pytest.raises(KeyProblem) as caught:
        call()
    return caught.value


# --- did:key and did:jwk --------------------------------------------------------------------


def test_a_did_key_resolves_without_fetching() -> None:
    did = did_key(KEY.public_key)
    resolved = KeyResolver(OfflineFetcher()).issuer_key(
        did_key_verification_method(KEY.public_key), did
    )
    assert resolved.public_key == KEY.public_key
    assert (resolved.controller, resolved.route) == (did, "did:key")


def test_a_bare_did_key_names_its_only_key() -> None:
    did = did_key(KEY.public_key)
    assert KeyResolver(OfflineFetcher()).issuer_key(did, did).public_key == KEY.public_key


def test_a_did_key_fragment_naming_another_key_fails() -> None:
    did = did_key(KEY.public_key)
    method = f"{did}#{OTHER.public_key.to_multikey()}"
    found = problem(lambda: KeyResolver(OfflineFetcher()).issuer_key(method, did))
    assert found.outcome is Outcome.FAILED


def test_a_did_jwk_resolves_without_fetching() -> None:
    jwk = json.dumps(KEY.public_key.to_jwk()).encode()
    did = "did:jwk:" + base64.urlsafe_b64encode(jwk).rstrip(b"=").decode()
    resolved = KeyResolver(OfflineFetcher()).issuer_key(f"{did}#0", did)
    assert resolved.public_key == KEY.public_key


def test_a_did_jwk_that_is_not_a_key_fails() -> None:
    did = "did:jwk:" + base64.urlsafe_b64encode(b'{"kty":"oct"}').rstrip(b"=").decode()
    assert problem(lambda: resolver().issuer_key(did, did)).key == "issuer.key.malformed"


# --- did:web --------------------------------------------------------------------------------


def test_a_did_web_key_is_fetched_and_every_listed_key_counts() -> None:
    document = did_web_document(DID_WEB, [("key-1", OTHER.public_key), ("key-2", KEY.public_key)])
    keys = resolver({DID_DOC_URL: document})
    assert keys.issuer_key(f"{DID_WEB}#key-2", DID_WEB).public_key == KEY.public_key
    assert keys.issuer_key(f"{DID_WEB}#key-1", DID_WEB).public_key == OTHER.public_key


def test_a_did_web_key_not_in_the_document_fails() -> None:
    document = did_web_document(DID_WEB, [("key-1", KEY.public_key)])
    found = problem(
        lambda: resolver({DID_DOC_URL: document}).issuer_key(f"{DID_WEB}#key-9", DID_WEB)
    )
    assert (found.outcome, found.key) == (Outcome.FAILED, "issuer.key.not_authorized")


def test_a_did_web_document_for_another_did_fails() -> None:
    document = did_web_document("did:web:evil.example", [("key-1", KEY.public_key)])
    found = problem(
        lambda: resolver({DID_DOC_URL: document}).issuer_key(f"{DID_WEB}#key-1", DID_WEB)
    )
    assert found.key == "issuer.key.wrong_document"


def test_an_unreachable_did_web_document_is_undecided() -> None:
    found = problem(lambda: resolver().issuer_key(f"{DID_WEB}#key-1", DID_WEB))
    assert (found.outcome, found.key) == (Outcome.INDETERMINATE, "issuer.key.unreachable")


def test_a_did_web_document_that_is_not_json_fails() -> None:
    found = problem(
        lambda: resolver({DID_DOC_URL: b"<html>"}).issuer_key(f"{DID_WEB}#key-1", DID_WEB)
    )
    assert found.key == "issuer.key.wrong_document"


def test_an_https_issuer_may_use_a_did_web_of_its_own_host_that_names_it() -> None:
    issuer = "https://issuer.example"
    named = did_web_document(DID_WEB, [("key-1", KEY.public_key)], also_known_as=[issuer])
    assert resolver({DID_DOC_URL: named}).issuer_key(f"{DID_WEB}#key-1", issuer)
    unnamed = did_web_document(DID_WEB, [("key-1", KEY.public_key)])
    found = problem(lambda: resolver({DID_DOC_URL: unnamed}).issuer_key(f"{DID_WEB}#key-1", issuer))
    assert found.key == "issuer.key.not_issuer"


def test_a_did_web_naming_an_issuer_on_another_host_does_not_belong_to_it() -> None:
    issuer = "https://university.example"
    claims = did_web_document(DID_WEB, [("key-1", KEY.public_key)], also_known_as=[issuer])
    found = problem(lambda: resolver({DID_DOC_URL: claims}).issuer_key(f"{DID_WEB}#key-1", issuer))
    assert found.key == "issuer.key.not_issuer"


# --- the issuer binding -----------------------------------------------------------------------


def test_a_key_of_another_did_is_not_the_issuers() -> None:
    method = did_key_verification_method(OTHER.public_key)
    found = problem(lambda: resolver().issuer_key(method, did_key(KEY.public_key)))
    assert (found.outcome, found.key) == (Outcome.FAILED, "issuer.key.not_issuer")
    assert found.values["controller"] == did_key(OTHER.public_key)


@pytest.mark.parametrize("method", [None, "", 42, "key-1", "#key-1", "urn:uuid:123"])
def test_a_missing_or_malformed_method_fails(method: object) -> None:
    assert problem(lambda: resolver().issuer_key(method, DID_WEB)).outcome is Outcome.FAILED


def test_an_unknown_did_method_is_undecided() -> None:
    found = problem(lambda: resolver().issuer_key("did:ion:abc#key-1", "did:ion:abc"))
    assert (found.outcome, found.values["method"]) == (Outcome.INDETERMINATE, "did:ion")


# --- https controller documents and the 1EdTech convention ----------------------------------


def profile(*methods: dict) -> dict:
    return {
        "@context": ["https://www.w3.org/ns/cid/v1"],
        "id": ISSUER_URL,
        "type": "Profile",
        "name": "Issuer",
        "verificationMethod": list(methods),
        "assertionMethod": [method["id"] for method in methods],
    }


def multikey_method(key: KeyPair, fragment: str) -> dict:
    return {
        "id": f"{ISSUER_URL}#{fragment}",
        "type": "Multikey",
        "controller": ISSUER_URL,
        "publicKeyMultibase": key.public_key.to_multikey(),
    }


def test_the_1edtech_convention_resolves_through_the_issuer_profile() -> None:
    multikey = KEY.public_key.to_multikey()
    keys = resolver({ISSUER_URL: profile(multikey_method(KEY, multikey))})
    resolved = keys.issuer_key(f"{ISSUER_URL}#{multikey}", ISSUER_URL)
    assert (resolved.public_key, resolved.route) == (KEY.public_key, "controller-document")


def test_a_key_in_the_fragment_that_the_profile_does_not_list_fails() -> None:
    keys = resolver({ISSUER_URL: profile(multikey_method(OTHER, OTHER.public_key.to_multikey()))})
    found = problem(
        lambda: keys.issuer_key(f"{ISSUER_URL}#{KEY.public_key.to_multikey()}", ISSUER_URL)
    )
    assert found.key == "issuer.key.not_authorized"


def test_a_fragment_key_that_differs_from_the_listed_key_fails() -> None:
    fragment = KEY.public_key.to_multikey()
    lying = multikey_method(OTHER, fragment)  # listed under KEY's name, but holds OTHER
    found = problem(
        lambda: resolver({ISSUER_URL: profile(lying)}).issuer_key(
            f"{ISSUER_URL}#{fragment}", ISSUER_URL
        )
    )
    assert found.key == "issuer.key.fragment_mismatch"


def test_a_controller_document_with_a_jwk_method_resolves() -> None:
    method = {
        "id": f"{ISSUER_URL}#key-1",
        "type": "JsonWebKey",
        "controller": ISSUER_URL,
        "publicKeyJwk": KEY.public_key.to_jwk(),
    }
    assert resolver({ISSUER_URL: profile(method)}).issuer_key(method["id"], ISSUER_URL)


def test_a_method_controlled_by_someone_else_fails() -> None:
    method = {**multikey_method(KEY, "key-1"), "controller": "https://evil.example"}
    found = problem(
        lambda: resolver({ISSUER_URL: profile(method)}).issuer_key(method["id"], ISSUER_URL)
    )
    assert found.key == "issuer.key.not_authorized"


def test_a_controller_document_served_under_another_id_fails() -> None:
    document = {**profile(multikey_method(KEY, "key-1")), "id": "https://evil.example/1"}
    found = problem(
        lambda: resolver({ISSUER_URL: document}).issuer_key(f"{ISSUER_URL}#key-1", ISSUER_URL)
    )
    assert found.key == "issuer.key.wrong_document"


# --- JWK sets and JWT header keys -----------------------------------------------------------


def test_a_jwk_set_on_the_issuers_origin_resolves() -> None:
    jwks_url = "https://issuer.example/.well-known/jwks.json"
    jwks = {"keys": [{**KEY.public_key.to_jwk(), "kid": "key-1", "use": "sig"}]}
    keys = resolver({jwks_url: jwks})
    assert keys.issuer_key(f"{jwks_url}#key-1", ISSUER_URL).route == "jwk-set"
    found = problem(lambda: keys.issuer_key(f"{jwks_url}#key-1", "https://other.example/i"))
    assert found.key == "issuer.key.not_issuer"
    assert problem(lambda: keys.issuer_key(f"{jwks_url}#key-9", ISSUER_URL)).outcome is (
        Outcome.FAILED
    )
    odd = resolver({jwks_url: {"keys": [{"kid": ["key-1"]}, "x", {**jwks["keys"][0]}]}})
    assert odd.issuer_key(f"{jwks_url}#key-1", ISSUER_URL).public_key == KEY.public_key
    assert problem(lambda: keys.issuer_key(f"{jwks_url}#key-1", "https://[broken")).key == (
        "issuer.key.not_issuer"
    )


def test_a_header_jwk_counts_only_for_the_did_of_that_key() -> None:
    keys = KeyResolver(OfflineFetcher())
    jwk = KEY.public_key.to_jwk()
    assert keys.header_key(jwk, did_key(KEY.public_key)).public_key == KEY.public_key
    assert problem(lambda: keys.header_key(jwk, did_key(OTHER.public_key))).key == (
        "issuer.key.not_issuer"
    )
    found = problem(lambda: keys.header_key(jwk, ISSUER_URL))
    assert (found.outcome, found.key) == (Outcome.INDETERMINATE, "issuer.key.self_asserted")
    assert problem(lambda: keys.header_key({"kty": "RSA", "n": "AQAB"}, ISSUER_URL)).key == (
        "issuer.key.malformed"
    )


# --- fuzzing ----------------------------------------------------------------------------------

_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=10)
    | st.sampled_from(
        [ISSUER_URL, f"{ISSUER_URL}#key-1", DID_WEB, f"{DID_WEB}#key-1", "Multikey", "JsonWebKey",
         KEY.public_key.to_multikey(), "assertionMethod", "OKP", "Ed25519"]
    ),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(
        st.sampled_from(["id", "type", "controller", "verificationMethod", "assertionMethod",
                         "publicKeyMultibase", "publicKeyJwk", "keys", "kid", "kty", "crv", "x",
                         "alsoKnownAs", "use"]),
        children,
        max_size=5,
    ),
    max_leaves=25,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    _VALUES,
    st.sampled_from(
        [
            f"{ISSUER_URL}#key-1",
            f"{DID_WEB}#key-1",
            DID_WEB,
            f"{ISSUER_URL}#{KEY.public_key.to_multikey()}",
        ]
    ),
    st.sampled_from([ISSUER_URL, DID_WEB, "https://issuer.example"]),
)
def test_any_key_document_resolves_or_gives_a_reason(document, method: str, issuer: str) -> None:
    keys = resolver({ISSUER_URL: document, DID_DOC_URL: document})
    try:
        resolved = keys.issuer_key(method, issuer)
    except KeyProblem as found:
        assert found.key.startswith("issuer.key.")
    else:
        assert resolved.public_key is not None
