"""Multibase (base58btc) and Multikey: how keys and signatures are written as text.

A Multikey value is ``"z"`` (multibase base58btc) followed by the base58 encoding of a
multicodec varint prefix and the key bytes. The prefix names the kind of key, so a value
carries its own type: ``z6Mk...`` is an Ed25519 public key, ``zDn...`` a P-256 one.
"""

from __future__ import annotations

from typing import Final

import base58

ED25519_PUB: Final = 0xED
P256_PUB: Final = 0x1200
ED25519_PRIV: Final = 0x1300
P256_PRIV: Final = 0x1306

# codec -> (human name, exact length of the key bytes that follow the prefix)
CODECS: Final[dict[int, tuple[str, int]]] = {
    ED25519_PUB: ("ed25519-pub", 32),
    P256_PUB: ("p256-pub (compressed point)", 33),
    ED25519_PRIV: ("ed25519-priv", 32),
    P256_PRIV: ("p256-priv", 32),
}

BASE58BTC_PREFIX: Final = "z"
# base58 decoding is quadratic in the length; no key or signature we read comes near this.
DEFAULT_MAX_MULTIBASE_CHARS: Final = 4096
_MAX_MULTIKEY_CHARS: Final = 128
_BASE58_ALPHABET: Final = frozenset("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")


class InvalidKeyError(ValueError):
    """A key (Multikey, JWK, secret key text) that cannot be read or used."""


def encode_multibase(data: bytes) -> str:
    """Multibase base58btc text for ``data`` (as used for ``proofValue`` and Multikey)."""
    return BASE58BTC_PREFIX + base58.b58encode(data).decode("ascii")


def decode_multibase(value: str, *, max_chars: int = DEFAULT_MAX_MULTIBASE_CHARS) -> bytes:
    """The bytes of a multibase base58btc (``z...``) string; InvalidKeyError if it is not one."""
    if not isinstance(value, str):
        raise InvalidKeyError(f"a multibase value must be a string, not {type(value).__name__}")
    if not value.startswith(BASE58BTC_PREFIX):
        raise InvalidKeyError(
            f"a multibase value must start with 'z' (base58btc); this one starts with {value[:1]!r}"
        )
    if len(value) > max_chars:
        raise InvalidKeyError(
            f"the multibase value is {len(value)} characters long; at most {max_chars} are accepted"
        )
    body = value[1:]
    if not body:
        raise InvalidKeyError("the multibase value is empty after its 'z' prefix")
    bad = sorted(set(body) - _BASE58_ALPHABET)
    if bad:
        raise InvalidKeyError(f"the multibase value contains characters outside base58btc: {bad!r}")
    return base58.b58decode(body)


def encode_varint(number: int) -> bytes:
    """Unsigned LEB128, the varint that multicodec prefixes use."""
    if number < 0:
        raise ValueError("a varint cannot be negative")
    out = bytearray()
    while True:
        byte = number & 0x7F
        number >>= 7
        if number:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def decode_varint(data: bytes) -> tuple[int, int]:
    """(number, bytes consumed) of the varint at the start of ``data``."""
    number = 0
    # Multicodec limits varints to 9 bytes; codecs we know fit in 2.
    for index, byte in enumerate(data[:9]):
        number |= (byte & 0x7F) << (7 * index)
        if not byte & 0x80:
            if index and byte == 0:
                raise InvalidKeyError("the multicodec prefix is not minimally encoded")
            return number, index + 1
    raise InvalidKeyError("the multicodec prefix is truncated or too long")


def encode_multikey(codec: int, key_bytes: bytes) -> str:
    """Multikey text for ``key_bytes`` of the given multicodec (e.g. ``ED25519_PUB``)."""
    name, length = _codec(codec)
    if len(key_bytes) != length:
        raise InvalidKeyError(f"a {name} key is {length} bytes, not {len(key_bytes)}")
    return encode_multibase(encode_varint(codec) + key_bytes)


def decode_multikey(value: str) -> tuple[int, bytes]:
    """(multicodec, key bytes) of a Multikey value, checking the prefix and the length."""
    data = decode_multibase(value, max_chars=_MAX_MULTIKEY_CHARS)
    codec, used = decode_varint(data)
    name, length = _codec(codec)
    key_bytes = data[used:]
    if len(key_bytes) != length:
        raise InvalidKeyError(
            f"a {name} Multikey holds {length} key bytes, but this one holds {len(key_bytes)}"
        )
    return codec, key_bytes


def _codec(codec: int) -> tuple[str, int]:
    try:
        return CODECS[codec]
    except KeyError:
        known = ", ".join(f"0x{c:x} ({name})" for c, (name, _) in CODECS.items())
        raise InvalidKeyError(
            f"the multicodec 0x{codec:x} is not a key type this software reads; known: {known}"
        ) from None
