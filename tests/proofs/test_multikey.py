"""Multibase base58btc and Multikey: the text form of keys and signatures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.proofs.multikey import (
    CODECS,
    ED25519_PRIV,
    ED25519_PUB,
    P256_PRIV,
    P256_PUB,
    InvalidKeyError,
    decode_multibase,
    decode_multikey,
    decode_varint,
    encode_multibase,
    encode_multikey,
    encode_varint,
)
from tests.conftest import load_json

VECTORS = "vectors/w3c-vc-di-eddsa/TestVectors"


def test_it_reads_the_w3c_ed25519_public_and_secret_keys() -> None:
    key_pair = load_json(f"{VECTORS}/keyPair.json")

    public_codec, public_bytes = decode_multikey(key_pair["publicKeyMultibase"])
    secret_codec, secret_bytes = decode_multikey(key_pair["privateKeyMultibase"])

    assert (public_codec, len(public_bytes)) == (ED25519_PUB, 32)
    assert (secret_codec, len(secret_bytes)) == (ED25519_PRIV, 32)
    assert encode_multikey(ED25519_PUB, public_bytes) == key_pair["publicKeyMultibase"]
    assert encode_multikey(ED25519_PRIV, secret_bytes) == key_pair["privateKeyMultibase"]


def test_it_reads_the_w3c_signature_in_base58btc(standards) -> None:
    folder = standards / VECTORS / "eddsa-jcs-2022"
    text = (folder / "sigBTC58JCS.txt").read_text().strip()
    expected = bytes.fromhex((folder / "sigHexJCS.txt").read_text().strip())

    assert decode_multibase(text) == expected
    assert encode_multibase(expected) == text


@pytest.mark.parametrize(
    ("codec", "prefix"),
    [(ED25519_PUB, "z6Mk"), (P256_PUB, "zDn"), (ED25519_PRIV, "z3u2")],
)
def test_it_writes_the_well_known_prefixes(codec: int, prefix: str) -> None:
    _, length = CODECS[codec]
    key_bytes = b"\x02" + bytes(length - 1) if codec == P256_PUB else bytes(range(length))

    assert encode_multikey(codec, key_bytes).startswith(prefix)


@given(st.sampled_from(sorted(CODECS)), st.data())
def test_it_round_trips_every_key_codec(codec: int, data: st.DataObject) -> None:
    _, length = CODECS[codec]
    key_bytes = data.draw(st.binary(min_size=length, max_size=length))

    assert decode_multikey(encode_multikey(codec, key_bytes)) == (codec, key_bytes)


@given(st.binary(max_size=200))
def test_it_round_trips_multibase_with_leading_zero_bytes(data: bytes) -> None:
    assert decode_multibase(encode_multibase(b"\x00\x00" + data)) == b"\x00\x00" + data


@given(st.integers(min_value=0, max_value=2**63 - 1))
def test_it_round_trips_varints(number: int) -> None:
    encoded = encode_varint(number)

    assert decode_varint(encoded + b"\xff") == (number, len(encoded))


def test_it_writes_multicodec_varints_as_the_registry_does() -> None:
    assert encode_varint(ED25519_PUB) == b"\xed\x01"
    assert encode_varint(P256_PUB) == b"\x80\x24"
    assert encode_varint(ED25519_PRIV) == b"\x80\x26"
    assert encode_varint(P256_PRIV) == b"\x86\x26"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "start with 'z'"),
        ("z", "empty"),
        ("u7QE", "start with 'z'"),
        ("z6Mk0OIl", "outside base58btc"),
        ("z" + "1" * 200, "characters long"),
        (encode_multibase(b"\xed\x01" + bytes(31)), "holds 31"),
        (encode_multibase(b"\xed\x01" + bytes(33)), "holds 33"),
        (encode_multibase(b"\x80\x24" + bytes(32)), "holds 32"),
        ("z2Hn", "not a key type"),
    ],
)
def test_it_rejects_malformed_multikeys_with_a_clear_error(value: str, message: str) -> None:
    with pytest.raises(InvalidKeyError, match=message):
        decode_multikey(value)


def test_it_rejects_an_unknown_multicodec() -> None:
    secp256k1_pub = 0xE7
    value = encode_multibase(encode_varint(secp256k1_pub) + bytes(33))

    with pytest.raises(InvalidKeyError, match="0xe7"):
        decode_multikey(value)


def test_it_rejects_a_truncated_or_padded_varint() -> None:
    with pytest.raises(InvalidKeyError, match="truncated"):
        decode_varint(b"\x80\x80")
    with pytest.raises(InvalidKeyError, match="minimally"):
        decode_varint(b"\xed\x81\x00")


def test_it_refuses_to_encode_a_key_of_the_wrong_length() -> None:
    with pytest.raises(InvalidKeyError, match="32 bytes"):
        encode_multikey(ED25519_PUB, bytes(31))


def test_it_rejects_a_multibase_value_that_is_not_text() -> None:
    with pytest.raises(InvalidKeyError, match="string"):
        decode_multibase(b"z6Mk")  # type: ignore[arg-type]


@given(st.text(max_size=120))
def test_any_text_either_decodes_or_raises_invalid_key_error(value: str) -> None:
    try:
        codec, key_bytes = decode_multikey(value)
    except InvalidKeyError:
        return
    assert len(key_bytes) == CODECS[codec][1]
