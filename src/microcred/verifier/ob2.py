"""Open Badges 2.0 assertions: hosted (the issuer serves it at its id) and signed (a JWS).

Hosted: the assertion is fetched from its own ``id``; HTTP 410 Gone or ``"revoked": true``
means revoked; the copy the verifier was given must be the one the issuer hosts, and the id
must lie where the issuer's verification policy allows (by default its own host).
Signed: the JWS is checked with the issuer's ``CryptographicKey`` (``verification.creator``),
which must name the issuer as its owner and be listed in the issuer's ``publicKey``; revocation
comes from the issuer's ``revocationList``. The badge class and issuer profile are fetched when
given as URLs, and their facts shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from cryptography.hazmat.primitives.serialization import load_pem_public_key

from microcred.proofs.keys import InvalidKeyError, PublicKey, b64url_decode
from microcred.verifier.context import Run
from microcred.verifier.dates import check_window
from microcred.verifier.fetcher import FetchError, fetch_ok
from microcred.verifier.fields import as_list, id_of, split_url, text, types_of
from microcred.verifier.inputs import InputError, parse_json
from microcred.verifier.messages import fetch_reason, noun, say
from microcred.verifier.recipient import check_ob2_recipient
from microcred.verifier.remote import fetch_or_report
from microcred.verifier.report import Outcome

OB2_CONTEXT: Final = "https://w3id.org/openbadges/v2"
OB1_CONTEXT: Final = "https://w3id.org/openbadges/v1"
STANDARD_HOSTED: Final = "Open Badges 2.0 (hosted)"
STANDARD_SIGNED: Final = "Open Badges 2.0 (signed)"
MAX_PUBLIC_KEYS: Final = 5
MAX_REVOKED: Final = 1_000_000
_JWS_ALGORITHMS: Final = {"RS256": "RSA", "ES256": "P-256", "EdDSA": "Ed25519"}
_HOSTED_TYPES: Final = frozenset({"hosted", "HostedBadge"})
_SIGNED_TYPES: Final = frozenset({"signed", "SignedBadge"})


def looks_like_ob2(document: Mapping[str, Any]) -> bool:
    contexts = as_list(document.get("@context"))
    if OB2_CONTEXT in contexts or OB1_CONTEXT in contexts:
        return True
    return "Assertion" in types_of(document) or (
        "recipient" in document and "badge" in document and "verification" in document
    )


@dataclass
class Ob2Result:
    """What the OB 2.0 checks learned, for the report's facts."""

    assertion: Mapping[str, Any]
    badge: Mapping[str, Any] = field(default_factory=dict)
    issuer: Mapping[str, Any] = field(default_factory=dict)
    standard: str = STANDARD_HOSTED


class Ob2JwsError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Ob2Jws:
    header: dict[str, Any]
    assertion: dict[str, Any]
    signing_input: bytes
    signature: bytes


def parse_ob2_jws(token: str) -> Ob2Jws:
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise Ob2JwsError("a signed assertion is a compact JWS of three parts")
    try:
        header = parse_json(b64url_decode(parts[0]))
        assertion = parse_json(b64url_decode(parts[1]))
        signature = b64url_decode(parts[2])
    except (ValueError, InputError) as error:
        raise Ob2JwsError(f"the JWS cannot be decoded: {error}") from None
    return Ob2Jws(header, assertion, f"{parts[0]}.{parts[1]}".encode("ascii"), signature)


# --- entry points ----------------------------------------------------------------------------


def check_hosted(run: Run, given: Mapping[str, Any]) -> Ob2Result:
    """A hosted assertion (given as JSON, or fetched from the URL the input named)."""
    if _verification_type(given) in _SIGNED_TYPES:
        # The JSON of a signed assertion, without the JWS that carried it.
        result = Ob2Result(given, standard=STANDARD_SIGNED)
        if _check_structure(run, given, STANDARD_SIGNED):
            run.add("proof.signature", Outcome.FAILED, "ob2.signed_without_jws")
        return result
    result = Ob2Result(given, standard=STANDARD_HOSTED)
    if not _check_structure(run, given, STANDARD_HOSTED):
        return result
    url = str(given["id"])
    hosted = _fetch_hosted(run, url, given)
    if hosted is None:
        return result
    result.assertion = hosted
    _load_badge_and_issuer(run, result)
    if result.issuer:
        _check_policy(run, url, result.issuer)
    _check_dates_and_recipient(run, hosted)
    return result


