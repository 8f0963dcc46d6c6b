"""Headers for pages whose URL is a secret (a claim or verification token in the path)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Final

from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


# Every request from the page names only this site, never the path with the token, to us or
# to LinkedIn. Not "no-referrer": with it, browsers send "Origin: null" on the page's own
# forms, and Django's CSRF check (rightly) refuses them, so nobody could accept a badge.
REFERRER_POLICY: Final = "strict-origin"


def secret_url(view: View) -> View:
    """No token in any Referer sent from the page, no copy in a shared cache or the
    browser's disk cache, and no search engine listing it."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = REFERRER_POLICY
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped
