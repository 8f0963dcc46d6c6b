from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


def home(request: HttpRequest) -> HttpResponse:
    """The landing page, or the list of one's organizations once logged in."""
    if request.user.is_authenticated:
        return render(request, "front/dashboard.html")
    return render(request, "front/landing.html")


@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 once the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok\n", content_type="text/plain")
