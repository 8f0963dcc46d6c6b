"""The fetchers tests and offline runs hand in: static documents and refusing everything."""

from __future__ import annotations

import pytest

from microcred.verifier import (
    Fetcher,
    FetchFailed,
    FetchRefused,
    HttpFetcher,
    OfflineFetcher,
    Response,
    StaticFetcher,
)
from microcred.verifier.fetcher import fetch_ok


def test_every_fetcher_follows_the_protocol() -> None:
    for fetcher in (OfflineFetcher(), StaticFetcher(), HttpFetcher()):
        assert isinstance(fetcher, Fetcher)


def test_the_offline_fetcher_refuses_everything() -> None:
    with pytest.raises(FetchRefused) as caught:
        OfflineFetcher().fetch("https://example.org/")
    assert caught.value.kind == "offline"


def test_the_static_fetcher_serves_json_text_bytes_and_responses() -> None:
    fetcher = StaticFetcher(
        {
            "https://a.example/doc": {"a": 1},
            "https://a.example/text": "eyJ.eyJ.sig",
            "https://a.example/gone": Response("https://a.example/gone", 410, "", b""),
        }
    )
    assert fetcher.fetch("https://a.example/doc#frag").body == b'{"a": 1}'
    assert fetcher.fetch("https://a.example/text").content_type == "text/plain"
    assert fetcher.fetch("https://a.example/gone").status == 410
    with pytest.raises(FetchFailed) as caught:
        fetch_ok(fetcher, "https://a.example/gone")
    assert (caught.value.kind, caught.value.status) == ("status", 410)
    with pytest.raises(FetchRefused) as refused:
        fetcher.fetch("https://a.example/unknown")
    assert refused.value.kind == "not_available"
    assert fetcher.requests[0] == "https://a.example/doc#frag"


def test_the_static_fetcher_falls_back_and_reads_files(tmp_path) -> None:
    path = tmp_path / "did.json"
    path.write_text('{"id": "did:web:a.example"}')
    inner = StaticFetcher({"https://b.example/x": b"x"})
    fetcher = StaticFetcher.from_files(
        {"https://a.example/.well-known/did.json": path}, fallback=inner
    )
    assert (
        fetcher.fetch("https://a.example/.well-known/did.json").content_type == "application/json"
    )
    assert fetcher.fetch("https://b.example/x").body == b"x"
