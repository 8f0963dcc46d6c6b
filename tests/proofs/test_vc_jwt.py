"""VC-JWT: credentials signed as compact JWS, as OB 3.0 §8.2 and VC-JOSE-COSE describe."""

from __future__ import annotations

import contextlib
import json
import warnings
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from joserfc import jws

from microcred.proofs.keys import ALGORITHMS, KeyPair, b64url_decode, b64url_encode
from microcred.proofs.vc_jwt import (
    MAX_TOKEN_CHARS,
    InvalidJwtError,
    JwtAlgorithmError,
    JwtClaimsError,
    JwtSignatureError,
    VcJwt,
    parse_vc_jwt,
    sign_vc_jwt,
    verify_vc_jwt,
)
from tests.conftest import load_json

KEYS = {algorithm: KeyPair.generate(algorithm) for algorithm in ALGORITHMS}
ED = KEYS["Ed25519"]
KID = "did:web:example.com:issuers:acme#key-1"
ISSUED_AT = 1_767_225_600  # 2026-01-01T00:00:00Z
BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _credential(**changes: Any) -> dict[str, Any]:
    credential = load_json("examples/ob3_basic_openbadgecredential.json")
    credential["validUntil"] = "2030-01-01T00:00:00Z"
    credential.update(changes)
    return credential


CREDENTIAL = _credential()
TOKEN = sign_vc_jwt(CREDENTIAL, ED, kid=KID, issued_at=ISSUED_AT)
SIGNED = {
    algorithm: sign_vc_jwt(CREDENTIAL, key_pair, kid=KID) for algorithm, key_pair in KEYS.items()
}


def _parts(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    header, payload, _ = token.split(".")
    return json.loads(b64url_decode(header)), json.loads(b64url_decode(payload))


def _signed(header: dict[str, Any], payload: dict[str, Any], key_pair: KeyPair = ED) -> str:
    """A token signed exactly as given, to state what verification must refuse."""
    signing_input = ".".join(b64url_encode(json.dumps(part).encode()) for part in (header, payload))
    return f"{signing_input}.{b64url_encode(key_pair.sign(signing_input.encode()))}"


# --- signing -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("algorithm", "alg"), [("Ed25519", "EdDSA"), ("P-256", "ES256"), ("RSA", "RS256")]
)
def test_it_signs_and_verifies_with_every_algorithm(algorithm: str, alg: str) -> None:
    key_pair = KEYS[algorithm]

    token = sign_vc_jwt(CREDENTIAL, key_pair, kid=KID)

    assert _parts(token)[0] == {"alg": alg, "typ": "JWT", "kid": KID}
    assert verify_vc_jwt(token, key_pair.public_key) == CREDENTIAL


def test_the_payload_is_the_credential_with_the_ob3_claims_beside_it() -> None:
    _, payload = _parts(TOKEN)

    assert {k: v for k, v in payload.items() if k in CREDENTIAL} == CREDENTIAL
    assert payload["iss"] == "https://example.com/issuers/876543"
    assert payload["jti"] == "http://example.com/credentials/3527"
    assert payload["sub"] == "did:example:ebfeb1f712ebc6f1c276e12ec21"
    assert payload["nbf"] == 1_262_304_000  # 2010-01-01T00:00:00Z
    assert payload["exp"] == 1_893_456_000  # 2030-01-01T00:00:00Z
    assert payload["iat"] == ISSUED_AT
    assert "vc" not in payload


def test_it_can_put_the_credential_in_a_vc_claim_as_vc_1_1_did() -> None:
    token = sign_vc_jwt(CREDENTIAL, ED, kid=KID, vc_claim=True)
    _, payload = _parts(token)

    assert payload["vc"] == CREDENTIAL
    assert payload["iss"] == "https://example.com/issuers/876543"
    assert parse_vc_jwt(token).form == "vc-claim"
    assert verify_vc_jwt(token, ED.public_key) == CREDENTIAL


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_it_can_embed_the_public_jwk_and_never_the_private_one(algorithm: str) -> None:
    key_pair = KEYS[algorithm]

    token = sign_vc_jwt(CREDENTIAL, key_pair, embed_jwk=True)
    header, _ = _parts(token)

    assert "kid" not in header
    assert header["jwk"] == key_pair.public_key.to_jwk()
    assert "d" not in header["jwk"]
    assert parse_vc_jwt(token).header_public_key() == key_pair.public_key
    assert verify_vc_jwt(token, key_pair.public_key) == CREDENTIAL


