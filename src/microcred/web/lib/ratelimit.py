"""A small cache-based rate limiter for login, sign-up and the verify page.

A window starts with the first attempt for a key and lasts ``period`` seconds; within it,
at most ``limit`` attempts pass. The count lives in Django's cache (Redis at scale, the
database cache otherwise), so every web process sees the same count. Two racing requests
may both pass at the edge; this is a brake on guessing and flooding, not an exact meter.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

View = Callable[..., HttpResponse]
KeyFunction = Callable[[HttpRequest], str | None]


@dataclass(frozen=True)
class RateLimit:
    scope: str
    limit: int
    period: int
    clock: Callable[[], float] = field(default=time.time, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.limit < 1 or self.period < 1:
            raise ValueError("a rate limit needs a limit and a period of at least 1")

    def hit(self, key: str) -> bool:
        """Count one attempt for ``key``; False once it is over the limit."""
        cache_key = self._cache_key(key)
        now = self.clock()
        window = cache.get(cache_key)
        if not _is_window(window) or now - window[0] >= self.period:
            window = (now, 0)
        start, count = window[0], window[1] + 1
        remaining = max(1, math.ceil(start + self.period - now))
        cache.set(cache_key, (start, count), timeout=remaining)
        return count <= self.limit

    def retry_after(self, key: str) -> int:
        """Seconds until ``key`` may try again (0 when it may now)."""
        window = cache.get(self._cache_key(key))
        if not _is_window(window) or window[1] < self.limit:
            return 0
        return max(0, math.ceil(window[0] + self.period - self.clock()))

    def reset(self, key: str) -> None:
        cache.delete(self._cache_key(key))

    def _cache_key(self, key: str) -> str:
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{digest}"


def _is_window(value: Any) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], float | int)
        and isinstance(value[1], int)
    )


def client_ip(request: HttpRequest) -> str:
    """The client address; behind a trusted proxy waitress has already put the real one here."""
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def posted(field_name: str) -> KeyFunction:
    """A key function for a submitted field (for example the e-mail typed at login)."""

    def key(request: HttpRequest) -> str | None:
        value = request.POST.get(field_name, "").strip().lower()
        return f"{field_name}:{value}" if value else None

    return key


def ratelimit(
    limit: RateLimit,
    key: KeyFunction = client_ip,
    methods: tuple[str, ...] = ("POST",),
) -> Callable[[View], View]:
    """Answer 429 with a page saying when to try again, once ``key`` exceeds ``limit``."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in methods:
                value = key(request)
                if value is not None and not limit.hit(value):
                    return too_many_requests(request, limit.retry_after(value))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    minutes = max(1, -(-retry_after // 60))
    response = render(request, "429.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(max(1, retry_after))
    return response
