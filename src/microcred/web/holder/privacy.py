"""Headers for pages whose URL is a secret (a claim or verification token in the path)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


def secret_url(view: View) -> View:
    """No Referer to any link followed from the page (LinkedIn must never see the token), no
    copy in a shared cache or the browser's disk cache, and no search engine listing it."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped
