"""How the verifier gets what a credential points to, without ever fetching anything itself.

Everything remote (a did:web document, a status list, an OB 2.0 hosted assertion, a JSON
Schema, a JWK set) is asked of a :class:`Fetcher` the caller hands in: the SSRF-guarded
:class:`~microcred.verifier.http_fetcher.HttpFetcher` for the CLI and the server,
:class:`OfflineFetcher` to refuse everything, :class:`StaticFetcher` to serve documents held in
memory or in local files (tests, ``--offline`` with files).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Final, Protocol, runtime_checkable
from urllib.parse import urldefrag

DEFAULT_ACCEPT: Final = "application/ld+json, application/json;q=0.9, */*;q=0.1"
MAX_URL_CHARS: Final = 2048


class FetchError(ValueError):
    """A document could not be had. ``kind`` says why, for the report's sentences.

    Kinds: ``offline`` (nothing may be fetched), ``not_available`` (a static fetcher does not
    hold it), ``scheme``, ``address`` (a private or local address), ``url`` (malformed),
    ``timeout``, ``too_large``, ``redirects``, ``network``, ``status`` (not 2xx).
    """

    def __init__(
        self, message: str, *, kind: str, url: str = "", status: int | None = None
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.url = url
        self.status = status


class FetchRefused(FetchError):
    """Policy forbids fetching this URL; nothing was sent."""


class FetchFailed(FetchError):
    """The fetch was tried and did not produce a usable response."""


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    content_type: str
    body: bytes

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @cached_property
    def digest(self) -> bytes:
        """SHA-256 of the body: what verified schemas and status lists are remembered by.

        Computed once per response; a cached response is handed out again and again.
        """
        return hashlib.sha256(self.body).digest()


@runtime_checkable
class Fetcher(Protocol):
    def fetch(self, url: str, *, accept: str = DEFAULT_ACCEPT) -> Response:
        """The response for ``url`` (any HTTP status), after redirects; or a FetchError."""
        ...


def fetch_ok(fetcher: Fetcher, url: str, *, accept: str = DEFAULT_ACCEPT) -> Response:
    """A 2xx response for ``url``, or a FetchError that says what went wrong."""
    response = fetcher.fetch(url, accept=accept)
    if not response.ok:
        raise FetchFailed(
            f"{_short(url)} answered with HTTP status {response.status}.",
            kind="status",
            url=url,
            status=response.status,
        )
    return response


class OfflineFetcher:
    """Refuses everything: verification with only what the input itself carries."""

    def fetch(self, url: str, *, accept: str = DEFAULT_ACCEPT) -> Response:
        raise FetchRefused(
            f"{_short(url)} was not fetched: the verifier works offline.", kind="offline", url=url
        )


class StaticFetcher:
    """Serves documents held in memory, by URL (fragments ignored), and nothing else.

    Values may be a :class:`Response`, bytes, text, or JSON (a dict or list). Unknown URLs
    go to ``fallback`` when one is given, else they are refused. ``requests`` records every
    URL asked for, in order.
    """

    def __init__(
        self,
        documents: Mapping[str, Response | bytes | str | Mapping[str, Any] | list[Any]]
        | None = None,
        *,
        fallback: Fetcher | None = None,
    ) -> None:
        self._documents: dict[str, Response] = {}
        self._fallback = fallback
        self.requests: list[str] = []
        for url, value in (documents or {}).items():
            self.add(url, value)

    def add(self, url: str, value: Response | bytes | str | Mapping[str, Any] | list[Any]) -> None:
        key = urldefrag(url).url
        if isinstance(value, Response):
            response = value
        elif isinstance(value, bytes):
            response = Response(key, 200, _guess_type(value), value)
        elif isinstance(value, str):
            response = Response(key, 200, _guess_type(value.encode()), value.encode("utf-8"))
        else:
            body = json.dumps(value, ensure_ascii=False).encode("utf-8")
            response = Response(key, 200, "application/json", body)
        self._documents[key] = response

    @classmethod
    def from_files(
        cls, files: Mapping[str, str | Path], *, fallback: Fetcher | None = None
    ) -> StaticFetcher:
        """Serve local files under the URLs they stand for (``{url: path}``)."""
        return cls({url: Path(path).read_bytes() for url, path in files.items()}, fallback=fallback)

    def fetch(self, url: str, *, accept: str = DEFAULT_ACCEPT) -> Response:
        self.requests.append(url)
        if not isinstance(url, str):
            raise FetchRefused("A URL must be text.", kind="url")
        response = self._documents.get(urldefrag(url).url)
        if response is not None:
            return response
        if self._fallback is not None:
            return self._fallback.fetch(url, accept=accept)
        raise FetchRefused(
            f"{_short(url)} is not among the documents available offline.",
            kind="not_available",
            url=url,
        )


def _guess_type(body: bytes) -> str:
    start = body.lstrip()[:1]
    if start in (b"{", b"["):
        return "application/json"
    if body.startswith(b"\x89PNG"):
        return "image/png"
    if start == b"<":
        return "image/svg+xml"
    return "text/plain"


def _short(url: object, limit: int = 200) -> str:
    text = str(url)
    return text if len(text) <= limit else text[:limit] + "…"
