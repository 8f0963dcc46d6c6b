"""The public status list credential: the exact signed text, cacheable for a few minutes."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.views.decorators.http import require_GET

from microcred.web.statuslists.models import StatusList
from microcred.web.statuslists.publishing import MAX_AGE_SECONDS

CONTENT_TYPE = "application/vc+ld+json"


@require_GET
def status_list(request: HttpRequest, org: str, purpose: str, number: int) -> HttpResponse:
    found = (
        StatusList.objects.filter(organization__slug=org, purpose=purpose, sequence=number)
        .only("signed_text", "etag")
        .first()
    )
    if found is None or not found.signed_text:
        raise Http404
    etag = f'"{found.etag}"'
    if etag in _etags(request.headers.get("If-None-Match", "")):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(found.signed_text.encode("utf-8"), content_type=CONTENT_TYPE)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _etags(header: str) -> set[str]:
    return {part.strip().removeprefix("W/") for part in header.split(",") if part.strip()}
