"""Signing keys: Ed25519, P-256 and RSA, as Multikey, JWK and PKCS#8."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st
from joserfc.jws import JWSRegistry

from microcred.proofs.keys import (
    ALGORITHMS,
    InvalidKeyError,
    KeyPair,
    PublicKey,
    b64url_decode,
    b64url_encode,
    public_key_from_jwk,
    public_key_from_multikey,
)
from tests.conftest import load_json

VECTORS = "vectors/w3c-vc-di-eddsa/TestVectors"
# Generated once: RSA generation is slow, and hypothesis runs each test many times.
KEYS = {algorithm: KeyPair.generate(algorithm) for algorithm in ALGORITHMS}
JOSE_ALGORITHM = {"Ed25519": "EdDSA", "P-256": "ES256", "RSA": "RS256"}
SIGNATURE_LENGTH = {"Ed25519": 64, "P-256": 64, "RSA": 256}


def test_the_w3c_secret_key_gives_back_its_public_key_exactly() -> None:
    vector = load_json(f"{VECTORS}/keyPair.json")

    key_pair = KeyPair.from_secret_multikey(vector["privateKeyMultibase"])

    assert key_pair.algorithm == "Ed25519"
    assert key_pair.public_key.to_multikey() == vector["publicKeyMultibase"]
    assert key_pair.to_secret_multikey() == vector["privateKeyMultibase"]
    assert public_key_from_multikey(vector["publicKeyMultibase"]) == key_pair.public_key


def test_every_w3c_proof_set_key_pair_matches() -> None:
    for pair in load_json(f"{VECTORS}/proof-set-chain/multiKeyPairs.json").values():
        key_pair = KeyPair.from_secret_multikey(pair["privateKeyMultibase"])
        assert key_pair.public_key.to_multikey() == pair["publicKeyMultibase"]


@pytest.mark.parametrize("suite", ["eddsa-jcs-2022", "eddsa-rdfc-2022"])
def test_it_reproduces_the_w3c_signatures_byte_for_byte(standards, suite: str) -> None:
    folder = standards / VECTORS / suite
    suffix = "JCS" if suite == "eddsa-jcs-2022" else "DataInt"
    combined_hash = bytes.fromhex((folder / f"combinedHash{suffix}.txt").read_text().strip())
    expected = bytes.fromhex((folder / f"sigHex{suffix}.txt").read_text().strip())
    key_pair = KeyPair.from_secret_multikey(
        load_json(f"{VECTORS}/keyPair.json")["privateKeyMultibase"]
    )

    assert key_pair.sign(combined_hash) == expected
    assert key_pair.public_key.verify(expected, combined_hash)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_it_signs_and_verifies_with_every_algorithm(algorithm: str) -> None:
    key_pair = KEYS[algorithm]

    signature = key_pair.sign(b"credential bytes")

    assert key_pair.algorithm == key_pair.public_key.algorithm == algorithm
    assert len(signature) == SIGNATURE_LENGTH[algorithm]
    assert key_pair.public_key.verify(signature, b"credential bytes")
    assert not key_pair.public_key.verify(signature, b"other bytes")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_signature_from_another_key_does_not_verify(algorithm: str) -> None:
    other = KeyPair.generate(algorithm) if algorithm != "RSA" else KEYS["Ed25519"]

    assert not KEYS[algorithm].public_key.verify(other.sign(b"data"), b"data")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_signatures_are_the_raw_form_that_jose_checks(algorithm: str) -> None:
    key_pair = KEYS[algorithm]
    jose_algorithm = JWSRegistry.algorithms[JOSE_ALGORITHM[algorithm]]

    signature = key_pair.sign(b"header.payload")

    assert jose_algorithm.verify(b"header.payload", signature, key_pair.public_key.jose_key)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        jose_signature = jose_algorithm.sign(b"header.payload", key_pair.jose_key)
    assert key_pair.public_key.verify(jose_signature, b"header.payload")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@given(data=st.data())
def test_any_flipped_byte_in_a_signature_fails(algorithm: str, data: st.DataObject) -> None:
    key_pair = KEYS[algorithm]
    message = data.draw(st.binary(max_size=64), label="message")
    signature = bytearray(key_pair.sign(message))
    index = data.draw(st.integers(0, len(signature) - 1), label="index")
    signature[index] ^= data.draw(st.integers(1, 255), label="flip")

    assert not key_pair.public_key.verify(bytes(signature), message)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@given(data=st.data())
def test_any_flipped_byte_in_the_data_fails(algorithm: str, data: st.DataObject) -> None:
    key_pair = KEYS[algorithm]
    message = bytearray(data.draw(st.binary(min_size=1, max_size=64), label="message"))
    signature = key_pair.sign(bytes(message))
    index = data.draw(st.integers(0, len(message) - 1), label="index")
    message[index] ^= data.draw(st.integers(1, 255), label="flip")

    assert not key_pair.public_key.verify(signature, bytes(message))


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@given(signature=st.binary(max_size=300))
def test_verify_answers_false_for_any_bytes_and_never_raises(
    algorithm: str, signature: bytes
) -> None:
    assert KEYS[algorithm].public_key.verify(signature, b"data") is False


@pytest.mark.parametrize("algorithm", ["Ed25519", "P-256"])
def test_secret_multikeys_round_trip(algorithm: str) -> None:
    key_pair = KEYS[algorithm]

    again = KeyPair.from_secret_multikey(key_pair.to_secret_multikey())

    assert again.public_key == key_pair.public_key
    assert again.public_key.verify(again.sign(b"x"), b"x")


def test_public_multikeys_have_the_well_known_prefixes() -> None:
    assert KEYS["Ed25519"].public_key.to_multikey().startswith("z6Mk")
    assert KEYS["P-256"].public_key.to_multikey().startswith("zDn")
    assert KEYS["Ed25519"].to_secret_multikey().startswith("z3u2")


@pytest.mark.parametrize("algorithm", ["Ed25519", "P-256"])
def test_public_multikeys_round_trip(algorithm: str) -> None:
    public_key = KEYS[algorithm].public_key

    assert public_key_from_multikey(public_key.to_multikey()) == public_key


def test_rsa_keys_have_no_multikey_form() -> None:
    with pytest.raises(InvalidKeyError, match="RSA"):
        KEYS["RSA"].public_key.to_multikey()
    with pytest.raises(InvalidKeyError, match="RSA"):
        KEYS["RSA"].to_secret_multikey()


def test_it_refuses_a_secret_multikey_where_a_public_one_belongs_and_back() -> None:
    key_pair = KEYS["Ed25519"]

    with pytest.raises(InvalidKeyError, match="secret key"):
        public_key_from_multikey(key_pair.to_secret_multikey())
    with pytest.raises(InvalidKeyError, match="public key"):
        KeyPair.from_secret_multikey(key_pair.public_key.to_multikey())


def test_it_refuses_a_p256_multikey_that_is_not_a_curve_point() -> None:
    from microcred.proofs.multikey import P256_PUB, encode_multikey

    with pytest.raises(InvalidKeyError, match="P-256"):
        public_key_from_multikey(encode_multikey(P256_PUB, b"\x02" + b"\xff" * 32))


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_public_jwks_round_trip_and_never_hold_private_members(algorithm: str) -> None:
    public_key = KEYS[algorithm].public_key

    jwk = public_key.to_jwk()

    assert jwk["kty"] == {"Ed25519": "OKP", "P-256": "EC", "RSA": "RSA"}[algorithm]
    assert not {"d", "p", "q", "dp", "dq", "qi"} & jwk.keys()
    assert public_key_from_jwk(jwk) == public_key


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_private_jwks_and_pkcs8_round_trip(algorithm: str) -> None:
    key_pair = KEYS[algorithm]

    from_jwk = KeyPair.from_private_jwk(key_pair.to_private_jwk())
    from_pkcs8 = KeyPair.from_pkcs8(key_pair.to_pkcs8())

    assert "d" in key_pair.to_private_jwk()
    assert from_jwk.public_key == from_pkcs8.public_key == key_pair.public_key
    assert key_pair.public_key.verify(from_jwk.sign(b"x"), b"x")


def test_it_reads_a_pem_private_key() -> None:
    from cryptography.hazmat.primitives import serialization

    pem = KEYS["P-256"].cryptography_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )

    assert KeyPair.from_pkcs8(pem).public_key == KEYS["P-256"].public_key


def test_it_refuses_a_private_jwk_whose_public_half_belongs_to_another_key() -> None:
    jwk = KEYS["Ed25519"].to_private_jwk()
    jwk["x"] = KeyPair.generate().public_key.to_jwk()["x"]

    with pytest.raises(InvalidKeyError, match="do not belong"):
        KeyPair.from_private_jwk(jwk)


def test_it_refuses_garbage_as_pkcs8() -> None:
    with pytest.raises(InvalidKeyError, match="PKCS#8"):
        KeyPair.from_pkcs8(b"not a key")


def test_it_refuses_an_unknown_algorithm() -> None:
    with pytest.raises(InvalidKeyError, match="unknown key algorithm"):
        KeyPair.generate("DSA")


def test_it_refuses_keys_of_other_curves() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    with pytest.raises(InvalidKeyError, match="P-256"):
        KeyPair(ec.generate_private_key(ec.SECP384R1()))


def test_equal_keys_from_different_forms_are_equal_and_hash_alike() -> None:
    public_key = KEYS["Ed25519"].public_key

    from_jwk = public_key_from_jwk(public_key.to_jwk())
    from_multikey = public_key_from_multikey(public_key.to_multikey())

    assert from_jwk == from_multikey == public_key
    assert len({from_jwk, from_multikey, public_key, KEYS["P-256"].public_key}) == 2
    assert public_key != KEYS["P-256"].public_key
    assert public_key != "z6Mk..."


def test_keys_cannot_be_changed() -> None:
    key_pair = KEYS["Ed25519"]

    with pytest.raises(AttributeError):
        key_pair.public_key.algorithm = "RSA"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        key_pair.public_key = KEYS["P-256"].public_key  # type: ignore[misc]


def test_the_repr_of_a_key_pair_shows_no_secret() -> None:
    key_pair = KEYS["Ed25519"]

    assert key_pair.to_secret_multikey() not in repr(key_pair)
    assert key_pair.public_key.to_multikey() in repr(key_pair)


@pytest.mark.parametrize(
    ("jwk", "message"),
    [
        ("not a dict", "JSON object"),
        ({"kty": "oct", "k": "AAAA"}, "private key members"),
        ({"kty": "DSA"}, "key type"),
        ({"kty": "OKP", "crv": "X25519", "x": "AAAA"}, "only 'Ed25519'"),
        ({"kty": "OKP", "crv": "Ed25519"}, "no 'x'"),
        ({"kty": "OKP", "crv": "Ed25519", "x": "AA=="}, "base64url"),
        ({"kty": "OKP", "crv": "Ed25519", "x": "AAAA"}, "3 bytes, not 32"),
        ({"kty": "OKP", "crv": "Ed25519", "x": 12}, "no 'x'"),
        ({"kty": "EC", "crv": "P-384", "x": "AA", "y": "AA"}, "only 'P-256'"),
        ({"kty": "EC", "crv": "P-256", "x": "A" * 43, "y": "A" * 43}, "not a point"),
        ({"kty": "RSA", "n": "AQAB", "e": "AQAB"}, "at least 2048"),
        ({"kty": "RSA", "n": "A" * 1400, "e": "AQAB"}, "longer than"),
    ],
)
def test_it_rejects_malformed_jwks_with_a_clear_error(jwk: object, message: str) -> None:
    with pytest.raises(InvalidKeyError, match=message):
        public_key_from_jwk(jwk)  # type: ignore[arg-type]


def test_it_refuses_a_public_jwk_that_leaks_its_private_key() -> None:
    with pytest.raises(InvalidKeyError, match="private key members"):
        public_key_from_jwk(KEYS["Ed25519"].to_private_jwk())


JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=60)


@given(
    st.dictionaries(
        st.sampled_from(["kty", "crv", "x", "y", "n", "e", "alg", "use"]),
        st.sampled_from(["OKP", "EC", "RSA", "Ed25519", "P-256", "AQAB", "A" * 43]) | JSON_SCALARS,
        max_size=8,
    )
)
def test_any_jwk_either_loads_or_raises_invalid_key_error(jwk: dict[str, object]) -> None:
    try:
        key = public_key_from_jwk(jwk)
    except InvalidKeyError:
        return
    assert isinstance(key, PublicKey)


@given(st.binary(max_size=100))
def test_base64url_round_trips_without_padding(data: bytes) -> None:
    text = b64url_encode(data)

    assert "=" not in text
    assert b64url_decode(text) == data


@pytest.mark.parametrize("text", ["AB=", "A", "AB+/", "AB C", "AR"])
def test_base64url_decoding_is_strict(text: str) -> None:
    with pytest.raises(ValueError, match="base64url"):
        b64url_decode(text)
