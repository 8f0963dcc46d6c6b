"""Counting a verification of one of this instance's credentials (page, upload or API)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from microcred.web.engagement.events import record
from microcred.web.engagement.kinds import EventKind, VerifyChannel
from microcred.web.engagement.matching import credential_given, credential_of


def count_page_verification(request: HttpRequest, given: str | bytes) -> None:
    """The verify page checked ``given``: an uploaded image (bytes) or a link or paste."""
    credential = credential_given(given)
    if credential is not None:
        channel = VerifyChannel.UPLOAD if isinstance(given, bytes) else VerifyChannel.PAGE
        record(credential, EventKind.VERIFIED, channel, request=request)


def count_api_verification(document: dict[str, Any]) -> None:
    """The VC API verified ``document``.

    Without the request: API clients are programs by nature (their User-Agent would make every
    call a "bot"), acting for someone who wanted the credential checked.
    """
    credential = credential_of(document)
    if credential is not None:
        record(credential, EventKind.VERIFIED, VerifyChannel.API)
