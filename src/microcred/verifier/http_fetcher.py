"""The fetcher for the CLI and the server: https only, public addresses only, small and quick.

Every hop (the first request and each redirect) is checked the same way: the URL's scheme,
then the host name resolved once, every address it resolves to checked with
:func:`~microcred.verifier.addresses.is_public`, and the connection made to exactly the address
that was checked (TLS still verifies the certificate against the host name). So a DNS answer
that changes between the check and the connection cannot steer the request inside.

Everything is capped: the total time of a fetch including redirects and DNS, the body size
(``Content-Length`` and the bytes actually read), the number of redirects, the URL length and
the cache. Responses are cached per process for ``cache_ttl`` seconds so that a batch of
credentials from one issuer fetches its DID document and status list once.
"""

from __future__ import annotations

import http.client
import io
import queue
import socket
import ssl
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Final
from urllib.parse import SplitResult, urldefrag, urljoin, urlsplit

from microcred.verifier.addresses import IPAddress, is_public, parse_address
from microcred.verifier.fetcher import (
    DEFAULT_ACCEPT,
    MAX_URL_CHARS,
    FetchError,
    FetchFailed,
    FetchRefused,
    Response,
)

MiB: Final = 1024 * 1024
DEFAULT_MAX_BYTES: Final = 2 * MiB
DEFAULT_TIMEOUT: Final = 10.0
DEFAULT_MAX_REDIRECTS: Final = 3
DEFAULT_CACHE_ENTRIES: Final = 256
DEFAULT_CACHE_TTL: Final = 300.0
USER_AGENT: Final = "microcred-verifier/0.1 (+https://github.com/microcred)"

_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
# Responses whose meaning does not depend on when they were fetched within the TTL.
_CACHEABLE: Final = frozenset({200, 203, 204, 404, 410})
_CHUNK: Final = 64 * 1024

type Resolver = Callable[[str, int], list[IPAddress]]