def test_it_needs_a_kid_or_an_embedded_jwk() -> None:
    with pytest.raises(ValueError, match="kid or embed_jwk"):
        sign_vc_jwt(CREDENTIAL, ED)


def test_it_writes_dates_with_offsets_and_fractions_as_whole_utc_seconds() -> None:
    credential = _credential(validFrom="2010-01-01T01:00:00.75+01:00")

    _, payload = _parts(sign_vc_jwt(credential, ED, kid=KID))

    assert payload["nbf"] == 1_262_304_000


def test_a_vc_1_1_credential_maps_issuance_and_expiration_dates() -> None:
    credential = _credential(
        issuanceDate="2010-01-01T00:00:00Z", expirationDate="2030-01-01T00:00:00Z"
    )
    del credential["validFrom"], credential["validUntil"]

    token = sign_vc_jwt(credential, ED, kid=KID)

    assert _parts(token)[1]["nbf"] == 1_262_304_000
    assert _parts(token)[1]["exp"] == 1_893_456_000
    assert verify_vc_jwt(token, ED.public_key) == credential


def test_a_credential_without_subject_id_or_end_date_gets_no_sub_or_exp() -> None:
    credential = _credential()
    del credential["validUntil"], credential["credentialSubject"]["id"]

    _, payload = _parts(sign_vc_jwt(credential, ED, kid=KID))

    assert "sub" not in payload
    assert "exp" not in payload


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"issuer": {"name": "nobody"}}, "no issuer id"),
        ({"iss": "https://example.com"}, "named like JWT claims"),
        ({"validFrom": "yesterday"}, "not a date-time"),
        ({"validFrom": "2010-01-01"}, "no time of day"),
        ({"name": float("nan")}, "not plain JSON"),
        ({"name": object()}, "not plain JSON"),
    ],
)
def test_it_refuses_to_sign_what_it_cannot_state_correctly(
    changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        sign_vc_jwt(_credential(**changes), ED, kid=KID)


def test_the_signature_is_a_standard_jws_that_joserfc_verifies() -> None:
    registry = jws.JWSRegistry(algorithms=["EdDSA"])
    registry.max_payload_length = 1_000_000

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # joserfc advises the RFC 9864 "Ed25519" name
        result = jws.deserialize_compact(TOKEN, ED.public_key.jose_key, registry=registry)

    assert json.loads(result.payload)["jti"] == CREDENTIAL["id"]


# --- reading other issuers' forms ----------------------------------------------------------


def test_it_verifies_the_vc_jose_cose_form_without_claims() -> None:
    token = jws.serialize_compact(
        {"alg": "ES256", "typ": "vc+jwt", "kid": KID},
        json.dumps(CREDENTIAL),
        KEYS["P-256"].jose_key,
        algorithms=["ES256"],
    )

    assert verify_vc_jwt(token, KEYS["P-256"].public_key) == CREDENTIAL
    assert parse_vc_jwt(token).form == "payload"


def test_it_puts_back_properties_a_vc_1_1_issuer_moved_into_claims() -> None:
    credential = {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "credentialSubject": {"type": ["AchievementSubject"]},
    }
    claims = {
        "iss": "did:web:example.com",
        "jti": "urn:uuid:1",
        "sub": "did:example:learner",
        "nbf": 1_262_304_000,
        "exp": 1_893_456_000,
    }
    token = _signed({"alg": "EdDSA", "typ": "JWT"}, {**claims, "vc": credential})

    verified = verify_vc_jwt(token, ED.public_key)

    assert verified["issuer"] == "did:web:example.com"
    assert verified["id"] == "urn:uuid:1"
    assert verified["credentialSubject"]["id"] == "did:example:learner"
    assert verified["issuanceDate"] == "2010-01-01T00:00:00Z"
    assert verified["expirationDate"] == "2030-01-01T00:00:00Z"


def test_an_exp_claim_becomes_valid_until_when_the_credential_has_none() -> None:
    credential = _credential()
    del credential["validUntil"]
    header, payload = _parts(sign_vc_jwt(credential, ED, kid=KID))
    payload["exp"] = 1_893_456_000

    verified = verify_vc_jwt(_signed(header, payload), ED.public_key)

    assert verified["validUntil"] == "2030-01-01T00:00:00Z"


def test_parsing_exposes_what_a_verifier_needs_to_find_the_key() -> None:
    jwt = parse_vc_jwt(TOKEN + "\n")

    assert isinstance(jwt, VcJwt)
    assert (jwt.algorithm, jwt.kid, jwt.jwk, jwt.form) == ("EdDSA", KID, None, "payload")
    assert jwt.credential == CREDENTIAL
    assert jwt.signing_input == TOKEN.rsplit(".", 1)[0].encode()
    assert ED.public_key.verify(jwt.signature, jwt.signing_input)
    assert jwt.header_public_key() is None
    assert verify_vc_jwt(jwt, ED.public_key) == CREDENTIAL


# --- refusing ------------------------------------------------------------------------------


def test_it_refuses_an_unsigned_token() -> None:
    header = b64url_encode(b'{"alg":"none","typ":"JWT"}')
    payload = TOKEN.split(".")[1]

    with pytest.raises(JwtAlgorithmError, match="alg 'none'"):
        verify_vc_jwt(f"{header}.{payload}.{b64url_encode(b'x')}", ED.public_key)
    with pytest.raises(InvalidJwtError, match="unsigned"):
        verify_vc_jwt(f"{header}.{payload}.", ED.public_key)


@pytest.mark.parametrize("alg", ["HS256", "ES256K", "PS256", "EdDSA "])
def test_it_refuses_algorithms_it_does_not_accept(alg: str) -> None:
    header, payload = _parts(TOKEN)

    with pytest.raises(JwtAlgorithmError, match="not accepted"):
        verify_vc_jwt(_signed({**header, "alg": alg}, payload), ED.public_key)


@pytest.mark.parametrize("algorithm", ["P-256", "RSA"])
def test_it_refuses_an_algorithm_that_does_not_fit_the_key(algorithm: str) -> None:
    with pytest.raises(JwtAlgorithmError, match="the key is a"):
        verify_vc_jwt(TOKEN, KEYS[algorithm].public_key)


def test_it_refuses_a_signature_by_another_key() -> None:
    with pytest.raises(JwtSignatureError, match="does not verify"):
        verify_vc_jwt(TOKEN, KeyPair.generate().public_key)


def test_it_refuses_a_header_jwk_that_is_not_the_verifying_key() -> None:
    token = sign_vc_jwt(CREDENTIAL, ED, embed_jwk=True)
    header, payload = _parts(token)
    other = KeyPair.generate()

    with pytest.raises(JwtSignatureError, match="header's jwk"):
        verify_vc_jwt(
            _signed({**header, "jwk": other.public_key.to_jwk()}, payload, ED), ED.public_key
        )


def test_it_refuses_a_header_jwk_that_holds_a_private_key() -> None:
    header, payload = _parts(TOKEN)

    with pytest.raises(InvalidJwtError, match="private key members"):
        verify_vc_jwt(_signed({**header, "jwk": ED.to_private_jwk()}, payload), ED.public_key)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"crit": ["exp"]}, "crit/b64"),
        ({"b64": False}, "crit/b64"),
        ({"typ": "at+jwt"}, "not a VC-JWT type"),
        ({"typ": 7}, "not a VC-JWT type"),
    ],
)
def test_it_refuses_headers_it_cannot_honour(extra: dict[str, Any], message: str) -> None:
    header, payload = _parts(TOKEN)

    with pytest.raises(InvalidJwtError, match=message):
        verify_vc_jwt(_signed({**header, **extra}, payload), ED.public_key)