def check_signed(run: Run, jws: Ob2Jws) -> Ob2Result:
    assertion = jws.assertion
    result = Ob2Result(assertion, standard=STANDARD_SIGNED)
    if not _check_structure(run, assertion, STANDARD_SIGNED):
        return result
    if _verification_type(assertion) not in _SIGNED_TYPES:
        run.add("proof.signature", Outcome.FAILED, "ob2.jws_not_signed_type")
        return result
    _load_badge_and_issuer(run, result)
    if result.issuer:
        _check_signature(run, jws, result.issuer)
        _check_revocation_list(run, assertion, result.issuer)
    else:
        run.add("proof.signature", Outcome.INDETERMINATE, "ob2.no_issuer_for_key")
    _check_dates_and_recipient(run, assertion)
    return result


# --- structure -------------------------------------------------------------------------------


def _check_structure(run: Run, assertion: Mapping[str, Any], standard: str) -> bool:
    problems = []
    if "Assertion" not in types_of(assertion):
        problems.append("type (Assertion)")
    if not _is_web_url(assertion.get("id")) and standard == STANDARD_HOSTED:
        problems.append("id")
    recipient = assertion.get("recipient")
    if not isinstance(recipient, Mapping) or not isinstance(recipient.get("identity"), str):
        problems.append("recipient")
    if id_of(assertion.get("badge")) is None:
        problems.append("badge")
    if _verification_type(assertion) is None:
        problems.append("verification")
    if "issuedOn" not in assertion:
        problems.append("issuedOn")
    run.add(
        "format.standard",
        Outcome.PASSED,
        "format.standard",
        {"standard": standard},
        standard=standard,
        thing=noun("assertion"),
    )
    if problems:
        run.add(
            "format.structure",
            Outcome.FAILED,
            "format.structure.failed",
            {"problems": problems},
            thing=noun("assertion"),
            problems=", ".join(problems),
        )
        return False
    run.add("format.structure", Outcome.PASSED, "format.structure.passed", thing=noun("assertion"))
    return True


def _verification(assertion: Mapping[str, Any]) -> Mapping[str, Any]:
    verification = assertion.get("verification")
    return verification if isinstance(verification, Mapping) else {}


def _verification_type(assertion: Mapping[str, Any]) -> str | None:
    # Hostile documents put lists or objects here; only a string names a type.
    kind = _verification(assertion).get("type")
    return kind if isinstance(kind, str) else None


# --- hosted ----------------------------------------------------------------------------------


def _fetch_hosted(run: Run, url: str, given: Mapping[str, Any]) -> Mapping[str, Any] | None:
    response = fetch_or_report(
        run, url, code="ob2.hosted", unreachable="ob2.hosted_unreachable", gone="ob2.gone"
    )
    if response is None:
        return None
    try:
        hosted = parse_json(response.body)
    except InputError as error:
        run.add(
            "ob2.hosted", Outcome.FAILED, "ob2.hosted_malformed", {"reason": str(error)}, url=url
        )
        return None
    if hosted.get("id") != url:
        run.add("ob2.hosted", Outcome.FAILED, "ob2.hosted_other_id", {"url": url}, url=url)
        return None
    differing = sorted(key for key in set(given) | set(hosted) if given.get(key) != hosted.get(key))
    if differing:
        run.add(
            "ob2.hosted",
            Outcome.FAILED,
            "ob2.hosted_differs",
            {"url": url, "fields": differing[:20]},
            url=url,
            fields=", ".join(differing[:10]),
        )
        return None
    run.add("ob2.hosted", Outcome.PASSED, "ob2.hosted_ok", {"url": url}, url=url)
    if hosted.get("revoked") is True:
        reason = hosted.get("revocationReason")
        details = {"revocationReason": reason[:500]} if isinstance(reason, str) else {}
        run.add(
            "status.revoked", Outcome.FAILED, "status.revoked.yes", details, thing=noun("assertion")
        )
    else:
        run.add("status.revoked", Outcome.PASSED, "status.revoked.no", thing=noun("assertion"))
    return hosted


def _check_policy(run: Run, url: str, issuer: Mapping[str, Any]) -> None:
    policy = issuer.get("verification")
    policy = policy if isinstance(policy, Mapping) else {}
    starts = [p for p in as_list(policy.get("startsWith")) if isinstance(p, str) and p]
    origins = [o for o in as_list(policy.get("allowedOrigins")) if isinstance(o, str) and o]
    parts, issuer_parts = split_url(url), split_url(issuer.get("id"))
    host = (parts.hostname if parts else None) or ""
    if starts:
        allowed = any(url.startswith(prefix) for prefix in starts)
    elif origins:
        allowed = host in origins
    else:
        allowed = bool(host) and host == (issuer_parts.hostname if issuer_parts else None)
    details = {"url": url, "startsWith": starts[:10], "allowedOrigins": origins[:10]}
    if allowed:
        run.add("ob2.verification_policy", Outcome.PASSED, "ob2.policy_ok", details, host=host)
    else:
        run.add(
            "ob2.verification_policy", Outcome.FAILED, "ob2.policy_violated", details, host=host
        )


# --- signed ----------------------------------------------------------------------------------


def _check_signature(run: Run, jws: Ob2Jws, issuer: Mapping[str, Any]) -> None:
    issuer_id = str(issuer.get("id"))
    algorithm = jws.header.get("alg")
    details: dict[str, Any] = {"format": "JWS", "alg": str(algorithm)[:40]}
    if not isinstance(algorithm, str) or algorithm not in _JWS_ALGORITHMS:
        run.add("proof.signature", Outcome.FAILED, "ob2.jws_algorithm", details, alg=str(algorithm))
        return
    creator = _verification(jws.assertion).get("creator")
    listed = [key for key in (id_of(k) for k in as_list(issuer.get("publicKey"))) if key]
    if isinstance(creator, str):
        if creator not in listed:
            run.add(
                "issuer.key",
                Outcome.FAILED,
                "ob2.key_not_listed",
                {**details, "creator": creator},
                key=creator,
            )
            return
        candidates = [creator]
    else:
        candidates = listed[:MAX_PUBLIC_KEYS]
    if not candidates:
        run.add("issuer.key", Outcome.FAILED, "ob2.no_key", details)
        return
    for key_url in candidates:
        details["creator"] = key_url
        public_key = _cryptographic_key(run, key_url, issuer_id, details)
        if public_key is None:
            return
        if public_key.algorithm == _JWS_ALGORITHMS[algorithm] and public_key.verify(
            jws.signature, jws.signing_input
        ):
            run.add("issuer.key", Outcome.PASSED, "ob2.key_ok", details, key=key_url)
            run.add("proof.signature", Outcome.PASSED, "ob2.jws_ok", details)
            return
    run.add("issuer.key", Outcome.PASSED, "ob2.key_ok", details, key=str(details["creator"]))
    run.add("proof.signature", Outcome.FAILED, "ob2.jws_mismatch", details)


def _cryptographic_key(
    run: Run, url: str, issuer_id: str, details: dict[str, Any]
) -> PublicKey | None:
    document = _fetch_json(run, url, "issuer.key", "ob2.key_unreachable")
    if document is None:
        return None
    if document.get("owner") != issuer_id:
        run.add(
            "issuer.key",
            Outcome.FAILED,
            "ob2.key_other_owner",
            details,
            key=url,
            owner=str(document.get("owner")),
        )
        return None
    pem = document.get("publicKeyPem")
    try:
        if not isinstance(pem, str) or len(pem) > 16_384:
            raise InvalidKeyError("publicKeyPem is missing")
        return PublicKey.from_cryptography(load_pem_public_key(pem.encode("ascii")))
    except (ValueError, TypeError, UnicodeEncodeError, InvalidKeyError) as error:
        run.add(
            "issuer.key",
            Outcome.FAILED,
            "ob2.key_malformed",
            {**details, "reason": str(error)},
            key=url,
        )
        return None


