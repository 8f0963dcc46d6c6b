"""Signing keys: Ed25519 (the default), P-256 and RSA, and their public halves.

Signatures come out in the raw form that both Data Integrity and JOSE want (Ed25519: 64
bytes; P-256: r||s, 64 bytes; RSA: PKCS#1 v1.5 with SHA-256), so one ``sign`` serves
every proof format. Keys travel as Multikey text (Ed25519, P-256) or as JWK (all three).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from functools import cached_property, lru_cache
from typing import Any, Final, Literal, cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)
from joserfc.errors import JoseError
from joserfc.jwk import ECKey, OKPKey, RSAKey

from .multikey import (
    ED25519_PRIV,
    ED25519_PUB,
    P256_PRIV,
    P256_PUB,
    InvalidKeyError,
    decode_multikey,
    encode_multikey,
)

__all__ = [
    "ALGORITHMS",
    "InvalidKeyError",
    "KeyPair",
    "PublicKey",
    "public_key_from_jwk",
    "public_key_from_multikey",
]

Algorithm = Literal["Ed25519", "P-256", "RSA"]
ALGORITHMS: Final[tuple[Algorithm, ...]] = ("Ed25519", "P-256", "RSA")

RSA_GENERATED_BITS: Final = 2048
# Shorter RSA keys are forgeable in practice; much longer ones only make verifying slow.
RSA_MIN_BITS: Final = 2048
RSA_MAX_BITS: Final = 8192

_P256_SCALAR_BYTES: Final = 32
_PKCS1_SHA256 = padding.PKCS1v15()

type CryptoPublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey | rsa.RSAPublicKey
type CryptoPrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
type JoseKey = OKPKey | ECKey | RSAKey


class PublicKey:
    """A public key that checks signatures; equal to another when the key bytes are equal."""

    algorithm: Algorithm
    _key: CryptoPublicKey
    _identity: bytes

    def __init__(self, key: CryptoPublicKey) -> None:
        algorithm, identity = _describe_public(key)
        object.__setattr__(self, "algorithm", algorithm)
        object.__setattr__(self, "_key", key)
        object.__setattr__(self, "_identity", identity)

    def __setattr__(self, name: str, value: object) -> None:
        # cached_property writes through __dict__, never through here.
        raise AttributeError("a PublicKey cannot be changed")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PublicKey):
            return NotImplemented
        return (self.algorithm, self._identity) == (other.algorithm, other._identity)

    def __hash__(self) -> int:
        return hash((self.algorithm, self._identity))

    def __repr__(self) -> str:
        shown = self.to_multikey() if self.algorithm != "RSA" else self.to_jwk()["n"][:16] + "..."
        return f"PublicKey({self.algorithm}, {shown})"

    @property
    def cryptography_key(self) -> CryptoPublicKey:
        return self._key

    @property
    def key_bytes(self) -> bytes:
        """Ed25519: 32 raw bytes; P-256: the compressed point; RSA: DER SubjectPublicKeyInfo."""
        return self._identity

    def verify(self, signature: bytes, data: bytes) -> bool:
        """True when ``signature`` (in the raw form ``KeyPair.sign`` makes) is valid for data."""
        try:
            if isinstance(self._key, ed25519.Ed25519PublicKey):
                self._key.verify(signature, data)
            elif isinstance(self._key, ec.EllipticCurvePublicKey):
                if len(signature) != 2 * _P256_SCALAR_BYTES:
                    return False
                r = int.from_bytes(signature[:_P256_SCALAR_BYTES])
                s = int.from_bytes(signature[_P256_SCALAR_BYTES:])
                der = encode_dss_signature(r, s)
                self._key.verify(der, data, ec.ECDSA(hashes.SHA256()))
            else:
                self._key.verify(signature, data, _PKCS1_SHA256, hashes.SHA256())
        except InvalidSignature:
            return False
        return True

    def to_multikey(self) -> str:
        if self.algorithm == "Ed25519":
            return encode_multikey(ED25519_PUB, self._identity)
        if self.algorithm == "P-256":
            return encode_multikey(P256_PUB, self._identity)
        raise InvalidKeyError("RSA keys have no Multikey form; publish them as a JWK")

    def to_jwk(self) -> dict[str, str]:
        """The public JWK (OKP, EC or RSA), never with private members."""
        return dict(self._jwk)

    @cached_property
    def _jwk(self) -> dict[str, str]:
        return cast(dict[str, str], dict(self.jose_key.as_dict(private=False)))

    @cached_property
    def jose_key(self) -> JoseKey:
        """The joserfc key object, built once per key."""
        return _import_jose(self._key)

    @classmethod
    def from_cryptography(cls, key: object) -> PublicKey:
        _describe_public(key)
        return cls(cast(CryptoPublicKey, key))


class KeyPair:
    """A private signing key with its public key. Keep it out of logs and off disk."""

    algorithm: Algorithm
    public_key: PublicKey
    _private: CryptoPrivateKey

    def __init__(self, private_key: CryptoPrivateKey) -> None:
        if not isinstance(
            private_key,
            ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey,
        ):
            raise InvalidKeyError(f"{type(private_key).__name__} is not a supported private key")
        public_key = PublicKey(private_key.public_key())
        object.__setattr__(self, "_private", private_key)
        object.__setattr__(self, "public_key", public_key)
        object.__setattr__(self, "algorithm", public_key.algorithm)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a KeyPair cannot be changed")

    def __repr__(self) -> str:
        # Never the private half.
        return f"KeyPair({self.public_key!r})"

    @classmethod
    def generate(cls, algorithm: str = "Ed25519") -> KeyPair:
        if algorithm == "Ed25519":
            return cls(ed25519.Ed25519PrivateKey.generate())
        if algorithm == "P-256":
            return cls(ec.generate_private_key(ec.SECP256R1()))
        if algorithm == "RSA":
            return cls(rsa.generate_private_key(public_exponent=65537, key_size=RSA_GENERATED_BITS))
        raise InvalidKeyError(f"unknown key algorithm {algorithm!r}; use one of {ALGORITHMS}")

    @property
    def cryptography_key(self) -> CryptoPrivateKey:
        return self._private

    def sign(self, data: bytes) -> bytes:
        """Ed25519: 64 raw bytes; P-256: r||s (64 bytes); RSA: PKCS#1 v1.5 with SHA-256."""
        key = self._private
        if isinstance(key, ed25519.Ed25519PrivateKey):
            return key.sign(data)
        if isinstance(key, ec.EllipticCurvePrivateKey):
            r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
            return r.to_bytes(_P256_SCALAR_BYTES) + s.to_bytes(_P256_SCALAR_BYTES)
        return key.sign(data, _PKCS1_SHA256, hashes.SHA256())

    def to_secret_multikey(self) -> str:
        """``secretKeyMultibase`` text (Ed25519: multicodec 0x1300, P-256: 0x1306)."""
        key = self._private
        if isinstance(key, ed25519.Ed25519PrivateKey):
            raw = key.private_bytes(
                serialization.Encoding.Raw,
                serialization.PrivateFormat.Raw,
                serialization.NoEncryption(),
            )
            return encode_multikey(ED25519_PRIV, raw)
        if isinstance(key, ec.EllipticCurvePrivateKey):
            scalar = key.private_numbers().private_value.to_bytes(_P256_SCALAR_BYTES)
            return encode_multikey(P256_PRIV, scalar)
        raise InvalidKeyError("RSA keys have no Multikey form; store them as PKCS#8")

    @classmethod
    def from_secret_multikey(cls, value: str) -> KeyPair:
        codec, key_bytes = decode_multikey(value)
        if codec == ED25519_PRIV:
            return cls(ed25519.Ed25519PrivateKey.from_private_bytes(key_bytes))
        if codec == P256_PRIV:
            scalar = int.from_bytes(key_bytes)
            try:
                return cls(ec.derive_private_key(scalar, ec.SECP256R1()))
            except ValueError as error:
                raise InvalidKeyError(f"not a valid P-256 private key: {error}") from None
        raise InvalidKeyError("this Multikey is a public key, not a secret key")

    def to_private_jwk(self) -> dict[str, Any]:
        """The private JWK (with ``d``); for joserfc and for moving keys between systems."""
        return dict(self.jose_key.as_dict(private=True))

    @classmethod
    def from_private_jwk(cls, jwk: Mapping[str, Any]) -> KeyPair:
        """A key pair from a private JWK; its public members must match its private ones."""
        if not isinstance(jwk, Mapping) or not isinstance(jwk.get("d"), str):
            raise InvalidKeyError("a private JWK must be an object with a 'd' member")
        public = public_key_from_jwk(
            {k: v for k, v in jwk.items() if k in _PUBLIC_MEMBERS}, strict=True
        )
        try:
            jose = _JOSE_BY_KTY[str(jwk["kty"])].import_key(dict(jwk))
            pair = cls(cast(CryptoPrivateKey, jose.private_key))
        except (ValueError, TypeError, KeyError, binascii.Error, JoseError) as error:
            raise InvalidKeyError(f"the private JWK cannot be read: {error}") from None
        if pair.public_key != public:
            raise InvalidKeyError("the private JWK's public members do not belong to its 'd'")
        return pair

    def to_pkcs8(self) -> bytes:
        """DER PKCS#8, unencrypted: only for sealing (see ``keystore``), never for disk."""
        return self._private.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )

    @classmethod
    def from_pkcs8(cls, data: bytes) -> KeyPair:
        """A key pair from PKCS#8 (DER, or PEM when ``data`` starts with ``-----BEGIN``)."""
        loader = (
            serialization.load_pem_private_key
            if data.lstrip().startswith(b"-----BEGIN")
            else serialization.load_der_private_key
        )
        try:
            key = loader(data, password=None)
        except (ValueError, TypeError) as error:
            raise InvalidKeyError(f"not an unencrypted PKCS#8 private key: {error}") from None
        if not isinstance(
            key, ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
        ):
            raise InvalidKeyError(f"{type(key).__name__} keys are not supported")
        _describe_public(key.public_key())
        return cls(key)

    @cached_property
    def jose_key(self) -> JoseKey:
        """The joserfc key object, built once: signing many credentials reuses it."""
        return _import_jose(self._private)