@pytest.mark.parametrize("typ", ["JWT", "jwt", "vc+jwt", "application/vc+jwt", "vc+ld+json+jwt"])
def test_it_accepts_every_vc_jwt_type(typ: str) -> None:
    header, payload = _parts(TOKEN)

    assert verify_vc_jwt(_signed({**header, "typ": typ}, payload), ED.public_key)


@pytest.mark.parametrize(
    ("claim", "value", "message"),
    [
        ("iss", "https://evil.example/issuers/1", "iss claim"),
        ("iss", 42, "iss claim"),
        ("jti", "http://example.com/credentials/9999", "jti claim"),
        ("sub", "did:example:someone-else", "sub claim"),
        ("nbf", 1_262_304_001, "nbf claim"),
        ("nbf", "2010-01-01T00:00:00Z", "not a NumericDate"),
        ("nbf", True, "not a NumericDate"),
        ("exp", 1_893_456_000 + 86_400, "exp claim"),
        ("exp", 10**20, "not a NumericDate"),
    ],
)
def test_it_refuses_claims_that_contradict_the_credential(
    claim: str, value: Any, message: str
) -> None:
    header, payload = _parts(TOKEN)

    with pytest.raises(JwtClaimsError, match=message):
        verify_vc_jwt(_signed(header, {**payload, claim: value}), ED.public_key)


def test_it_refuses_a_sub_claim_when_no_subject_has_an_id() -> None:
    header, payload = _parts(TOKEN)
    payload["credentialSubject"] = [{"type": ["AchievementSubject"]}]

    with pytest.raises(JwtClaimsError, match="has no id"):
        verify_vc_jwt(_signed(header, payload), ED.public_key)


def test_it_refuses_a_vc_claim_that_contradicts_the_credential_inside() -> None:
    token = sign_vc_jwt(CREDENTIAL, ED, kid=KID, vc_claim=True)
    header, payload = _parts(token)
    payload["vc"]["issuer"] = "https://evil.example"

    with pytest.raises(JwtClaimsError, match="iss claim"):
        verify_vc_jwt(_signed(header, payload), ED.public_key)


def _flip(token: str, part: int, data: st.DataObject) -> str:
    parts = token.split(".")
    segment = parts[part]
    index = data.draw(st.integers(0, len(segment) - 1), label="index")
    replacement = data.draw(
        st.sampled_from(BASE64URL).filter(lambda c: c != segment[index]), label="char"
    )
    parts[part] = segment[:index] + replacement + segment[index + 1 :]
    return ".".join(parts)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@pytest.mark.parametrize("part", [0, 1, 2], ids=["header", "payload", "signature"])
@given(data=st.data())
def test_any_changed_character_fails_verification(
    algorithm: str, part: int, data: st.DataObject
) -> None:
    key_pair = KEYS[algorithm]
    token = SIGNED[algorithm]

    with pytest.raises(InvalidJwtError):
        verify_vc_jwt(_flip(token, part, data), key_pair.public_key)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
@given(data=st.data())
def test_any_flipped_byte_in_the_signature_fails(algorithm: str, data: st.DataObject) -> None:
    head, payload, signature_b64 = SIGNED[algorithm].split(".")
    signature = bytearray(b64url_decode(signature_b64))
    index = data.draw(st.integers(0, len(signature) - 1), label="index")
    signature[index] ^= data.draw(st.integers(1, 255), label="flip")

    with pytest.raises(JwtSignatureError):
        verify_vc_jwt(
            f"{head}.{payload}.{b64url_encode(bytes(signature))}", KEYS[algorithm].public_key
        )