def _check_revocation_list(
    run: Run, assertion: Mapping[str, Any], issuer: Mapping[str, Any]
) -> None:
    url = issuer.get("revocationList")
    if not isinstance(url, str):
        run.add("status.revoked", Outcome.SKIPPED, "ob2.no_revocation_list")
        return
    document = _fetch_json(run, url, "status.revoked", "status.unreachable")
    if document is None:
        return
    revoked = document.get("revokedAssertions")
    if not isinstance(revoked, list) or len(revoked) > MAX_REVOKED:
        run.add("status.revoked", Outcome.INDETERMINATE, "status.list_malformed", url=url)
        return
    wanted = _strings(assertion.get("id"), assertion.get("uid"))
    for item in revoked:
        if isinstance(item, Mapping):
            ids = _strings(id_of(item), item.get("uid"))
        else:
            ids = _strings(item)
        if ids & wanted:
            reason = item.get("revocationReason") if isinstance(item, Mapping) else None
            details = {"revocationReason": reason[:500]} if isinstance(reason, str) else {}
            run.add(
                "status.revoked",
                Outcome.FAILED,
                "status.revoked.yes",
                details,
                thing=noun("assertion"),
            )
            return
    run.add("status.revoked", Outcome.PASSED, "status.revoked.no", thing=noun("assertion"))


# --- badge class and issuer ------------------------------------------------------------------


def _load_badge_and_issuer(run: Run, result: Ob2Result) -> None:
    badge = result.assertion.get("badge")
    if isinstance(badge, str):
        badge = _fetch_json(run, badge, "ob2.badge", "ob2.badge_unreachable")
    if not isinstance(badge, Mapping):
        return
    if "BadgeClass" not in types_of(badge) or text(badge.get("name")) is None:
        run.add("ob2.badge", Outcome.FAILED, "ob2.badge_malformed")
        return
    result.badge = badge
    run.add("ob2.badge", Outcome.PASSED, "ob2.badge_ok", name=text(badge.get("name")) or "?")
    issuer = badge.get("issuer")
    if isinstance(issuer, str):
        issuer = _fetch_json(run, issuer, "ob2.issuer", "ob2.issuer_unreachable")
    if not isinstance(issuer, Mapping):
        return
    if not isinstance(issuer.get("id"), str) or not {"Issuer", "Profile"} & set(types_of(issuer)):
        run.add("ob2.issuer", Outcome.FAILED, "ob2.issuer_malformed")
        return
    result.issuer = issuer
    run.add(
        "ob2.issuer", Outcome.PASSED, "ob2.issuer_ok", name=text(issuer.get("name")) or issuer["id"]
    )


def _fetch_json(run: Run, url: str, code: str, sentence: str) -> Mapping[str, Any] | None:
    try:
        response = fetch_ok(run.fetcher, url)
        return parse_json(response.body)
    except FetchError as error:
        run.add(
            code,
            Outcome.INDETERMINATE,
            sentence,
            {"url": url, "reason": str(error)},
            url=url,
            reason=fetch_reason(error),
        )
    except InputError as error:
        run.add(
            code,
            Outcome.INDETERMINATE,
            sentence,
            {"url": url, "reason": str(error)},
            url=url,
            reason=say("fetch.not_json"),
        )
    return None


def _check_dates_and_recipient(run: Run, assertion: Mapping[str, Any]) -> None:
    check_window(
        run,
        assertion.get("issuedOn"),
        assertion.get("expires"),
        from_name="issuedOn",
        until_name="expires",
        what="assertion",
    )
    check_ob2_recipient(run, assertion)


def _is_web_url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def _strings(*values: Any) -> set[str]:
    return {value for value in values if isinstance(value, str)}
