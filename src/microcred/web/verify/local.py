"""A fetcher that answers this instance's own public URLs from the database, in-process.

The credential pages, the verify page and the VC API run the core verifier, which fetches
DID documents and status lists through a fetcher. For URLs of this instance there is no need
(and, behind a proxy or on a laptop, often no way) to go out to the network and back: the
URL is resolved and the public view that serves it is called directly, so the verifier reads
exactly what a stranger would, straight from the database. Only views that publish documents
are answered this way; any other URL of this instance is refused, and foreign URLs go to the
fallback fetcher (the SSRF-guarded HttpFetcher) or are refused when there is none.
"""

from __future__ import annotations

from functools import cache
from typing import Final
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, QueryDict
from django.urls import Resolver404, resolve

from microcred.verifier import HttpFetcher
from microcred.verifier.fetcher import DEFAULT_ACCEPT, Fetcher, FetchRefused, Response
from microcred.web.config import host_name

# Set on the requests made here, so public views can tell the verifier from a visitor (a
# WSGI-style key with a dot: no HTTP header can become it).
IN_PROCESS: Final = "microcred.in_process"

# View names whose responses are public documents a verifier may need.
PUBLIC_DOCUMENTS: Final = frozenset(
    {
        "identity:document",
        "statuslists:list",
        "credentials:public",
        "credentials:json",
        "credentials:jwt",
        "credentials:png",
        "credentials:svg",
        "achievements:image",
        "achievements:eu_context",
    }
)


class InstanceFetcher:
    """Answers ``http(s)://<this instance>/...`` in-process; hands other URLs to ``fallback``."""

    def __init__(self, fallback: Fetcher | None = None) -> None:
        self._fallback = fallback

    def is_own(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in {"http", "https"} and parts.netloc.lower() == settings.MICROCRED_HOST

    def fetch(self, url: str, *, accept: str = DEFAULT_ACCEPT) -> Response:
        if not isinstance(url, str):
            raise FetchRefused("A URL must be text.", kind="url")
        if self.is_own(url):
            return self._dispatch(url, accept)
        if self._fallback is not None:
            return self._fallback.fetch(url, accept=accept)
        raise FetchRefused(
            f"{url[:200]} was not fetched: only this instance's own documents are read here.",
            kind="not_available",
            url=url,
        )

    def _dispatch(self, url: str, accept: str) -> Response:
        parts = urlsplit(url)
        try:
            match = resolve(parts.path or "/")
        except Resolver404:
            return Response(url, 404, "text/plain", b"")
        if match.view_name not in PUBLIC_DOCUMENTS:
            raise FetchRefused(
                f"{url[:200]} is not a public document of this instance.",
                kind="not_available",
                url=url,
            )
        request = HttpRequest()
        request.method = "GET"
        request.path = request.path_info = parts.path
        request.GET = QueryDict(parts.query)
        request.META = {
            "HTTP_ACCEPT": accept,
            "QUERY_STRING": parts.query,
            "REQUEST_METHOD": "GET",
            "SERVER_NAME": host_name(settings.MICROCRED_HOST),
            "SERVER_PORT": "443" if parts.scheme == "https" else "80",
            IN_PROCESS: True,
        }
        request.user = AnonymousUser()
        try:
            response = match.func(request, *match.args, **match.kwargs)
        except Http404:
            return Response(url, 404, "text/plain", b"")
        content_type = str(response.get("Content-Type", "")).split(";")[0].strip()
        return Response(url, response.status_code, content_type, bytes(response.content))


@cache
def shared_fetcher() -> InstanceFetcher:
    """This instance in-process, everything else through the SSRF-guarded HttpFetcher.

    One for the process: HttpFetcher caches foreign DID documents and status lists briefly,
    and the core remembers verified status lists per fetcher.
    """
    return InstanceFetcher(fallback=HttpFetcher())
