"""The cache-based rate limiter: a window from the first attempt, shared through the cache."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from microcred.web.lib.ratelimit import RateLimit, posted, ratelimit

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_it_allows_the_limit_then_refuses_until_the_window_ends() -> None:
    clock = Clock()
    limit = RateLimit("test", limit=3, period=60, clock=clock)
    assert [limit.hit("k") for _ in range(4)] == [True, True, True, False]
    assert limit.retry_after("k") == 60
    clock.now += 30
    assert not limit.hit("k")
    assert limit.retry_after("k") == 30
    clock.now += 30
    assert limit.hit("k")
    assert limit.retry_after("k") == 0


def test_keys_and_scopes_are_counted_apart() -> None:
    clock = Clock()
    first = RateLimit("one", limit=1, period=60, clock=clock)
    second = RateLimit("two", limit=1, period=60, clock=clock)
    assert first.hit("a") and first.hit("b") and second.hit("a")
    assert not first.hit("a")


def test_reset_forgets_a_key() -> None:
    limit = RateLimit("test", limit=1, period=60)
    limit.hit("k")
    limit.reset("k")
    assert limit.hit("k")


def test_it_refuses_a_pointless_limit() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        RateLimit("bad", limit=0, period=60)


def test_the_decorator_answers_429_with_retry_after_on_post_only() -> None:
    limit = RateLimit("view", limit=1, period=120, clock=Clock())

    @ratelimit(limit, posted("email"))
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok")

    factory = RequestFactory()
    assert view(factory.post("/", {"email": "A@example.org"})).status_code == 200
    refused = view(factory.post("/", {"email": "a@example.org "}))
    assert refused.status_code == 429
    assert refused["Retry-After"] == "120"
    assert "2 minutes" in refused.content.decode()
    assert view(factory.get("/")).status_code == 200
    assert view(factory.post("/", {"email": ""})).status_code == 200  # no key, no count