@given(data=st.data())
def test_any_flipped_byte_in_the_payload_fails(data: st.DataObject) -> None:
    head, payload_b64, signature = TOKEN.split(".")
    payload = bytearray(b64url_decode(payload_b64))
    index = data.draw(st.integers(0, len(payload) - 1), label="index")
    payload[index] ^= data.draw(st.integers(1, 255), label="flip")

    with pytest.raises(InvalidJwtError):
        verify_vc_jwt(f"{head}.{b64url_encode(bytes(payload))}.{signature}", ED.public_key)


# --- malformed tokens ----------------------------------------------------------------------

_HEADER = b64url_encode(b'{"alg":"EdDSA"}')
_PAYLOAD = TOKEN.split(".")[1]


def _b64(text: str) -> str:
    return b64url_encode(text.encode())


NOT_UTF8 = b'{"alg":"\xff"}'
TWICE = '{"alg":"EdDSA","alg":"none"}'
NAN = '{"a":NaN}'
HUGE_NUMBER = '{"a":' + "1" * 5000 + "}"
NO_CREDENTIAL = '{"iss":"x"}'
VC_LIST = '{"vc":[]}'


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (42, "must be text"),
        (b"\xff\xfe", "ASCII"),
        ("", "3 parts"),
        ("a.b", "3 parts"),
        ("a.b.c.d", "3 parts"),
        ("a.b.c.d.e", "encrypted"),
        ("x" * (MAX_TOKEN_CHARS + 1), "longer than"),
        (f"{'A' * 20_000}.{_PAYLOAD}.AA", "header is longer"),
        (f"{_HEADER}..AA", "no payload"),
        (f"{_HEADER}.{_PAYLOAD}.", "unsigned"),
        (f"{_HEADER}=.{_PAYLOAD}.AA", "base64url"),
        (f"{_HEADER}.{_PAYLOAD}.A", "base64url"),
        (f"{_b64('not json')}.{_PAYLOAD}.AA", "not valid UTF-8 JSON"),
        (f"{b64url_encode(NOT_UTF8)}.{_PAYLOAD}.AA", "UTF-8"),
        (f"{_b64('[1]')}.{_PAYLOAD}.AA", "not a JSON object"),
        (f"{_b64('{}')}.{_PAYLOAD}.AA", "no 'alg'"),
        (f"{_b64(TWICE)}.{_PAYLOAD}.AA", "same member twice"),
        (f"{_HEADER}.{_b64(NAN)}.AA", "NaN is not JSON"),
        (f"{_HEADER}.{_b64('[' * 100_000)}.AA", "nested too deeply|not valid"),
        (f"{_HEADER}.{_b64(HUGE_NUMBER)}.AA", "not valid UTF-8 JSON"),
        (f"{_HEADER}.{_b64(NO_CREDENTIAL)}.AA", "does not carry a verifiable credential"),
        (f"{_HEADER}.{_b64(VC_LIST)}.AA", "vc claim is not a JSON object"),
    ],
)
def test_it_refuses_malformed_tokens_with_a_clear_error(token: Any, message: str) -> None:
    with pytest.raises(InvalidJwtError, match=message):
        parse_vc_jwt(token)


@given(st.text(alphabet=BASE64URL + ".", max_size=300))
def test_any_text_either_parses_or_raises_invalid_jwt_error(token: str) -> None:
    with contextlib.suppress(InvalidJwtError):
        parse_vc_jwt(token)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=10,
)
CLAIM = st.sampled_from(["iss", "sub", "jti", "nbf", "exp", "iat", "vc", "@context", "type"])


@given(st.dictionaries(CLAIM | st.text(max_size=6), JSON, max_size=8), JSON)
def test_any_signed_payload_either_verifies_or_raises_invalid_jwt_error(
    payload: dict[str, Any], header_extra: Any
) -> None:
    token = _signed({"alg": "EdDSA", "x": header_extra}, payload)

    with contextlib.suppress(InvalidJwtError):
        verify_vc_jwt(token, ED.public_key)
