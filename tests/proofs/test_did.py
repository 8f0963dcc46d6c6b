"""did:key and did:web: identifiers, documents, and finding the key a proof names."""

from __future__ import annotations

import contextlib
import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.proofs.did import (
    CID_V1_CONTEXT,
    DID_V1_CONTEXT,
    MULTIKEY_V1_CONTEXT,
    DidError,
    InvalidDidDocumentError,
    InvalidDidError,
    VerificationMethodNotFound,
    did_key,
    did_key_document,
    did_key_verification_method,
    did_web,
    did_web_document,
    did_web_document_url,
    find_verification_method,
    resolve_did_key,
    split_did_url,
)
from microcred.proofs.keys import KeyPair
from tests.conftest import load_json

VECTORS = "vectors/w3c-vc-di-eddsa/TestVectors"
ED = KeyPair.generate("Ed25519").public_key
ED_OLD = KeyPair.generate("Ed25519").public_key
P256 = KeyPair.generate("P-256").public_key
RSA = KeyPair.generate("RSA").public_key
ISSUER = "did:web:example.com:issuers:acme"
# A fixed secret key (the W3C vector's): xdist workers must collect identical test ids.
VECTOR_SECRET = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"


# --- did:key -------------------------------------------------------------------------------


def test_the_w3c_vector_key_resolves_from_its_verification_method() -> None:
    public_multibase = load_json(f"{VECTORS}/keyPair.json")["publicKeyMultibase"]
    signed = load_json(f"{VECTORS}/eddsa-rdfc-2022/signedDataInt.json")
    method_id = signed["proof"]["verificationMethod"]

    document = resolve_did_key(method_id)
    key = find_verification_method(document, method_id)

    assert key.to_multikey() == public_multibase
    assert did_key(key) == "did:key:" + public_multibase
    assert did_key_verification_method(key) == method_id


def test_a_did_key_document_has_one_multikey_method_for_every_purpose() -> None:
    did = did_key(ED)

    document = did_key_document(did)

    method_id = f"{did}#{ED.to_multikey()}"
    assert document["@context"] == [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT]
    assert document["id"] == did
    assert document["verificationMethod"] == [
        {
            "id": method_id,
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": ED.to_multikey(),
        }
    ]
    assert document["assertionMethod"] == document["authentication"] == [method_id]


def test_a_p256_did_key_resolves_too() -> None:
    did = did_key(P256)

    assert did.startswith("did:key:zDn")
    assert find_verification_method(resolve_did_key(did), f"#{P256.to_multikey()}") == P256


def test_rsa_keys_have_no_did_key() -> None:
    with pytest.raises(ValueError, match="RSA"):
        did_key(RSA)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        ("did:web:example.com", InvalidDidError, "not a did:key"),
        ("did:key:zNotBase58!", InvalidDidError, "usable public key"),
        ("did:key:" + VECTOR_SECRET, InvalidDidError, "secret key"),
        (f"{did_key(ED)}#{ED_OLD.to_multikey()}", InvalidDidError, "does not name the key"),
        ("did:key:", InvalidDidError, "not a DID"),
        ("mailto:someone@example.com", InvalidDidError, "not a DID"),
        (42, InvalidDidError, "string"),
    ],
)
def test_it_refuses_bad_did_keys_with_a_clear_error(
    value: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        resolve_did_key(value)  # type: ignore[arg-type]


# --- did:web -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host_and_path", "did"),
    [
        ("example.com/issuers/acme", "did:web:example.com:issuers:acme"),
        ("example.com", "did:web:example.com"),
        ("localhost:8000", "did:web:localhost%3A8000"),
        ("localhost:8000/issuers/1", "did:web:localhost%3A8000:issuers:1"),
        ("https://Badges.Example.org/issuers/acme/", "did:web:badges.example.org:issuers:acme"),
        ("example.com/Schule Süd", "did:web:example.com:Schule%20S%C3%BCd"),
        ("example.com/a~b:c", "did:web:example.com:a%7Eb%3Ac"),
    ],
)
def test_it_builds_did_web_identifiers(host_and_path: str, did: str) -> None:
    assert did_web(host_and_path) == did


