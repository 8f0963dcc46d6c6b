"""Private keys at rest: sealed with AES-256-GCM under a key-encryption key (KEK).

A sealed key is one line of text that names everything needed to open it::

    mcsk1.<kek id>.<base64url key id>.<base64url nonce>.<base64url ciphertext and tag>

The version, the KEK id and the key id are the associated data, so none of them can be
changed without the blob failing to open, and a blob copied to another key's row is
caught by ``unseal(..., key_id=...)``. Because the blob names its KEK, a KEK can rotate:
configure the new KEK first and the old ones after it, and ``reseal`` keys at leisure.
A KEK is given to the process as text (for example in an environment variable), never
stored beside the keys it protects.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .keys import InvalidKeyError, KeyPair, b64url_decode, b64url_encode

__all__ = [
    "KeyEncryptionKey",
    "SealedKey",
    "SealedKeyError",
    "UnknownKeyEncryptionKeyError",
    "read_sealed_key",
    "reseal",
    "seal",
    "unseal",
]

SEALED_VERSION: Final = "mcsk1"
KEK_VERSION: Final = "mckek1"
KEK_BYTES: Final = 32
NONCE_BYTES: Final = 12
# An 8192-bit RSA key in PKCS#8 is about 4.9 KB; nothing we seal comes near this.
MAX_SEALED_CHARS: Final = 16_384
MAX_KEY_ID_CHARS: Final = 512
_KEK_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class SealedKeyError(ValueError):
    """A sealed key or a KEK that cannot be read or opened."""


class UnknownKeyEncryptionKeyError(SealedKeyError):
    """The sealed key names a KEK that is not among the KEKs given."""


@dataclass(frozen=True)
class KeyEncryptionKey:
    """32 secret bytes with an id; its text form is ``mckek1:<id>:<base64url secret>``."""

    kek_id: str
    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.kek_id, str) or not _KEK_ID.fullmatch(self.kek_id):
            raise SealedKeyError(
                f"a KEK id is 1 to 64 letters, digits, '-' or '_'; {str(self.kek_id)[:70]!r} is not"
            )
        if not isinstance(self.secret, bytes) or len(self.secret) != KEK_BYTES:
            raise SealedKeyError(f"a KEK is exactly {KEK_BYTES} bytes")

    def __repr__(self) -> str:
        return f"KeyEncryptionKey({self.kek_id!r}, secret=...)"

    @classmethod
    def generate(cls, kek_id: str | None = None) -> KeyEncryptionKey:
        """A new random KEK; its id defaults to a fingerprint of the secret."""
        secret = secrets.token_bytes(KEK_BYTES)
        if kek_id is None:
            kek_id = "k" + hashlib.sha256(b"microcred kek id\0" + secret).hexdigest()[:12]
        return cls(kek_id, secret)

    @classmethod
    def from_secret(cls, text: str) -> KeyEncryptionKey:
        """A KEK from its text form, e.g. the value of an environment variable."""
        if not isinstance(text, str):
            raise SealedKeyError("a KEK's text form must be a string")
        parts = text.strip().split(":")
        if len(parts) != 3 or parts[0] != KEK_VERSION:
            raise SealedKeyError(
                f"a KEK's text form is '{KEK_VERSION}:<id>:<base64url secret>' "
                "(make one with KeyEncryptionKey.generate().to_secret())"
            )
        try:
            secret = b64url_decode(parts[2])
        except ValueError:
            raise SealedKeyError("the KEK's secret is not base64url") from None
        return cls(parts[1], secret)

    @classmethod
    def parse_many(cls, text: str) -> list[KeyEncryptionKey]:
        """KEKs from text separated by commas or white space; the first one seals."""
        if not isinstance(text, str):
            raise SealedKeyError("the KEK list must be a string")
        keks = [cls.from_secret(item) for item in re.split(r"[\s,]+", text) if item]
        if not keks:
            raise SealedKeyError("no KEK is configured")
        return keks

    def to_secret(self) -> str:
        """The text form; treat it like a password."""
        return f"{KEK_VERSION}:{self.kek_id}:{b64url_encode(self.secret)}"


@dataclass(frozen=True)
class SealedKey:
    """What a sealed blob says about itself, readable without any KEK."""

    kek_id: str
    key_id: str
    nonce: bytes = field(repr=False)
    ciphertext: bytes = field(repr=False)
    associated_data: bytes = field(repr=False)


def seal(key_pair: KeyPair, kek: KeyEncryptionKey, *, key_id: str) -> str:
    """The private key of ``key_pair`` encrypted under ``kek``, bound to ``key_id``."""
    _check_key_id(key_id)
    header = f"{SEALED_VERSION}.{kek.kek_id}.{b64url_encode(key_id.encode('utf-8'))}"
    nonce = secrets.token_bytes(NONCE_BYTES)
    ciphertext = AESGCM(kek.secret).encrypt(nonce, key_pair.to_pkcs8(), header.encode("ascii"))
    return f"{header}.{b64url_encode(nonce)}.{b64url_encode(ciphertext)}"


def read_sealed_key(blob: str) -> SealedKey:
    """The parts of a sealed key (no decryption): which KEK and which key id it names."""
    if not isinstance(blob, str):
        raise SealedKeyError("a sealed key must be text")
    blob = blob.strip()
    if len(blob) > MAX_SEALED_CHARS:
        raise SealedKeyError(f"a sealed key is at most {MAX_SEALED_CHARS} characters")
    parts = blob.split(".")
    if len(parts) != 5 or parts[0] != SEALED_VERSION:
        raise SealedKeyError(
            f"this is not a sealed key of format {SEALED_VERSION} "
            f"('{SEALED_VERSION}.<kek id>.<key id>.<nonce>.<ciphertext>')"
        )
    _, kek_id, key_id_b64, nonce_b64, ciphertext_b64 = parts
    if not _KEK_ID.fullmatch(kek_id):
        raise SealedKeyError("the sealed key's KEK id is malformed")
    try:
        key_id = b64url_decode(key_id_b64).decode("utf-8")
        nonce = b64url_decode(nonce_b64)
        ciphertext = b64url_decode(ciphertext_b64)
    except ValueError:
        raise SealedKeyError("the sealed key has a part that is not base64url") from None
    if len(nonce) != NONCE_BYTES or len(ciphertext) <= 16:
        raise SealedKeyError("the sealed key's nonce or ciphertext has the wrong length")
    header = f"{SEALED_VERSION}.{kek_id}.{key_id_b64}"
    return SealedKey(kek_id, key_id, nonce, ciphertext, header.encode("ascii"))


def unseal(
    blob: str,
    keks: KeyEncryptionKey | Iterable[KeyEncryptionKey],
    *,
    key_id: str | None = None,
) -> KeyPair:
    """The key pair in ``blob``, opened with whichever of ``keks`` it names.

    With ``key_id``, the blob must have been sealed for that key id: a blob moved from
    another key's record is refused even though it decrypts.
    """
    sealed = read_sealed_key(blob)
    if key_id is not None and sealed.key_id != key_id:
        raise SealedKeyError(f"this sealed key belongs to key id {sealed.key_id!r}, not {key_id!r}")
    candidates = [keks] if isinstance(keks, KeyEncryptionKey) else list(keks)
    matching = [kek for kek in candidates if kek.kek_id == sealed.kek_id]
    if not matching:
        known = ", ".join(repr(kek.kek_id) for kek in candidates) or "none"
        raise UnknownKeyEncryptionKeyError(
            f"the key {sealed.key_id!r} is sealed with KEK {sealed.kek_id!r}, which is not "
            f"configured (configured: {known})"
        )
    for kek in matching:
        try:
            pkcs8 = AESGCM(kek.secret).decrypt(
                sealed.nonce, sealed.ciphertext, sealed.associated_data
            )
        except InvalidTag:
            continue
        try:
            return KeyPair.from_pkcs8(pkcs8)
        except InvalidKeyError as error:
            raise SealedKeyError(
                f"the sealed key opened but holds no usable key: {error}"
            ) from None
    raise SealedKeyError(
        f"the key {sealed.key_id!r} cannot be opened: either the sealed text was altered, "
        f"or the KEK named {sealed.kek_id!r} is not the one it was sealed with"
    )


def reseal(
    blob: str,
    keks: KeyEncryptionKey | Iterable[KeyEncryptionKey],
    new_kek: KeyEncryptionKey,
) -> str:
    """The same key, same key id, sealed again under ``new_kek`` (for KEK rotation)."""
    sealed = read_sealed_key(blob)
    return seal(unseal(blob, keks), new_kek, key_id=sealed.key_id)


def _check_key_id(key_id: str) -> None:
    if not isinstance(key_id, str) or not key_id or len(key_id) > MAX_KEY_ID_CHARS:
        raise SealedKeyError(
            f"a key id is a non-empty string of at most {MAX_KEY_ID_CHARS} characters"
        )
    if not key_id.isprintable():
        raise SealedKeyError("a key id must be printable text")
