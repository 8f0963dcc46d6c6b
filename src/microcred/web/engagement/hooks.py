"""When a request to a public credential address counts as a view or a download.

The rules, in one place:

- Only ``GET`` counts: ``HEAD`` asks whether something is there, it takes nothing away.
- Only a response with the bytes counts. A ``304 Not Modified`` means the client already
  holds this exact file from an earlier request that was counted then; counting again would
  turn a browser's cache check into a second download.
- A badge image loaded by an ``<img>`` element (``Sec-Fetch-Dest: image``) is shown, not
  downloaded: the public page and websites that embed the badge display it.
- The verifier reading this instance's documents in-process is not a visitor.
- Members of the issuing organization looking at their own credentials are not counted, so
  an issuer checking a page does not inflate the numbers.
- A share click counts only as a click: not loaded as an image, frame or script of another
  page (``counts_share``), and not by a member of the issuing organization.
- Crawlers and scripts are counted, but apart (``record()`` decides by User-Agent).
"""

from __future__ import annotations

from typing import Final

from django.http import HttpRequest, HttpResponse

from microcred.web.engagement.events import record
from microcred.web.engagement.kinds import DownloadChannel, EventKind
from microcred.web.organizations.models import Membership
from microcred.web.verify.local import IN_PROCESS

# "" for clients that send no fetch metadata (older browsers, scripts).
SHARE_DESTINATIONS: Final = frozenset({"", "document", "empty"})


def count_view(request: HttpRequest, credential: object, response: HttpResponse) -> None:
    if _counts(request, credential, response):
        record(credential, EventKind.VIEWED, request=request)


def count_download(
    request: HttpRequest,
    credential: object,
    response: HttpResponse,
    channel: DownloadChannel | str,
) -> None:
    if request.headers.get("Sec-Fetch-Dest", "").lower() == "image":
        return
    if _counts(request, credential, response):
        record(credential, EventKind.DOWNLOADED, str(channel), request=request)


def counts_share(request: HttpRequest, credential: object) -> bool:
    """Whether a share click (sharing's ``/c/<id>/share/<channel>``) counts.

    A click opens LinkedIn in a new tab (``Sec-Fetch-Dest: document``) or counts a copy
    with ``fetch`` (``empty``); the same address loaded by an ``<img>``, ``<iframe>`` or
    ``<script>`` on some other page is no one sharing anything.
    """
    if request.headers.get("Sec-Fetch-Dest", "").lower() not in SHARE_DESTINATIONS:
        return False
    if request.META.get(IN_PROCESS):
        return False
    return not _is_issuer(request, credential)


def _counts(request: HttpRequest, credential: object, response: HttpResponse) -> bool:
    if request.method != "GET" or response.status_code != 200:
        return False
    if request.META.get(IN_PROCESS):
        return False
    return not _is_issuer(request, credential)


def _is_issuer(request: HttpRequest, credential: object) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user,
        organization_id=credential.organization_id,  # type: ignore[attr-defined]
    ).exists()
