"""The recipient's pages (the claim page is built in the holder work package)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def claim(request: HttpRequest, token: str) -> HttpResponse:
    raise Http404
