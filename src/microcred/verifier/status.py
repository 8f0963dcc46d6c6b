"""Has the issuer revoked or suspended the credential since issuing it?

Three status methods are read: the W3C Bitstring Status List (revocation and suspension; the
status list credential is itself verified, and must come from the credential's issuer), the
1EdTech Revocation List (a JSON list of revoked credential ids), and, in ``ob2``, Open Badges
2.0 revocation. An unreachable or unverifiable list leaves the status undecided
(indeterminate), never "not revoked".

Verified status lists are remembered per process for a few minutes, keyed by their bytes, so
a batch of credentials sharing one list verifies its proof once.
"""

from __future__ import annotations

import json
import time
import weakref
from collections import OrderedDict
from collections.abc import Mapping
from threading import Lock
from typing import Any, Final

from microcred.proofs.vc_jwt import InvalidJwtError, VcJwt, parse_vc_jwt
from microcred.status import ENTRY_TYPE, StatusListError, read_status
from microcred.verifier.context import MAX_DEPTH, Run
from microcred.verifier.fetcher import FetchError, Response, fetch_ok
from microcred.verifier.fields import as_list, id_of, issuer_id
from microcred.verifier.inputs import InputError, parse_json
from microcred.verifier.messages import fetch_reason, noun
from microcred.verifier.report import Check, Outcome

REVOCATION_LIST_TYPE: Final = "1EdTechRevocationList"
MAX_STATUS_ENTRIES: Final = 8
MAX_REVOKED_ENTRIES: Final = 1_000_000
_VERIFIED_TTL: Final = 300.0
_VERIFIED_SIZE: Final = 64
_CODES: Final = {"revocation": "status.revoked", "suspension": "status.suspended"}

# (list bytes digest, issuer) -> (stored at, fetcher it was verified through, its checks)
_verified: OrderedDict[tuple[bytes, str], tuple[float, weakref.ref[Any], tuple[Check, ...]]] = (
    OrderedDict()
)
_verified_lock = Lock()
# list bytes digest -> the parsed list credential (and its JWT form, if it came as one)
_parsed: OrderedDict[bytes, tuple[dict[str, Any], VcJwt | None]] = OrderedDict()


def check_status(run: Run, credential: Mapping[str, Any], *, what: str) -> None:
    entries = as_list(credential.get("credentialStatus"))
    if not entries:
        run.add("status.revoked", Outcome.SKIPPED, "status.none", thing=noun(what))
        return
    for index, entry in enumerate(entries[:MAX_STATUS_ENTRIES]):
        details: dict[str, Any] = {"index": index}
        if not isinstance(entry, Mapping):
            run.add("status.revoked", Outcome.FAILED, "status.entry_malformed", details)
            continue
        kinds = as_list(entry.get("type"))
        details["type"] = [kind for kind in kinds if isinstance(kind, str)][:4]
        if ENTRY_TYPE in kinds:
            _bitstring(run, credential, entry, details, what)
        elif REVOCATION_LIST_TYPE in kinds:
            _revocation_list(run, credential, entry, details, what)
        else:
            run.add(
                "status.revoked",
                Outcome.INDETERMINATE,
                "status.unsupported",
                details,
                type=", ".join(details["type"]) or "?",
            )
    if len(entries) > MAX_STATUS_ENTRIES:
        run.add("status.revoked", Outcome.INDETERMINATE, "status.too_many", count=len(entries))


# --- Bitstring Status List -----------------------------------------------------------------


