"""VC-JWT: a credential signed as a compact JWS (OB 3.0 §8.2 "JSON Web Token Proof Format").

Signing follows the current OB 3.0 text: the JWT payload is the credential itself, with
the registered claims added beside its members (``iss`` = issuer id, ``jti`` = id,
``sub`` = credentialSubject.id, ``nbf`` = validFrom, ``exp`` = validUntil, plus ``iat``);
the header has ``alg``, ``typ: JWT`` and a ``kid`` and/or a public ``jwk``. The older form
that puts the credential in a ``vc`` claim (VC 1.1, what early OB 3.0 drafts showed) is
produced on request and read as well, as is the VC-JOSE-COSE form without claims.

Verifying checks the signature and that no claim contradicts the credential; whether the
credential is valid *now* is the verifier's question, not this module's.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, Literal

from joserfc.jws import JWSRegistry

from .keys import InvalidKeyError, KeyPair, PublicKey, b64url_decode, b64url_encode
from .keys import public_key_from_jwk as _public_key_from_jwk

__all__ = [
    "InvalidJwtError",
    "JwtAlgorithmError",
    "JwtClaimsError",
    "JwtSignatureError",
    "VcJwt",
    "parse_vc_jwt",
    "sign_vc_jwt",
    "verify_vc_jwt",
]

ALGORITHM_FOR_KEY: Final[dict[str, str]] = {"Ed25519": "EdDSA", "P-256": "ES256", "RSA": "RS256"}
# "Ed25519" is the fully specified name for EdDSA over Ed25519 (RFC 9864).
KEY_FOR_ALGORITHM: Final[dict[str, str]] = {
    "EdDSA": "Ed25519",
    "Ed25519": "Ed25519",
    "ES256": "P-256",
    "RS256": "RSA",
}
# The JWA implementations come from joserfc, looked up once: going through its registry
# on every call costs time and warns about "EdDSA" on each use.
_JWA: Final = {name: JWSRegistry.algorithms[name] for name in KEY_FOR_ALGORITHM}

TYP: Final = "JWT"
ACCEPTED_TYPS: Final = frozenset({"jwt", "vc+jwt", "vc+ld+json+jwt"})
REGISTERED_CLAIMS: Final = frozenset({"iss", "sub", "aud", "exp", "nbf", "iat", "jti"})
# A credential may carry images as data: URLs, so the cap is generous; it stops a request
# from making the parser hold hundreds of megabytes.
MAX_TOKEN_CHARS: Final = 4_000_000
MAX_HEADER_CHARS: Final = 16_384
_LATEST_NUMERIC_DATE: Final = 253_402_300_799  # 9999-12-31T23:59:59Z

_V1_CONTEXT: Final = "https://www.w3.org/2018/credentials/v1"
_FRACTION = re.compile(r"(\.\d{6})\d+")


class InvalidJwtError(ValueError):
    """The token is not a usable VC-JWT (malformed, or it failed verification)."""


class JwtAlgorithmError(InvalidJwtError):
    """The token's algorithm is refused (``none``, unknown) or does not fit the key."""


class JwtSignatureError(InvalidJwtError):
    """The signature does not verify with the given key."""


class JwtClaimsError(InvalidJwtError):
    """A JWT claim contradicts the credential it carries."""


@dataclass(frozen=True)
class VcJwt:
    """A parsed, not yet verified, VC-JWT."""

    header: dict[str, Any]
    payload: dict[str, Any]
    credential: dict[str, Any]
    signing_input: bytes
    signature: bytes

    @property
    def algorithm(self) -> str:
        return str(self.header["alg"])

    @property
    def kid(self) -> str | None:
        kid = self.header.get("kid")
        return kid if isinstance(kid, str) else None

    @property
    def jwk(self) -> dict[str, Any] | None:
        jwk = self.header.get("jwk")
        return jwk if isinstance(jwk, dict) else None

    @property
    def form(self) -> Literal["vc-claim", "payload"]:
        """``vc-claim``: VC 1.1 style, credential in ``vc``; ``payload``: the payload is it."""
        return "vc-claim" if "vc" in self.payload else "payload"

    def header_public_key(self) -> PublicKey | None:
        """The public key embedded in the header (``jwk``), if any.

        Trusting it is the caller's decision: it proves only that whoever holds that key
        signed, not who that is.
        """
        if "jwk" not in self.header:
            return None
        try:
            return _public_key_from_jwk(self.header["jwk"])
        except InvalidKeyError as error:
            raise InvalidJwtError(f"the JWT header's jwk is not usable: {error}") from None