def system_resolver(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for ``host``."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = parse_address(str(sockaddr[0]))
        if address is not None and address not in addresses:
            addresses.append(address)
    return addresses


class HttpFetcher:
    """Fetches public https URLs with every size and time capped; thread-safe.

    ``allow_http`` also permits plain http (never for production: a network attacker could
    change what a verifier reads). ``allow_private_addresses`` turns the SSRF guard off, and
    ``address_allowed`` replaces its rule; both exist for tests against a local server only.
    ``resolver`` replaces DNS (tests).
    """

    def __init__(
        self,
        *,
        allow_http: bool = False,
        allow_private_addresses: bool = False,
        max_bytes: int = DEFAULT_MAX_BYTES,
        timeout: float = DEFAULT_TIMEOUT,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        cache_entries: int = DEFAULT_CACHE_ENTRIES,
        cache_ttl: float = DEFAULT_CACHE_TTL,
        address_allowed: Callable[[IPAddress], bool] | None = None,
        resolver: Resolver | None = None,
        ssl_context: ssl.SSLContext | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        if max_bytes < 1 or timeout <= 0 or max_redirects < 0:
            raise ValueError("max_bytes and timeout must be positive, max_redirects >= 0")
        self.allow_http = allow_http
        self.allow_private_addresses = allow_private_addresses
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.max_redirects = max_redirects
        self._resolver = resolver or system_resolver
        if address_allowed is None:
            address_allowed = (lambda _address: True) if allow_private_addresses else is_public
        self._address_allowed = address_allowed
        self._ssl_context = ssl_context or ssl.create_default_context()
        self._user_agent = user_agent
        self._cache = _ResponseCache(cache_entries, cache_ttl)

    def fetch(self, url: str, *, accept: str = DEFAULT_ACCEPT) -> Response:
        if not isinstance(url, str):
            raise FetchRefused("A URL must be text.", kind="url")
        url = urldefrag(url).url
        cached = self._cache.get((url, accept))
        if cached is not None:
            return cached
        deadline = time.monotonic() + self.timeout
        current = url
        for _hop in range(self.max_redirects + 1):
            response, location = self._fetch_once(current, accept, deadline)
            if location is None:
                if response.status in _CACHEABLE:
                    self._cache.put((url, accept), response)
                return response
            try:
                current = urldefrag(urljoin(current, location)).url
            except ValueError:
                raise FetchFailed(
                    f"{_short(url)} redirected to an address that is not a URL.",
                    kind="url",
                    url=url,
                ) from None
        raise FetchFailed(
            f"{_short(url)} redirected more than {self.max_redirects} times.",
            kind="redirects",
            url=url,
        )

    # --- one hop ---------------------------------------------------------------------------

    def _fetch_once(self, url: str, accept: str, deadline: float) -> tuple[Response, str | None]:
        parts = self._checked_url(url)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = self._checked_address(url, host, port, deadline)
        sock = self._connect(url, parts, host, address, port, deadline)
        try:
            return self._exchange(url, parts, port, sock, accept, deadline)
        except TimeoutError:
            raise self._timed_out(url) from None
        except (OSError, http.client.HTTPException) as error:
            raise FetchFailed(
                f"{_short(url)} could not be read: {error or type(error).__name__}.",
                kind="network",
                url=url,
            ) from None
        finally:
            sock.close()

    def _checked_url(self, url: str) -> SplitResult:
        if len(url) > MAX_URL_CHARS:
            raise FetchRefused(
                f"The URL is longer than {MAX_URL_CHARS} characters.", kind="url", url=url
            )
        if any(ord(char) <= 0x20 or ord(char) == 0x7F for char in url):
            raise FetchRefused(
                "The URL contains spaces or control characters.", kind="url", url=url
            )
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 (raises ValueError for a malformed port)
        except ValueError:
            raise FetchRefused(f"{_short(url)} is not a valid URL.", kind="url", url=url) from None
        allowed = ("https", "http") if self.allow_http else ("https",)
        if parts.scheme not in allowed:
            raise FetchRefused(
                f"{_short(url)} was not fetched: only {' and '.join(allowed)} URLs are allowed.",
                kind="scheme",
                url=url,
            )
        if not parts.hostname:
            raise FetchRefused(f"{_short(url)} names no host.", kind="url", url=url)
        if parts.username is not None or parts.password is not None:
            raise FetchRefused(
                f"{_short(url)} carries a user name or password; such URLs are not fetched.",
                kind="url",
                url=url,
            )
        return parts

    def _checked_address(self, url: str, host: str, port: int, deadline: float) -> IPAddress:
        literal = parse_address(host)
        addresses = [literal] if literal is not None else self._resolve(url, host, port, deadline)
        if not addresses:
            raise FetchFailed(f"The host {host} has no address.", kind="network", url=url)
        refused = [address for address in addresses if not self._address_allowed(address)]
        if refused:
            raise FetchRefused(
                f"{_short(url)} was not fetched: {host} resolves to {refused[0]}, a "
                "private, local or reserved address.",
                kind="address",
                url=url,
            )
        return addresses[0]

    def _resolve(self, url: str, host: str, port: int, deadline: float) -> list[IPAddress]:
        # getaddrinfo has no timeout of its own: run it aside and stop waiting at the deadline.
        answers: queue.Queue[list[IPAddress] | BaseException] = queue.Queue(maxsize=1)

        def resolve() -> None:
            try:
                answers.put(self._resolver(host, port))
            except BaseException as error:  # handed to the waiting thread
                answers.put(error)

        threading.Thread(target=resolve, name="microcred-dns", daemon=True).start()
        try:
            answer = answers.get(timeout=max(deadline - time.monotonic(), 0.001))
        except queue.Empty:
            raise self._timed_out(url) from None
        if isinstance(answer, BaseException):
            raise FetchFailed(
                f"The host name {host} could not be resolved ({answer}).",
                kind="network",
                url=url,
            )
        return answer

    def _connect(
        self,
        url: str,
        parts: SplitResult,
        host: str,
        address: IPAddress,
        port: int,
        deadline: float,
    ) -> socket.socket:
        family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(_remaining(deadline))
            sock.connect((str(address), port))
            if parts.scheme == "https":
                sock.settimeout(_remaining(deadline))
                # The whole handshake runs under one deadline (CPython's SSL timeout rule).
                sock = self._ssl_context.wrap_socket(sock, server_hostname=host)
            return sock
        except FetchError:
            sock.close()
            raise
        except TimeoutError:
            sock.close()
            raise self._timed_out(url) from None
        except ssl.SSLError as error:
            sock.close()
            raise FetchFailed(
                f"The TLS connection to {host} failed: {error.reason or error}.",
                kind="network",
                url=url,
            ) from None
        except OSError as error:
            sock.close()
            raise FetchFailed(
                f"No connection to {host} ({error.strerror or error}).", kind="network", url=url
            ) from None

    def _exchange(
        self,
        url: str,
        parts: SplitResult,
        port: int,
        sock: socket.socket,
        accept: str,
        deadline: float,
    ) -> tuple[Response, str | None]:
        # The connection is already made (to the checked address): http.client only talks.
        connection = http.client.HTTPConnection("localhost", port)
        connection.sock = _DeadlineSocket(sock, deadline)  # type: ignore[assignment]
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", parts.netloc)
        connection.putheader("Accept", accept)
        connection.putheader("Accept-Encoding", "identity")
        connection.putheader("User-Agent", self._user_agent)
        connection.putheader("Connection", "close")
        connection.endheaders()
        reply = connection.getresponse()
        location = reply.getheader("Location")
        if reply.status in _REDIRECTS and location:
            return Response(url, reply.status, "", b""), location
        content_type = (reply.getheader("Content-Type") or "").partition(";")[0].strip().lower()
        declared = reply.getheader("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            raise self._too_large(url)
        body = bytearray()
        while True:
            chunk = reply.read(min(_CHUNK, self.max_bytes + 1 - len(body)))
            if not chunk:
                break
            body += chunk
            if len(body) > self.max_bytes:
                raise self._too_large(url)
        return Response(url, reply.status, content_type, bytes(body)), None

    def _too_large(self, url: str) -> FetchFailed:
        return FetchFailed(
            f"{_short(url)} is larger than {self.max_bytes} bytes; it was not read to the end.",
            kind="too_large",
            url=url,
        )

    def _timed_out(self, url: str) -> FetchFailed:
        return FetchFailed(
            f"{_short(url)} did not answer within {self.timeout:g} seconds.",
            kind="timeout",
            url=url,
        )


def _remaining(deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    return remaining


class _DeadlineSocket:
    """What http.client needs of a socket, with every read bounded by one overall deadline.

    A server that sends one byte just before each read timeout would otherwise keep a plain
    socket timeout from ever firing.
    """

    def __init__(self, sock: socket.socket, deadline: float) -> None:
        self._sock = sock
        self._deadline = deadline

    def sendall(self, data: bytes) -> None:
        self._sock.settimeout(_remaining(self._deadline))
        self._sock.sendall(data)

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))

    def close(self) -> None:
        # The caller closes the real socket once the body is read.
        pass


class _DeadlineReader(io.RawIOBase):
    def __init__(self, sock: socket.socket, deadline: float) -> None:
        super().__init__()
        self._sock = sock
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self._sock.settimeout(_remaining(self._deadline))
        return self._sock.recv_into(buffer)


class _ResponseCache:
    """A bounded, thread-safe LRU of responses that expire after ``ttl`` seconds."""

    def __init__(self, entries: int, ttl: float) -> None:
        self._entries = entries
        self._ttl = ttl
        self._items: OrderedDict[tuple[str, str], tuple[float, Response]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str]) -> Response | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            stored_at, response = item
            if time.monotonic() - stored_at > self._ttl:
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return response

    def put(self, key: tuple[str, str], response: Response) -> None:
        if self._entries <= 0:
            return
        with self._lock:
            self._items[key] = (time.monotonic(), response)
            self._items.move_to_end(key)
            while len(self._items) > self._entries:
                self._items.popitem(last=False)


def _short(url: str, limit: int = 200) -> str:
    return url if len(url) <= limit else url[:limit] + "…"
