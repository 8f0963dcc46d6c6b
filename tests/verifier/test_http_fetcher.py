"""The default fetcher against a real local server: redirects, caps, timeouts, TLS, the guard.

The server runs on 127.0.0.1, which the guard refuses by default; tests that talk to it relax
the guard explicitly (``allow_private_addresses`` or an address policy through ``resolver``).
The guard tests at the end show the default refusing local addresses without connecting.
"""

from __future__ import annotations

import datetime
import ipaddress
import json
import ssl
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from microcred.verifier import FetchFailed, FetchRefused, HttpFetcher
from microcred.verifier.addresses import IPAddress

LOCALHOST = ipaddress.ip_address("127.0.0.1")
PAYLOAD = {"hello": "wörld"}


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        route = self.path.split("?")[0]
        if route == "/json":
            self._send(200, json.dumps(PAYLOAD).encode(), "application/json; charset=utf-8")
        elif route == "/host":
            self._send(200, json.dumps({"host": self.headers["Host"]}).encode())
        elif route.startswith("/redirect/"):
            left = int(route.rsplit("/", 1)[1])
            self._redirect(f"/redirect/{left - 1}" if left > 1 else "/json")
        elif route == "/relative":
            self._redirect("json")
        elif route == "/elsewhere":
            self._redirect(f"http://127.0.0.2:{self.server.server_port}/json")
        elif route == "/broken-redirect":
            self._redirect("http://[::1")
        elif route == "/to-https":
            self._redirect("ftp://example.org/x")
        elif route == "/gone":
            self._send(410, b"Gone", "text/plain")
        elif route == "/declared-big":
            self.send_response(200)
            self.send_header("Content-Length", str(3 * 1024 * 1024))
            self.end_headers()
            self._write(b"x" * 1024)
        elif route == "/undeclared-big":
            self.send_response(200)
            self.end_headers()
            for _ in range(64):
                if not self._write(b"y" * 65536):
                    return
        elif route == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            while self._write(b"z"):
                time.sleep(0.02)
        elif route == "/drip-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            while self._write(b"X-Slow: a\r\n"):
                time.sleep(0.02)
        elif route == "/count":
            self._send(200, b'{"n": 1}')
        elif route == "/not-found":
            self._send(404, b"missing", "text/plain")
        else:
            self._send(500, b"no route", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self._write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _write(self, data: bytes) -> bool:
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:
            return False
        return True


def _serve(server: ThreadingHTTPServer) -> Iterator[ThreadingHTTPServer]:
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def server() -> Iterator[ThreadingHTTPServer]:
    yield from _serve(ThreadingHTTPServer(("127.0.0.1", 0), Handler))


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, ssl.SSLContext]]:
    """An https server for ``badges.test`` with a self-signed certificate, and a client
    context that trusts exactly that certificate."""
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = _self_signed(folder, "badges.test")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert_file, key_file)
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    client = ssl.create_default_context(cafile=str(cert_file))
    for running in _serve(server):
        yield running.server_port, client


def _self_signed(folder: Path, host: str) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def local(**options: object) -> HttpFetcher:
    """A fetcher allowed to talk to the local test server over plain http."""
    options.setdefault("allow_http", True)
    options.setdefault("allow_private_addresses", True)
    return HttpFetcher(**options)  # type: ignore[arg-type]


def url(server: ThreadingHTTPServer, path: str) -> str:
    return f"http://127.0.0.1:{server.server_port}{path}"


# --- talking to a real server ---------------------------------------------------------------


def test_it_fetches_a_document(server: ThreadingHTTPServer) -> None:
    response = local().fetch(url(server, "/json"))
    assert response.status == 200
    assert response.content_type == "application/json"
    assert json.loads(response.body) == PAYLOAD


def test_it_returns_other_statuses_for_the_caller_to_judge(server: ThreadingHTTPServer) -> None:
    assert local().fetch(url(server, "/gone")).status == 410
    assert local().fetch(url(server, "/not-found")).status == 404


