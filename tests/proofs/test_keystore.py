"""Sealed private keys: AES-256-GCM under rotatable key-encryption keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.proofs.keys import ALGORITHMS, KeyPair, b64url_encode
from microcred.proofs.keystore import (
    KeyEncryptionKey,
    SealedKeyError,
    UnknownKeyEncryptionKeyError,
    read_sealed_key,
    reseal,
    seal,
    unseal,
)

KEYS = {algorithm: KeyPair.generate(algorithm) for algorithm in ALGORITHMS}
KEK = KeyEncryptionKey.generate("kek-2025")
NEW_KEK = KeyEncryptionKey.generate("kek-2026")
KEY_ID = "did:web:example.com:issuers:acme#key-1"
SEALED = seal(KEYS["Ed25519"], KEK, key_id=KEY_ID)
BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_sealed_key_opens_to_the_same_key(algorithm: str) -> None:
    key_pair = KEYS[algorithm]

    opened = unseal(seal(key_pair, KEK, key_id=KEY_ID), KEK)

    assert opened.public_key == key_pair.public_key
    assert key_pair.public_key.verify(opened.sign(b"data"), b"data")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_the_private_key_never_appears_in_the_sealed_text(algorithm: str) -> None:
    key_pair = KEYS[algorithm]

    sealed = seal(key_pair, KEK, key_id=KEY_ID)

    assert key_pair.to_private_jwk()["d"] not in sealed
    assert b64url_encode(key_pair.to_pkcs8()) not in sealed
    if algorithm != "RSA":
        assert key_pair.to_secret_multikey() not in sealed


def test_the_sealed_text_is_one_self_describing_line() -> None:
    info = read_sealed_key(SEALED)

    assert SEALED.startswith("mcsk1.kek-2025.")
    assert "\n" not in SEALED
    assert (info.kek_id, info.key_id) == ("kek-2025", KEY_ID)


def test_sealing_twice_gives_different_text() -> None:
    assert seal(KEYS["Ed25519"], KEK, key_id=KEY_ID) != seal(KEYS["Ed25519"], KEK, key_id=KEY_ID)


def test_a_wrong_kek_with_the_same_id_cannot_open_it() -> None:
    impostor = KeyEncryptionKey.generate("kek-2025")

    with pytest.raises(SealedKeyError, match="altered, or the KEK named 'kek-2025'"):
        unseal(SEALED, impostor)


def test_a_missing_kek_is_named_in_the_error() -> None:
    with pytest.raises(UnknownKeyEncryptionKeyError, match="'kek-2025', which is not configured"):
        unseal(SEALED, [NEW_KEK])


@given(st.data())
def test_any_changed_character_makes_the_sealed_key_unopenable(data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(SEALED) - 1), label="index")
    replacement = data.draw(st.sampled_from(BASE64URL + "."), label="replacement")
    tampered = SEALED[:index] + replacement + SEALED[index + 1 :]
    if tampered == SEALED:
        return

    with pytest.raises(SealedKeyError):
        unseal(tampered, [KEK, NEW_KEK])


def test_a_sealed_key_moved_to_another_key_id_is_refused() -> None:
    with pytest.raises(SealedKeyError, match="belongs to key id"):
        unseal(SEALED, KEK, key_id="did:web:example.com:issuers:acme#key-2")


def test_the_key_id_cannot_be_rewritten_inside_the_sealed_text() -> None:
    version, kek_id, _, nonce, ciphertext = SEALED.split(".")
    forged_id = b64url_encode(b"did:web:example.com:issuers:acme#key-2")
    forged = ".".join([version, kek_id, forged_id, nonce, ciphertext])

    with pytest.raises(SealedKeyError, match="cannot be opened"):
        unseal(forged, KEK)


def test_keks_rotate_old_keys_open_and_reseal_under_the_new_one() -> None:
    configured = KeyEncryptionKey.parse_many(f"{NEW_KEK.to_secret()},{KEK.to_secret()}")

    resealed = reseal(SEALED, configured, configured[0])

    assert unseal(SEALED, configured).public_key == KEYS["Ed25519"].public_key
    assert read_sealed_key(resealed).kek_id == "kek-2026"
    assert read_sealed_key(resealed).key_id == KEY_ID
    assert unseal(resealed, NEW_KEK, key_id=KEY_ID).public_key == KEYS["Ed25519"].public_key
    with pytest.raises(UnknownKeyEncryptionKeyError):
        unseal(resealed, KEK)


def test_a_kek_round_trips_through_its_text_form() -> None:
    text = KEK.to_secret()

    assert text.startswith("mckek1:kek-2025:")
    assert KeyEncryptionKey.from_secret(f"  {text}\n") == KEK


def test_a_generated_kek_gets_an_id_of_its_own() -> None:
    first, second = KeyEncryptionKey.generate(), KeyEncryptionKey.generate()

    assert first.kek_id != second.kek_id
    assert first.secret != second.secret
    assert len(first.secret) == 32


def test_a_kek_never_shows_its_secret() -> None:
    assert b64url_encode(KEK.secret) not in repr(KEK)
    assert b64url_encode(KEK.secret) not in str(KEK)


def test_several_keks_parse_from_one_environment_variable() -> None:
    text = f"{NEW_KEK.to_secret()}, {KEK.to_secret()}\n"

    assert KeyEncryptionKey.parse_many(text) == [NEW_KEK, KEK]
    with pytest.raises(SealedKeyError, match="no KEK"):
        KeyEncryptionKey.parse_many(" , ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "text form is"),
        ("mckek2:a:" + "A" * 43, "text form is"),
        ("mckek1:a", "text form is"),
        ("mckek1:a:!!!", "not base64url"),
        ("mckek1:a:" + "A" * 41, "not base64url"),
        ("mckek1:a:AAAA", "exactly 32 bytes"),
        ("mckek1:bad id:" + b64url_encode(bytes(32)), "KEK id"),
        ("mckek1::" + b64url_encode(bytes(32)), "KEK id"),
    ],
)
def test_malformed_kek_text_is_refused_with_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(SealedKeyError, match=message):
        KeyEncryptionKey.from_secret(text)


@pytest.mark.parametrize(
    ("blob", "message"),
    [
        ("", "not a sealed key"),
        ("mcsk2.a.b.c.d", "not a sealed key"),
        ("mcsk1.a.b.c", "not a sealed key"),
        ("mcsk1.bad id.AA.AA.AA", "KEK id"),
        ("mcsk1.k.AA.AA.AA=", "not base64url"),
        ("mcsk1.k.AA.AAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wrong length"),
        ("mcsk1." + "A" * 20_000, "at most"),
    ],
)
def test_malformed_sealed_text_is_refused_with_a_clear_error(blob: str, message: str) -> None:
    with pytest.raises(SealedKeyError, match=message):
        unseal(blob, KEK)


@pytest.mark.parametrize("key_id", ["", "a\nb", "x" * 600])
def test_it_refuses_unusable_key_ids(key_id: str) -> None:
    with pytest.raises(SealedKeyError, match="key id"):
        seal(KEYS["Ed25519"], KEK, key_id=key_id)


@given(st.text(max_size=200))
def test_any_text_is_either_a_sealed_key_or_a_sealed_key_error(blob: str) -> None:
    try:
        read_sealed_key(blob)
    except SealedKeyError:
        return
