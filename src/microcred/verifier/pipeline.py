"""``verify()``: from whatever was handed in to a report, the same for CLI, page and API.

The input is told apart (``inputs``), fetched if it is a URL, unbaked if it is an image, and
routed by what it turns out to be: an Open Badges 3.0 / VC credential (embedded proofs or
VC-JWT) or an Open Badges 2.0 assertion (hosted or signed). Nothing here raises for bad input:
every problem becomes a line of the report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from os import PathLike
from typing import Any, Final

from microcred.proofs.vc_jwt import InvalidJwtError, parse_vc_jwt
from microcred.verifier.context import Run
from microcred.verifier.credential import check_vc
from microcred.verifier.facts import ob2_facts, ob3_facts
from microcred.verifier.fetcher import Fetcher, OfflineFetcher, Response
from microcred.verifier.fields import join_url, types_of
from microcred.verifier.inputs import Given, InputError, read_input
from microcred.verifier.issuer_keys import KeyResolver
from microcred.verifier.ob2 import (
    Ob2JwsError,
    check_hosted,
    check_signed,
    looks_like_ob2,
    parse_ob2_jws,
)
from microcred.verifier.ob3 import is_ob3, standard_of
from microcred.verifier.remote import fetch_or_report
from microcred.verifier.report import Facts, Message, Outcome, VerificationReport

ACCEPT_CREDENTIAL: Final = (
    "application/vc+ld+json, application/ld+json, application/json;q=0.9, "
    "application/vc+jwt;q=0.8, image/png;q=0.5, image/svg+xml;q=0.5, text/html;q=0.1"
)
_ENVELOPED_PREFIX: Final = "data:application/vc+jwt,"
# <link rel="alternate" type="application/ld+json" href="..."> on a credential's HTML page.
_ALTERNATE: Final = re.compile(
    r"<link\b(?=[^>]*\brel=[\"']?alternate\b)(?=[^>]*\btype=[\"']?application/"
    r"(?:vc\+ld\+json|ld\+json|json|vc\+jwt)\b)[^>]*\bhref=[\"']([^\"'>\s]+)",
    re.IGNORECASE,
)
_HTML_SCAN_CHARS: Final = 256 * 1024

type VerifierInput = str | bytes | bytearray | Mapping[str, Any] | PathLike[str]


def verify(
    given: VerifierInput,
    *,
    fetcher: Fetcher | None = None,
    recipient: str | None = None,
    now: datetime | None = None,
) -> VerificationReport:
    """Verify a badge in any form and explain the verdict.

    ``fetcher`` is asked for everything remote (none given: nothing is fetched, as offline);
    ``recipient`` is an e-mail address, DID or URL the credential should belong to; ``now``
    is the moment validity is judged at (default: the current time).
    """
    moment = _utc(now or datetime.now(UTC))
    fetcher = fetcher if fetcher is not None else OfflineFetcher()
    run = Run(fetcher, moment, KeyResolver(fetcher), recipient)
    facts, kind = Facts(), None
    try:
        facts, kind = _verify(run, given)
    except Exception as error:
        run.add(
            "verifier.error",
            Outcome.INDETERMINATE,
            "verifier.internal_error",
            {"error": f"{type(error).__name__}: {str(error)[:500]}"},
        )
    return VerificationReport(tuple(run.checks), facts, moment, kind)


def _verify(run: Run, raw: VerifierInput) -> tuple[Facts, str | None]:
    try:
        given = read_input(raw)
    except InputError as error:
        key = f"input.{error.kind}"
        run.add("input.format", Outcome.FAILED, key, {"reason": str(error)}, reason=str(error))
        return Facts(), None
    run.add(
        "input.format", Outcome.PASSED, "input.read", {"input": given.describe}, form=_form(given)
    )
    if given.form == "url":
        fetched = _fetch_input(run, str(given.value), allow_link=True)
        if fetched is None:
            return Facts(), given.describe
        given = fetched
    return _dispatch(run, given), given.describe


def _fetch_input(run: Run, url: str, *, allow_link: bool) -> Given | None:
    response = fetch_or_report(
        run,
        url,
        code="input.fetch",
        unreachable="input.unreachable",
        gone="input.gone",
        accept=ACCEPT_CREDENTIAL,
    )
    if response is None:
        return None
    if allow_link and (link := _alternate_link(response)) is not None:
        target = join_url(response.url, link)
        if target is not None:
            return _fetch_input(run, target, allow_link=False)
    try:
        given = read_input(response.body)
    except InputError as error:
        run.add(
            "input.fetch",
            Outcome.FAILED,
            f"input.{error.kind}",
            {"url": url, "reason": str(error)},
            reason=str(error),
        )
        return None
    if given.form == "url" and not given.ob2:
        run.add("input.fetch", Outcome.FAILED, "input.nested_url", {"url": url}, url=url)
        return None
    run.add("input.fetch", Outcome.PASSED, "input.fetched", {"url": url}, url=url)
    return given


def _alternate_link(response: Response) -> str | None:
    if response.content_type != "text/html":
        return None
    head = response.body[:_HTML_SCAN_CHARS].decode("utf-8", "replace")
    match = _ALTERNATE.search(head)
    return match[1].replace("&amp;", "&") if match else None


def _dispatch(run: Run, given: Given) -> Facts:
    if given.form == "url":
        # Only an OB 2.0 image holds a URL: the hosted assertion's.
        fetched = _fetch_input(run, str(given.value), allow_link=False)
        if fetched is None or fetched.form == "url":
            return Facts()
        given = fetched
    if given.form == "jws":
        return _jws(run, str(given.value))
    document = given.value
    if not isinstance(document, dict):
        raise TypeError("a JSON input must have been read into a dict")
    if "EnvelopedVerifiableCredential" in types_of(document):
        envelope = document.get("id")
        if isinstance(envelope, str) and envelope.startswith(_ENVELOPED_PREFIX):
            return _jws(run, envelope.removeprefix(_ENVELOPED_PREFIX))
    if is_ob3(document):
        check_vc(run, document)
        return ob3_facts(document, standard_of(document), run.checks)
    if looks_like_ob2(document):
        result = check_hosted(run, document)
        return ob2_facts(result.assertion, result.badge, result.issuer, result.standard, run.checks)
    run.add("format.standard", Outcome.FAILED, "input.not_badge_json")
    return Facts()


def _jws(run: Run, token: str) -> Facts:
    try:
        signed = parse_ob2_jws(token)
    except Ob2JwsError:
        signed = None
    if signed is not None and looks_like_ob2(signed.assertion):
        result = check_signed(run, signed)
        return ob2_facts(result.assertion, result.badge, result.issuer, result.standard, run.checks)
    try:
        jwt = parse_vc_jwt(token)
    except InvalidJwtError as error:
        run.add(
            "format.standard",
            Outcome.FAILED,
            "jwt.not_credential",
            {"reason": str(error)},
            reason=str(error),
        )
        return Facts()
    check_vc(run, jwt.credential, jwt=jwt)
    return ob3_facts(jwt.credential, "Open Badges 3.0 (VC-JWT)", run.checks)


def _form(given: Given) -> Message:
    form = {"url": ("a URL", "URL"), "json": ("JSON", "JSON"), "jws": ("a JWT", "JWT")}[given.form]
    image = {"png": ("PNG", "PNG"), "svg": ("SVG", "SVG")}.get(given.source)
    if image is None:
        return Message(*form)
    return Message(
        f"{form[0]} baked into a {image[0]} image",
        f"{form[1]} (eingebettet in ein {image[1]}-Bild)",
    )


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