def public_key_from_multikey(value: str) -> PublicKey:
    """The public key in a ``publicKeyMultibase`` value (``z6Mk...`` or ``zDn...``)."""
    if not isinstance(value, str):
        raise InvalidKeyError(f"a Multikey is a string, not {type(value).__name__}")
    return _public_key_from_multikey(value)


@lru_cache(maxsize=1024)
def _public_key_from_multikey(value: str) -> PublicKey:
    # Remembered per value: a verifier meets the same issuer keys again and again, and base58
    # decoding is the slow part. Keys are immutable, so sharing one object is safe.
    codec, key_bytes = decode_multikey(value)
    if codec == ED25519_PUB:
        return PublicKey(ed25519.Ed25519PublicKey.from_public_bytes(key_bytes))
    if codec == P256_PUB:
        try:
            point = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), key_bytes)
        except ValueError:
            raise InvalidKeyError("the Multikey does not hold a point on the P-256 curve") from None
        return PublicKey(point)
    raise InvalidKeyError("this Multikey is a secret key; a public key was expected")


_PUBLIC_MEMBERS: Final = frozenset({"kty", "crv", "x", "y", "n", "e"})
_PRIVATE_MEMBERS: Final = frozenset({"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
_JOSE_BY_KTY: Final[dict[str, type[OKPKey] | type[ECKey] | type[RSAKey]]] = {
    "OKP": OKPKey,
    "EC": ECKey,
    "RSA": RSAKey,
}


def public_key_from_jwk(jwk: Mapping[str, Any], *, strict: bool = True) -> PublicKey:
    """The public key in a JWK (OKP/Ed25519, EC/P-256 or RSA).

    A JWK with private members is refused (``strict``): a public key published with its
    private half is compromised, and the OB 3.0 JWT header rules forbid ``d``.
    """
    if not isinstance(jwk, Mapping):
        raise InvalidKeyError(f"a JWK must be a JSON object, not {type(jwk).__name__}")
    if strict and (leaked := sorted(_PRIVATE_MEMBERS & set(jwk))):
        raise InvalidKeyError(
            f"the JWK holds private key members {leaked}; a public JWK must never include them"
        )
    kty = jwk.get("kty")
    if kty == "OKP":
        _expect(jwk, "crv", "Ed25519")
        x = _b64_member(jwk, "x", exact=32)
        return PublicKey(ed25519.Ed25519PublicKey.from_public_bytes(x))
    if kty == "EC":
        _expect(jwk, "crv", "P-256")
        x = _b64_member(jwk, "x", exact=_P256_SCALAR_BYTES)
        y = _b64_member(jwk, "y", exact=_P256_SCALAR_BYTES)
        try:
            point = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b"\x04" + x + y)
        except ValueError:
            raise InvalidKeyError("the EC JWK's x and y are not a point on P-256") from None
        return PublicKey(point)
    if kty == "RSA":
        n = int.from_bytes(_b64_member(jwk, "n", most=RSA_MAX_BITS // 8))
        e = int.from_bytes(_b64_member(jwk, "e", most=8))
        if n.bit_length() < RSA_MIN_BITS:
            raise InvalidKeyError(
                f"the RSA key has {n.bit_length()} bits; at least {RSA_MIN_BITS} are required"
            )
        try:
            return PublicKey(rsa.RSAPublicNumbers(e, n).public_key())
        except ValueError as error:
            raise InvalidKeyError(f"the RSA JWK is not a valid key: {error}") from None
    raise InvalidKeyError(f"the JWK key type (kty) {kty!r} is not one of 'OKP', 'EC', 'RSA'")


def _expect(jwk: Mapping[str, Any], member: str, value: str) -> None:
    if jwk.get(member) != value:
        raise InvalidKeyError(
            f"the JWK's {member!r} is {jwk.get(member)!r}; only {value!r} is supported"
        )


def _b64_member(
    jwk: Mapping[str, Any], member: str, *, exact: int | None = None, most: int | None = None
) -> bytes:
    value = jwk.get(member)
    if not isinstance(value, str) or not value:
        raise InvalidKeyError(f"the JWK has no {member!r} member as a base64url string")
    try:
        data = b64url_decode(value)
    except ValueError:
        raise InvalidKeyError(f"the JWK's {member!r} is not valid base64url") from None
    if exact is not None and len(data) != exact:
        raise InvalidKeyError(f"the JWK's {member!r} is {len(data)} bytes, not {exact}")
    if most is not None and len(data) > most:
        raise InvalidKeyError(f"the JWK's {member!r} is longer than {most} bytes")
    return data


_B64URL_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def b64url_encode(data: bytes) -> str:
    """Unpadded base64url, as JOSE writes it."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(value: str) -> bytes:
    """Strict unpadded base64url: ValueError on padding, stray characters or a bad length."""
    if not set(value) <= _B64URL_CHARS or len(value) % 4 == 1:
        raise ValueError("not unpadded base64url")
    data = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    # Unused low bits must be zero, or two strings would decode to the same bytes.
    if b64url_encode(data) != value:
        raise ValueError("not canonical base64url")
    return data


def _describe_public(key: object) -> tuple[Algorithm, bytes]:
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "Ed25519", key.public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
    if isinstance(key, ec.EllipticCurvePublicKey):
        if not isinstance(key.curve, ec.SECP256R1):
            raise InvalidKeyError(
                f"the elliptic curve {key.curve.name} is not supported; use P-256"
            )
        return "P-256", key.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
        )
    if isinstance(key, rsa.RSAPublicKey):
        if not RSA_MIN_BITS <= key.key_size <= RSA_MAX_BITS:
            raise InvalidKeyError(
                f"RSA keys must have {RSA_MIN_BITS} to {RSA_MAX_BITS} bits, not {key.key_size}"
            )
        return "RSA", key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    raise InvalidKeyError(f"{type(key).__name__} is not an Ed25519, P-256 or RSA key")


def _import_jose(key: CryptoPublicKey | CryptoPrivateKey) -> JoseKey:
    if isinstance(key, ed25519.Ed25519PublicKey | ed25519.Ed25519PrivateKey):
        return OKPKey.import_key(key)
    if isinstance(key, ec.EllipticCurvePublicKey | ec.EllipticCurvePrivateKey):
        return ECKey.import_key(key)
    return RSAKey.import_key(key)