@pytest.mark.parametrize(
    "host_and_path",
    [
        "",
        "http://example.com",
        "example.com//acme",
        "example.com/../acme",
        "example.com/acme?x=1",
        "exa mple.com",
        "-example.com",
        "example.com:0",
        "example.com:99999",
        "[::1]:8000",
    ],
)
def test_it_refuses_what_cannot_be_a_did_web(host_and_path: str) -> None:
    with pytest.raises(InvalidDidError):
        did_web(host_and_path)


@pytest.mark.parametrize(
    ("did", "url"),
    [
        ("did:web:example.com", "https://example.com/.well-known/did.json"),
        ("did:web:example.com:issuers:acme", "https://example.com/issuers/acme/did.json"),
        ("did:web:localhost%3A8000", "https://localhost:8000/.well-known/did.json"),
        ("did:web:localhost%3A8000:u:alice", "https://localhost:8000/u/alice/did.json"),
        ("did:web:example.com:issuers:acme#key-1", "https://example.com/issuers/acme/did.json"),
        ("did:web:Example.COM", "https://example.com/.well-known/did.json"),
    ],
)
def test_it_says_where_a_did_web_document_is_fetched(did: str, url: str) -> None:
    assert did_web_document_url(did) == url


@pytest.mark.parametrize(
    "did",
    ["did:key:z6Mk", "did:web:", "did:web:example.com:a/b", "did:web:example.com::a", "web:x"],
)
def test_it_refuses_to_locate_what_is_not_a_did_web(did: str) -> None:
    with pytest.raises(InvalidDidError):
        did_web_document_url(did)


LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
SEGMENT = st.from_regex(r"[A-Za-z0-9._-]{1,12}", fullmatch=True).filter(
    lambda s: s not in {".", ".."}
)


@given(
    st.lists(LABEL, min_size=1, max_size=4),
    st.none() | st.integers(1, 65535),
    st.lists(SEGMENT, max_size=4),
)
def test_a_did_web_leads_back_to_its_host_and_path(
    labels: list[str], port: int | None, segments: list[str]
) -> None:
    host = ".".join(labels) + (f":{port}" if port else "")
    path = "/".join(segments)

    url = did_web_document_url(did_web(f"{host}/{path}" if path else host))

    expected = f"https://{host}/{path}/did.json" if path else f"https://{host}/.well-known/did.json"
    assert url == expected


def test_a_did_web_document_lists_every_key_for_assertions() -> None:
    document = did_web_document(
        ISSUER,
        [("key-1", ED_OLD), ("#key-2", P256), (f"{ISSUER}#key-3", ED), ("key-rsa", RSA)],
        also_known_as=["https://example.com/issuers/acme"],
    )

    ids = [f"{ISSUER}#key-1", f"{ISSUER}#key-2", f"{ISSUER}#key-3", f"{ISSUER}#key-rsa"]
    assert document["id"] == ISSUER
    assert document["@context"] == [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT, CID_V1_CONTEXT]
    assert document["alsoKnownAs"] == ["https://example.com/issuers/acme"]
    assert [method["id"] for method in document["verificationMethod"]] == ids
    assert document["assertionMethod"] == ids
    assert {method["controller"] for method in document["verificationMethod"]} == {ISSUER}
    multikey, _, _, jwk = document["verificationMethod"]
    assert multikey["type"] == "Multikey"
    assert multikey["publicKeyMultibase"] == ED_OLD.to_multikey()
    assert jwk["type"] == "JsonWebKey"
    assert jwk["publicKeyJwk"] == RSA.to_jwk()


def test_a_document_without_rsa_keys_needs_no_jwk_context() -> None:
    document = did_web_document(ISSUER, [("key-1", ED)])

    assert document["@context"] == [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT]
    assert "alsoKnownAs" not in document