def _bitstring(
    run: Run,
    credential: Mapping[str, Any],
    entry: Mapping[str, Any],
    details: dict[str, Any],
    what: str,
) -> None:
    purpose = entry.get("statusPurpose")
    url = entry.get("statusListCredential")
    details.update({"statusPurpose": purpose, "statusListCredential": url})
    code = _CODES.get(purpose, "status.other") if isinstance(purpose, str) else "status.revoked"
    index = entry.get("statusListIndex")
    details["statusListIndex"] = index if isinstance(index, str | int) else None
    if not isinstance(purpose, str) or not isinstance(url, str) or not url or not _is_index(index):
        run.add(code, Outcome.FAILED, "status.entry_malformed", details)
        return
    if code == "status.other":
        # refresh and message purposes say nothing about validity.
        run.add(code, Outcome.SKIPPED, "status.other_purpose", details, purpose=purpose)
        return
    if run.depth >= MAX_DEPTH:
        run.add(code, Outcome.INDETERMINATE, "status.too_deep", details)
        return
    try:
        response = fetch_ok(run.fetcher, url)
    except FetchError as error:
        run.add(
            code,
            Outcome.INDETERMINATE,
            "status.unreachable",
            {**details, "reason": str(error)},
            url=url,
            reason=fetch_reason(error),
        )
        return
    try:
        list_credential, jwt = _read_list_once(response)
    except ValueError as error:
        run.add(
            code,
            Outcome.INDETERMINATE,
            "status.list_malformed",
            {**details, "reason": str(error)},
            url=url,
        )
        return
    problems = _list_problems(run, response.digest, list_credential, jwt, credential)
    if problems:
        run.add(
            code,
            Outcome.INDETERMINATE,
            "status.list_unverified",
            {**details, "problems": [check.to_json() for check in problems]},
            url=url,
            reason=problems[0].message,
        )
        return
    try:
        value = read_status(entry, list_credential)
    except StatusListError as error:
        # The entry was checked above: what fails now is the list the issuer publishes.
        run.add(
            code,
            Outcome.INDETERMINATE,
            "status.list_malformed",
            {**details, "reason": str(error), "error": error.code},
            url=url,
        )
        return
    details["value"] = value
    if value:
        run.add(code, Outcome.FAILED, f"{code}.yes", details, thing=noun(what))
    else:
        run.add(code, Outcome.PASSED, f"{code}.no", details, thing=noun(what))