def test_it_follows_up_to_three_redirects(server: ThreadingHTTPServer) -> None:
    response = local().fetch(url(server, "/redirect/3"))
    assert json.loads(response.body) == PAYLOAD
    assert response.url.endswith("/json")
    assert json.loads(local().fetch(url(server, "/relative")).body) == PAYLOAD


def test_it_refuses_a_fourth_redirect(server: ThreadingHTTPServer) -> None:
    with pytest.raises(FetchFailed) as caught:
        local().fetch(url(server, "/redirect/4"))
    assert caught.value.kind == "redirects"


def test_it_refuses_a_redirect_to_a_broken_url(server: ThreadingHTTPServer) -> None:
    with pytest.raises(FetchFailed) as caught:
        local().fetch(url(server, "/broken-redirect"))
    assert caught.value.kind == "url"


def test_it_refuses_a_redirect_to_another_scheme(server: ThreadingHTTPServer) -> None:
    with pytest.raises(FetchRefused) as caught:
        local().fetch(url(server, "/to-https"))
    assert caught.value.kind == "scheme"


def test_it_checks_the_address_of_every_redirect_hop(server: ThreadingHTTPServer) -> None:
    only_first = HttpFetcher(allow_http=True, address_allowed=_just_localhost, resolver=_names)
    with pytest.raises(FetchRefused) as caught:
        # The first hop resolves to the allowed address; the redirect goes to 127.0.0.2.
        only_first.fetch(f"http://badges.test:{server.server_port}/elsewhere")
    assert caught.value.kind == "address"
    assert "127.0.0.2" in str(caught.value)


def test_it_connects_to_the_address_it_checked(server: ThreadingHTTPServer) -> None:
    answers = [[LOCALHOST], [ipaddress.ip_address("10.9.9.9")]]
    calls: list[str] = []

    def rebinding(host: str, port: int) -> list[IPAddress]:
        # A DNS server that answers differently the second time (DNS rebinding).
        calls.append(host)
        return answers[min(len(calls) - 1, 1)]

    fetcher = HttpFetcher(allow_http=True, address_allowed=_just_localhost, resolver=rebinding)
    response = fetcher.fetch(f"http://badges.test:{server.server_port}/host")
    assert json.loads(response.body) == {"host": f"badges.test:{server.server_port}"}
    assert calls == ["badges.test"]


def test_it_refuses_a_declared_oversized_body(server: ThreadingHTTPServer) -> None:
    with pytest.raises(FetchFailed) as caught:
        local().fetch(url(server, "/declared-big"))
    assert caught.value.kind == "too_large"


def test_it_stops_reading_an_undeclared_oversized_body(server: ThreadingHTTPServer) -> None:
    with pytest.raises(FetchFailed) as caught:
        local(max_bytes=100_000).fetch(url(server, "/undeclared-big"))
    assert caught.value.kind == "too_large"


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_server_that_drips_bytes_cannot_hold_it_beyond_its_deadline(
    server: ThreadingHTTPServer, path: str
) -> None:
    # Each byte arrives well within any per-read timeout; only the overall deadline stops it.
    with pytest.raises(FetchFailed) as caught:
        local(timeout=0.3, max_bytes=10**6).fetch(url(server, path))
    assert caught.value.kind in ("timeout", "network")


def test_it_caches_responses_for_the_process(server: ThreadingHTTPServer) -> None:
    fetcher = local()
    before = Handler.hits.get("/count?cache", 0)
    for _ in range(3):
        fetcher.fetch(url(server, "/count?cache"))
    assert Handler.hits["/count?cache"] == before + 1


