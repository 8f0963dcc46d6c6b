"""Stub: the pages follow."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def _todo(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404


eu_context = achievement_list = create = preview = detail = edit = delete = archive = _todo
restore = image = _todo