def _is_index(value: Any) -> bool:
    """A statusListIndex: base-10 digits (the spec's form) or, from older issuers, an int."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value >= 0
    return isinstance(value, str) and 0 < len(value) <= 20 and value.isascii() and value.isdigit()


def _read_list_once(response: Response) -> tuple[dict[str, Any], VcJwt | None]:
    """The parsed list, remembered by its bytes: a batch shares one list."""
    with _verified_lock:
        parsed = _parsed.get(response.digest)
        if parsed is not None:
            _parsed.move_to_end(response.digest)
            return parsed
    parsed = _read_list(response)
    with _verified_lock:
        _parsed[response.digest] = parsed
        while len(_parsed) > _VERIFIED_SIZE:
            _parsed.popitem(last=False)
    return parsed


def _read_list(response: Response) -> tuple[dict[str, Any], VcJwt | None]:
    text = response.body.strip()
    if text.startswith(b"{"):
        try:
            return parse_json(text), None
        except InputError as error:
            raise ValueError(str(error)) from None
    try:
        jwt = parse_vc_jwt(text)
    except InvalidJwtError as error:
        raise ValueError(f"the status list is neither JSON nor a VC-JWT: {error}") from None
    return jwt.credential, jwt


def _list_problems(
    run: Run,
    digest: bytes,
    list_credential: Mapping[str, Any],
    jwt: VcJwt | None,
    credential: Mapping[str, Any],
) -> list[Check]:
    """What keeps the list from being trusted: its own checks that did not pass."""
    from microcred.verifier.credential import check_vc  # the list is a credential too

    key = (digest, issuer_id(credential) or "")
    cached = _cached(key, run.fetcher)
    if cached is None:
        child = run.child()
        check_vc(child, list_credential, what="status_list", jwt=jwt)
        cached = tuple(child.checks)
        # Only a fully verified list is remembered: "unreachable" must be asked again.
        if all(check.outcome in (Outcome.PASSED, Outcome.SKIPPED) for check in cached):
            _remember(key, run.fetcher, cached)
    problems = [
        check
        for check in cached
        if check.outcome in (Outcome.FAILED, Outcome.INDETERMINATE)
        and not check.code.startswith("dates.")
    ]
    # Dates change meaning with the clock, so they are checked on every run.
    if not problems:
        from microcred.verifier.dates import check_window

        child = run.child()
        check_window(
            child,
            list_credential.get("validFrom", list_credential.get("issuanceDate")),
            list_credential.get("validUntil", list_credential.get("expirationDate")),
            from_name="validFrom",
            until_name="validUntil",
            what="status_list",
        )
        problems = [check for check in child.checks if check.outcome is Outcome.FAILED]
    if not problems and issuer_id(list_credential) != issuer_id(credential):
        from microcred.verifier.messages import say

        problems = [
            Check(
                "status.list_issuer",
                Outcome.INDETERMINATE,
                say(
                    "status.list_other_issuer",
                    list_issuer=issuer_id(list_credential) or "?",
                    issuer=issuer_id(credential) or "?",
                ),
            )
        ]
    return problems


def _cached(key: tuple[bytes, str], fetcher: Any) -> tuple[Check, ...] | None:
    with _verified_lock:
        item = _verified.get(key)
        # What a list verifies to depends on the documents its key is fetched from.
        if item is None or time.monotonic() - item[0] > _VERIFIED_TTL or item[1]() is not fetcher:
            return None
        _verified.move_to_end(key)
        return item[2]


def _remember(key: tuple[bytes, str], fetcher: Any, checks: tuple[Check, ...]) -> None:
    with _verified_lock:
        _verified[key] = (time.monotonic(), weakref.ref(fetcher), checks)
        while len(_verified) > _VERIFIED_SIZE:
            _verified.popitem(last=False)


# --- 1EdTech Revocation List ---------------------------------------------------------------


def _revocation_list(
    run: Run,
    credential: Mapping[str, Any],
    entry: Mapping[str, Any],
    details: dict[str, Any],
    what: str,
) -> None:
    url = entry.get("id")
    details["id"] = url
    if not isinstance(url, str) or not url:
        run.add("status.revoked", Outcome.FAILED, "status.entry_malformed", details)
        return
    try:
        response = fetch_ok(run.fetcher, url)
        document = json.loads(response.body)
    except FetchError as error:
        run.add(
            "status.revoked",
            Outcome.INDETERMINATE,
            "status.unreachable",
            {**details, "reason": str(error)},
            url=url,
            reason=fetch_reason(error),
        )
        return
    except (ValueError, RecursionError):
        run.add("status.revoked", Outcome.INDETERMINATE, "status.list_malformed", details, url=url)
        return
    revoked = document.get("revokedCredentials") if isinstance(document, Mapping) else None
    if not isinstance(revoked, list) or len(revoked) > MAX_REVOKED_ENTRIES:
        run.add("status.revoked", Outcome.INDETERMINATE, "status.list_malformed", details, url=url)
        return
    list_issuer = id_of(document.get("issuer"))
    if list_issuer is not None and list_issuer != issuer_id(credential):
        run.add(
            "status.revoked",
            Outcome.INDETERMINATE,
            "status.list_other_issuer",
            details,
            list_issuer=list_issuer,
            issuer=issuer_id(credential) or "?",
        )
        return
    credential_id = credential.get("id")
    for item in revoked:
        if id_of(item) == credential_id and credential_id is not None:
            reason = item.get("revocationReason") if isinstance(item, Mapping) else None
            if isinstance(reason, str):
                details["revocationReason"] = reason[:500]
            run.add(
                "status.revoked", Outcome.FAILED, "status.revoked.yes", details, thing=noun(what)
            )
            return
    run.add("status.revoked", Outcome.PASSED, "status.revoked.no", details, thing=noun(what))