def test_a_rotated_key_still_verifies_what_it_signed() -> None:
    document = did_web_document(ISSUER, [("key-1", ED_OLD), ("key-2", ED)])

    assert find_verification_method(document, f"{ISSUER}#key-1") == ED_OLD
    assert find_verification_method(document, f"{ISSUER}#key-2") == ED
    assert find_verification_method(document, "#key-1") == ED_OLD


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ([], "at least one key"),
        ([("key-1", ED), ("#key-1", P256)], "used twice"),
        ([("did:web:other.example#key-1", ED)], "does not belong"),
        ([("", ED)], "non-empty"),
        ([("key 1", ED)], "usable method id"),
    ],
)
def test_it_refuses_to_build_a_broken_document(keys: list[Any], message: str) -> None:
    with pytest.raises(InvalidDidDocumentError, match=message):
        did_web_document(ISSUER, keys)


def test_it_refuses_to_build_a_document_for_another_method() -> None:
    with pytest.raises(InvalidDidError):
        did_web_document(did_key(ED), [("key-1", ED)])


# --- reading documents ---------------------------------------------------------------------


def _document(*methods: dict[str, Any], assertion: list[Any] | None = None) -> dict[str, Any]:
    return {
        "@context": [DID_V1_CONTEXT],
        "id": ISSUER,
        "verificationMethod": list(methods),
        "assertionMethod": assertion if assertion is not None else [m["id"] for m in methods],
    }


def test_it_reads_ed25519_verification_key_2020_methods() -> None:
    method = {
        "id": "#key-1",
        "type": "Ed25519VerificationKey2020",
        "controller": ISSUER,
        "publicKeyMultibase": ED.to_multikey(),
    }

    assert find_verification_method(_document(method), f"{ISSUER}#key-1") == ED


def test_it_reads_ed25519_verification_key_2018_methods() -> None:
    import base58

    raw = ED.key_bytes
    method = {
        "id": f"{ISSUER}#key-1",
        "type": "Ed25519VerificationKey2018",
        "controller": ISSUER,
        "publicKeyBase58": base58.b58encode(raw).decode(),
    }

    assert find_verification_method(_document(method), "#key-1") == ED


@pytest.mark.parametrize("kind", ["JsonWebKey", "JsonWebKey2020"])
@pytest.mark.parametrize("public_key", [ED, P256, RSA], ids=["Ed25519", "P-256", "RSA"])
def test_it_reads_json_web_key_methods(kind: str, public_key: Any) -> None:
    method = {
        "id": f"{ISSUER}#key-1",
        "type": kind,
        "controller": ISSUER,
        "publicKeyJwk": public_key.to_jwk(),
    }

    assert find_verification_method(_document(method), f"{ISSUER}#key-1") == public_key


def test_it_reads_a_method_embedded_in_the_assertion_relationship() -> None:
    embedded = {
        "id": f"{ISSUER}#key-9",
        "type": "Multikey",
        "controller": ISSUER,
        "publicKeyMultibase": ED.to_multikey(),
    }
    document = _document(assertion=[embedded])

    assert find_verification_method(document, f"{ISSUER}#key-9") == ED


def test_a_key_only_for_authentication_is_not_an_assertion_key() -> None:
    document = did_web_document(ISSUER, [("key-1", ED)])
    document["authentication"] = document.pop("assertionMethod")

    with pytest.raises(VerificationMethodNotFound, match="assertionMethod"):
        find_verification_method(document, f"{ISSUER}#key-1")
    assert find_verification_method(document, "#key-1", "authentication") == ED


def test_it_refuses_a_key_controlled_by_someone_else() -> None:
    document = did_web_document(ISSUER, [("key-1", ED)])
    document["verificationMethod"][0]["controller"] = "did:web:evil.example"

    with pytest.raises(VerificationMethodNotFound, match=r"controlled by did:web:evil\.example"):
        find_verification_method(document, f"{ISSUER}#key-1")


def test_it_refuses_a_method_of_another_did() -> None:
    document = did_web_document(ISSUER, [("key-1", ED)])

    with pytest.raises(VerificationMethodNotFound, match=r"belongs to did:web:evil\.example"):
        find_verification_method(document, "did:web:evil.example#key-1")


def test_it_refuses_an_unknown_method_id() -> None:
    document = did_web_document(ISSUER, [("key-1", ED)])

    with pytest.raises(VerificationMethodNotFound, match="does not list"):
        find_verification_method(document, f"{ISSUER}#key-2")


