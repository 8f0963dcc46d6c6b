"""Fetching a document the verdict depends on, with every way that can fail made a line."""

from __future__ import annotations

from microcred.verifier.context import Run
from microcred.verifier.fetcher import DEFAULT_ACCEPT, FetchError, Response
from microcred.verifier.messages import fetch_reason
from microcred.verifier.report import Outcome


def fetch_or_report(
    run: Run,
    url: str,
    *,
    code: str,
    unreachable: str,
    gone: str,
    accept: str = DEFAULT_ACCEPT,
) -> Response | None:
    """The response for ``url``, or None after adding the line that says why there is none.

    HTTP 410 Gone is how hosted badges (OB 2.0) and some credential URLs say "revoked", so it
    fails ``status.revoked``; any other failure leaves ``code`` undecided.
    """
    try:
        response = run.fetcher.fetch(url, accept=accept)
    except FetchError as error:
        run.add(
            code,
            Outcome.INDETERMINATE,
            unreachable,
            {"url": url, "reason": str(error)},
            url=url,
            reason=fetch_reason(error),
        )
        return None
    if response.status == 410:
        run.add("status.revoked", Outcome.FAILED, gone, {"url": url, "http_status": 410})
        return None
    if not response.ok:
        run.add(
            code,
            Outcome.INDETERMINATE,
            unreachable,
            {"url": url, "http_status": response.status},
            url=url,
            reason=fetch_reason(FetchError("", kind="status", status=response.status)),
        )
        return None
    return response