# --- signing -------------------------------------------------------------------------------


def sign_vc_jwt(
    credential: Mapping[str, Any],
    key_pair: KeyPair,
    *,
    kid: str | None = None,
    embed_jwk: bool = False,
    vc_claim: bool = False,
    issued_at: int | None = None,
) -> str:
    """The credential signed as a compact JWS.

    ``kid`` (a verification method id such as ``did:web:...#key-1``) and/or
    ``embed_jwk`` say how a verifier finds the key; one of them is required.
    ``vc_claim`` puts the credential in a ``vc`` claim instead (VC 1.1 style).
    ``issued_at`` (seconds since the epoch) defaults to now.
    """
    if kid is None and not embed_jwk:
        raise ValueError("give a kid or embed_jwk=True, or verifiers cannot find the key")
    if kid is not None and (not isinstance(kid, str) or not kid):
        raise ValueError("kid must be a non-empty string (a URL or DID URL)")
    if not isinstance(credential, Mapping):
        raise ValueError("the credential must be a JSON object")
    claims = _claims_for(credential, int(time.time()) if issued_at is None else issued_at)
    if vc_claim:
        payload: dict[str, Any] = {**claims, "vc": credential}
    else:
        if clash := sorted((REGISTERED_CLAIMS | {"vc"}) & credential.keys()):
            raise ValueError(f"the credential has members named like JWT claims: {clash}")
        payload = {**credential, **claims}
    algorithm = ALGORITHM_FOR_KEY[key_pair.algorithm]
    header: dict[str, Any] = {"alg": algorithm, "typ": TYP}
    if kid is not None:
        header["kid"] = kid
    if embed_jwk:
        header["jwk"] = key_pair.public_key.to_jwk()
    signing_input = _b64_json(header) + b"." + _b64_json(payload)
    signature = _JWA[algorithm].sign(signing_input, key_pair.jose_key)
    return (signing_input + b"." + b64url_encode(signature).encode("ascii")).decode("ascii")


def _claims_for(credential: Mapping[str, Any], issued_at: int) -> dict[str, Any]:
    claims: dict[str, Any] = {}
    issuer = _issuer_id(credential)
    if issuer is None:
        raise ValueError("the credential has no issuer id to put in the iss claim")
    claims["iss"] = issuer
    if isinstance(credential.get("id"), str):
        claims["jti"] = credential["id"]
    subject_ids = _subject_ids(credential)
    if len(subject_ids) == 1:
        claims["sub"] = subject_ids[0]
    valid_from = credential.get("validFrom", credential.get("issuanceDate"))
    if valid_from is not None:
        claims["nbf"] = _numeric_date(valid_from, "validFrom", ValueError)
    valid_until = credential.get("validUntil", credential.get("expirationDate"))
    if valid_until is not None:
        claims["exp"] = _numeric_date(valid_until, "validUntil", ValueError)
    claims["iat"] = issued_at
    return claims


def _b64_json(value: Mapping[str, Any]) -> bytes:
    try:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise ValueError(f"the credential is not plain JSON: {error}") from None
    return b64url_encode(text.encode("utf-8")).encode("ascii")


# --- parsing -------------------------------------------------------------------------------


def parse_vc_jwt(token: str | bytes) -> VcJwt:
    """Split and decode a VC-JWT without verifying it.

    The credential is the ``vc`` claim when there is one, else the payload without the
    registered JWT claims. Where the credential leaves out its issuer, id, subject id or
    dates but a claim gives them, they are taken from the claims (VC 1.1 §6.3.1 allows
    issuers to move them there).
    """
    if isinstance(token, bytes | bytearray):
        try:
            token = bytes(token).decode("ascii")
        except UnicodeDecodeError:
            raise InvalidJwtError("a JWT is ASCII text; this holds other bytes") from None
    if not isinstance(token, str):
        raise InvalidJwtError(f"a JWT must be text, not {type(token).__name__}")
    token = token.strip()
    if len(token) > MAX_TOKEN_CHARS:
        raise InvalidJwtError(f"the JWT is longer than {MAX_TOKEN_CHARS} characters")
    parts = token.split(".")
    if len(parts) == 5:
        raise InvalidJwtError("this is an encrypted JWT (JWE); a signed one (JWS) was expected")
    if len(parts) != 3:
        raise InvalidJwtError(
            f"a compact JWS has 3 parts separated by '.', this text has {len(parts)}"
        )
    header_b64, payload_b64, signature_b64 = parts
    if len(header_b64) > MAX_HEADER_CHARS:
        raise InvalidJwtError(f"the JWT header is longer than {MAX_HEADER_CHARS} characters")
    if not payload_b64:
        raise InvalidJwtError("the JWT has no payload (detached payloads are not supported)")
    if not signature_b64:
        raise InvalidJwtError("the JWT is unsigned (its signature part is empty)")
    header = _decode_object(header_b64, "header")
    payload = _decode_object(payload_b64, "payload")
    signature = _decode_b64(signature_b64, "signature")
    if not isinstance(header.get("alg"), str):
        raise InvalidJwtError("the JWT header has no 'alg' string")
    return VcJwt(
        header=header,
        payload=payload,
        credential=_credential_from(payload),
        signing_input=f"{header_b64}.{payload_b64}".encode("ascii"),
        signature=signature,
    )


def _decode_b64(part: str, what: str) -> bytes:
    try:
        return b64url_decode(part)
    except ValueError:
        raise InvalidJwtError(f"the JWT {what} is not valid unpadded base64url") from None


def _decode_object(part: str, what: str) -> dict[str, Any]:
    data = _decode_b64(part, what)
    try:
        value = json.loads(
            data.decode("utf-8"),
            object_pairs_hook=_unique_members,
            parse_constant=_reject_constant,
        )
    except RecursionError:
        raise InvalidJwtError(f"the JWT {what} is nested too deeply") from None
    except ValueError as error:  # includes UnicodeDecodeError and JSONDecodeError
        raise InvalidJwtError(f"the JWT {what} is not valid UTF-8 JSON: {error}") from None
    if not isinstance(value, dict):
        raise InvalidJwtError(f"the JWT {what} is not a JSON object")
    return value


def _unique_members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        # Two readers could otherwise see two different values for the same member.
        raise ValueError("a JSON object has the same member twice")
    return result


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _credential_from(payload: dict[str, Any]) -> dict[str, Any]:
    if "vc" in payload:
        if not isinstance(payload["vc"], dict):
            raise InvalidJwtError("the JWT's vc claim is not a JSON object")
        credential = dict(payload["vc"])
    else:
        credential = {k: v for k, v in payload.items() if k not in REGISTERED_CLAIMS}
    if "@context" not in credential or "type" not in credential:
        raise InvalidJwtError(
            "the JWT does not carry a verifiable credential (no @context and type)"
        )
    v1 = _V1_CONTEXT in _as_list(credential.get("@context"))
    if "issuer" not in credential and isinstance(payload.get("iss"), str):
        credential["issuer"] = payload["iss"]
    if "id" not in credential and isinstance(payload.get("jti"), str):
        credential["id"] = payload["jti"]
    subject = credential.get("credentialSubject")
    if isinstance(subject, dict) and "id" not in subject and isinstance(payload.get("sub"), str):
        credential["credentialSubject"] = {**subject, "id": payload["sub"]}
    for claim, v2_name, v1_name in (
        ("nbf", "validFrom", "issuanceDate"),
        ("exp", "validUntil", "expirationDate"),
    ):
        if v2_name in credential or v1_name in credential:
            continue
        if (moment := _checked_numeric_date(payload.get(claim))) is not None:
            stamp = datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            credential[v1_name if v1 else v2_name] = stamp
    return credential


# --- verifying -----------------------------------------------------------------------------


def verify_vc_jwt(token: str | bytes | VcJwt, public_key: PublicKey) -> dict[str, Any]:
    """The credential in ``token`` once its signature and claims hold up; raises otherwise.

    Raises JwtAlgorithmError (``alg: none``, an unknown algorithm, or one that does not
    fit ``public_key``), JwtSignatureError, JwtClaimsError (a claim contradicts the
    credential), or InvalidJwtError (malformed). Dates are not compared with the clock.
    """
    jwt = token if isinstance(token, VcJwt) else parse_vc_jwt(token)
    header = jwt.header
    algorithm = jwt.algorithm
    if algorithm.lower() == "none":
        raise JwtAlgorithmError("the JWT is unsigned (alg 'none'); it proves nothing")
    if algorithm not in KEY_FOR_ALGORITHM:
        raise JwtAlgorithmError(
            f"the JWT algorithm {algorithm!r} is not accepted; use one of "
            f"{sorted(KEY_FOR_ALGORITHM)}"
        )
    if KEY_FOR_ALGORITHM[algorithm] != public_key.algorithm:
        raise JwtAlgorithmError(
            f"the JWT says it is signed with {algorithm}, but the key is a "
            f"{public_key.algorithm} key"
        )
    if "crit" in header or header.get("b64", True) is not True:
        raise InvalidJwtError("the JWT requires header extensions (crit/b64) not supported here")
    typ = header.get("typ")
    if typ is not None and (
        not isinstance(typ, str) or typ.lower().removeprefix("application/") not in ACCEPTED_TYPS
    ):
        raise InvalidJwtError(f"the JWT typ {typ!r} is not a VC-JWT type")
    embedded = jwt.header_public_key()
    if embedded is not None and embedded != public_key:
        raise JwtSignatureError("the JWT header's jwk is not the key it is being verified with")
    if not _JWA[algorithm].verify(jwt.signing_input, jwt.signature, public_key.jose_key):
        raise JwtSignatureError("the JWT signature does not verify with the issuer's key")
    _check_claims(jwt.payload, jwt.credential)
    return jwt.credential


def _check_claims(payload: Mapping[str, Any], credential: Mapping[str, Any]) -> None:
    _same("iss", payload, _issuer_id(credential), "the credential's issuer id")
    _same("jti", payload, credential.get("id"), "the credential's id")
    if "sub" in payload:
        subject_ids = _subject_ids(credential)
        if not subject_ids:
            raise JwtClaimsError("the JWT has a sub claim but the credentialSubject has no id")
        if payload["sub"] not in subject_ids:
            raise JwtClaimsError(
                f"the sub claim {_show(payload['sub'])} does not match the credentialSubject "
                f"id {_show(subject_ids[0] if len(subject_ids) == 1 else subject_ids)}"
            )
    for claim, names in (
        ("nbf", ("validFrom", "issuanceDate")),
        ("exp", ("validUntil", "expirationDate")),
    ):
        if claim not in payload:
            continue
        moment = _checked_numeric_date(payload[claim])
        if moment is None:
            raise JwtClaimsError(f"the {claim} claim is not a NumericDate")
        # The same field that signing takes the claim from: the VC 2.0 name, else VC 1.1's.
        name = next((name for name in names if name in credential), None)
        if name is None:
            continue
        if _numeric_date(credential[name], name, JwtClaimsError) != math.floor(moment):
            raise JwtClaimsError(
                f"the {claim} claim ({_iso(moment)}) contradicts the credential's "
                f"{name} ({_show(credential[name])})"
            )


def _same(claim: str, payload: Mapping[str, Any], expected: object, what: str) -> None:
    if claim in payload and payload[claim] != expected:
        raise JwtClaimsError(
            f"the {claim} claim {_show(payload[claim])} does not match {what} {_show(expected)}"
        )


# --- credential fields and dates -----------------------------------------------------------


def _issuer_id(credential: Mapping[str, Any]) -> str | None:
    issuer = credential.get("issuer")
    if isinstance(issuer, Mapping):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else None


def _subject_ids(credential: Mapping[str, Any]) -> list[str]:
    return [
        subject["id"]
        for subject in _as_list(credential.get("credentialSubject"))
        if isinstance(subject, Mapping) and isinstance(subject.get("id"), str)
    ]


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _numeric_date(value: object, name: str, error: type[ValueError]) -> int:
    """Seconds since the epoch of an XML Schema dateTime (no zone: UTC), rounded down."""
    if not isinstance(value, str) or len(value) > 64:
        raise error(f"the credential's {name} is not a date-time string")
    try:
        moment = datetime.fromisoformat(_FRACTION.sub(r"\1", value))
    except ValueError:
        raise error(f"the credential's {name} {_show(value)} is not a date-time") from None
    if "T" not in value.upper():
        raise error(f"the credential's {name} {_show(value)} has no time of day")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return math.floor(moment.timestamp())


def _checked_numeric_date(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or not 0 <= value <= _LATEST_NUMERIC_DATE:
        return None
    return value


def _iso(moment: float) -> str:
    return datetime.fromtimestamp(math.floor(moment), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 100 else text[:100] + "..."
