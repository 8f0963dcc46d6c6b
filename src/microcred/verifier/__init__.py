"""The verifier: any badge in, a verdict with its reasons out.

from microcred.verifier import verify, HttpFetcher
report = verify(open("badge.png", "rb").read(), fetcher=HttpFetcher())
report.verdict            # Verdict.VALID / INVALID / INDETERMINATE
report.render_text("de")  # for a terminal
report.to_json()          # for an API
"""

from microcred.verifier.fetcher import (
    Fetcher,
    FetchError,
    FetchFailed,
    FetchRefused,
    OfflineFetcher,
    Response,
    StaticFetcher,
)
from microcred.verifier.http_fetcher import HttpFetcher
from microcred.verifier.pipeline import verify
from microcred.verifier.report import Check, Facts, Message, Outcome, Verdict, VerificationReport

__all__ = [
    "Check",
    "Facts",
    "FetchError",
    "FetchFailed",
    "FetchRefused",
    "Fetcher",
    "HttpFetcher",
    "Message",
    "OfflineFetcher",
    "Outcome",
    "Response",
    "StaticFetcher",
    "Verdict",
    "VerificationReport",
    "verify",
]