def test_its_cache_is_bounded_and_expires(server: ThreadingHTTPServer) -> None:
    small = local(cache_entries=1)
    small.fetch(url(server, "/count?a"))
    small.fetch(url(server, "/count?b"))
    small.fetch(url(server, "/count?a"))
    assert Handler.hits["/count?a"] == 2
    fleeting = local(cache_ttl=0.0)
    fleeting.fetch(url(server, "/count?c"))
    fleeting.fetch(url(server, "/count?c"))
    assert Handler.hits["/count?c"] == 2


def test_it_fetches_over_tls_from_the_checked_address(tls: tuple[int, ssl.SSLContext]) -> None:
    port, context = tls
    fetcher = HttpFetcher(ssl_context=context, address_allowed=_just_localhost, resolver=_names)
    response = fetcher.fetch(f"https://badges.test:{port}/json")
    assert json.loads(response.body) == PAYLOAD


def test_it_refuses_a_certificate_for_another_host(tls: tuple[int, ssl.SSLContext]) -> None:
    port, context = tls
    fetcher = HttpFetcher(ssl_context=context, address_allowed=_just_localhost, resolver=_names)
    with pytest.raises(FetchFailed) as caught:
        fetcher.fetch(f"https://other.test:{port}/json")
    assert caught.value.kind == "network"
    assert "TLS" in str(caught.value)


def test_it_refuses_plain_http_by_default(server: ThreadingHTTPServer) -> None:
    with pytest.raises(FetchRefused) as caught:
        HttpFetcher(allow_private_addresses=True).fetch(url(server, "/json"))
    assert caught.value.kind == "scheme"


def test_it_reports_a_closed_port_as_a_network_failure() -> None:
    with pytest.raises(FetchFailed) as caught:
        local().fetch("http://127.0.0.1:9/json")
    assert caught.value.kind == "network"


# --- the guard, by default ------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "https://127.0.0.1/",
        "https://[::1]/",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.1.2.3/",
        "https://192.168.0.1:8443/admin",
        "https://[::ffff:127.0.0.1]/",
        "https://[fe80::1]/",
        "https://0.0.0.0/",
        "https://localhost/",
    ],
)
def test_the_default_guard_refuses_local_and_private_addresses(target: str) -> None:
    with pytest.raises(FetchRefused) as caught:
        HttpFetcher().fetch(target)
    assert caught.value.kind == "address"


def test_the_guard_refuses_a_name_with_any_private_address() -> None:
    mixed = [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("10.0.0.1")]
    with pytest.raises(FetchRefused) as caught:
        HttpFetcher(resolver=lambda host, port: mixed).fetch("https://mixed.example/")
    assert caught.value.kind == "address"


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        ("http://example.org/", "scheme"),
        ("ftp://example.org/", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("https://user:secret@example.org/", "url"),
        ("https://example.org:99999/", "url"),
        ("https:///nohost", "url"),
        ("https://exa mple.org/", "url"),
        ("https://example.org/" + "a" * 3000, "url"),
    ],
)
def test_it_refuses_urls_it_must_not_fetch(target: str, kind: str) -> None:
    with pytest.raises(FetchRefused) as caught:
        HttpFetcher().fetch(target)
    assert caught.value.kind == kind


def test_a_hanging_resolver_is_cut_off_at_the_deadline() -> None:
    def hanging(host: str, port: int) -> list[IPAddress]:
        time.sleep(5)
        return []

    with pytest.raises(FetchFailed) as caught:
        HttpFetcher(timeout=0.2, resolver=hanging).fetch("https://slow-dns.example/")
    assert caught.value.kind == "timeout"


# --- helpers ----------------------------------------------------------------------------------


def _just_localhost(address: IPAddress) -> bool:
    """The guard relaxed for exactly the test server's address, nothing else."""
    return address == LOCALHOST


def _names(host: str, port: int) -> list[IPAddress]:
    """DNS for the tests: every name is the test server, 127.0.0.2 stays itself."""
    return [ipaddress.ip_address("127.0.0.2") if host == "127.0.0.2" else LOCALHOST]