def test_it_refuses_a_listed_method_that_is_not_described() -> None:
    document = did_web_document(ISSUER, [("key-1", ED)])
    document["assertionMethod"].append(f"{ISSUER}#key-2")

    with pytest.raises(VerificationMethodNotFound, match="not described"):
        find_verification_method(document, f"{ISSUER}#key-2")


def test_it_refuses_a_method_id_without_a_fragment() -> None:
    with pytest.raises(VerificationMethodNotFound, match="names a DID"):
        find_verification_method(did_web_document(ISSUER, [("key-1", ED)]), ISSUER)


def _with_method(**changes: Any) -> dict[str, Any]:
    document = did_web_document(ISSUER, [("key-1", ED)])
    document["verificationMethod"][0].update(changes)
    return document


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("not a document", "JSON object"),
        ({"verificationMethod": []}, "no 'id'"),
        ({"id": "https://example.com"}, "not a DID"),
        ({"id": f"{ISSUER}#key-1"}, "DID URL"),
        ({"id": ISSUER, "assertionMethod": "#key-1"}, "not a list"),
        ({"id": ISSUER, "assertionMethod": [42]}, "neither a method id"),
        ({"id": ISSUER, "assertionMethod": ["#key-1"], "verificationMethod": {}}, "not a list"),
        ({"id": ISSUER, "assertionMethod": ["#key-1"], "verificationMethod": [1]}, "no 'id'"),
        (_with_method(type="EcdsaSecp256k1VerificationKey2019"), "has type"),
        (_with_method(publicKeyMultibase="z6MkBAD"), "cannot be read"),
        (_with_method(publicKeyMultibase=None), "publicKeyMultibase"),
        (
            _with_method(type="Ed25519VerificationKey2020", publicKeyMultibase=P256.to_multikey()),
            "P-256",
        ),
        (
            _with_method(type="JsonWebKey", publicKeyJwk=KeyPair.generate().to_private_jwk()),
            "private key members",
        ),
        (_with_method(type="JsonWebKey", publicKeyJwk="x"), "JSON object"),
        (_with_method(type="Ed25519VerificationKey2018", publicKeyBase58="abc"), "32 bytes"),
        (_with_method(type="Ed25519VerificationKey2018", publicKeyBase58="0OIl"), "base58"),
    ],
)
def test_it_refuses_malformed_documents_with_a_clear_error(document: Any, message: str) -> None:
    with pytest.raises(DidError, match=message):
        find_verification_method(document, f"{ISSUER}#key-1")


def test_it_knows_only_the_did_core_relationships() -> None:
    with pytest.raises(ValueError, match="not a verification relationship"):
        find_verification_method(did_web_document(ISSUER, [("k", ED)]), "#k", "proofOfWork")


def test_split_did_url_separates_the_fragment() -> None:
    assert split_did_url(f"{ISSUER}#key-1") == (ISSUER, "key-1")
    assert split_did_url(ISSUER) == (ISSUER, None)
    with pytest.raises(InvalidDidError, match="fragment"):
        split_did_url(f"{ISSUER}#")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
METHOD_KEYS = st.sampled_from(
    ["id", "type", "controller", "publicKeyMultibase", "publicKeyJwk", "publicKeyBase58"]
)


@given(
    st.lists(
        st.dictionaries(
            METHOD_KEYS,
            JSON | st.sampled_from([ISSUER, "#key-1", "Multikey", "JsonWebKey", ED.to_multikey()]),
            max_size=6,
        ),
        max_size=3,
    ),
    st.lists(st.sampled_from(["#key-1", f"{ISSUER}#key-1", "#key-2"]) | JSON, max_size=3),
)
def test_any_document_either_yields_a_key_or_raises_a_did_error(
    methods: list[dict[str, Any]], assertion: list[Any]
) -> None:
    document = {"id": ISSUER, "verificationMethod": methods, "assertionMethod": assertion}
    with contextlib.suppress(DidError):
        find_verification_method(copy.deepcopy(document), "#key-1")


def test_a_did_web_document_survives_a_json_round_trip() -> None:
    import json

    document = did_web_document(ISSUER, [("key-1", ED), ("key-2", RSA)])
    again = json.loads(json.dumps(document))

    assert find_verification_method(again, "#key-2") == RSA
