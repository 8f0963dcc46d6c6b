"""``/verify``: anyone checks a badge by link, pasted credential or image, and reads why.

Foreign links are fetched with the SSRF-guarded HttpFetcher (https, public addresses, small
and quick); links to this instance are answered in-process. Uploaded images are read once,
verified and dropped: nothing that was uploaded is stored or served back.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from microcred.verifier import verify
from microcred.web.engagement.verifications import count_page_verification
from microcred.web.lib.ratelimit import RateLimit, ratelimit
from microcred.web.verify.elements import eu_rows
from microcred.web.verify.forms import MAX_UPLOAD_BYTES, VerifyForm
from microcred.web.verify.inputs import credential_in
from microcred.web.verify.local import shared_fetcher
from microcred.web.verify.presentation import present
from microcred.web.verify.uploads import CappedUploadHandler

VERIFY_LIMIT: Final = RateLimit("verify", limit=30, period=60)


@csrf_exempt
def page(request: HttpRequest) -> HttpResponse:
    # Upload handlers can only change before the body is read, which CSRF checking does;
    # so CSRF is checked by _page, after the cap is in place.
    handler = CappedUploadHandler(request, MAX_UPLOAD_BYTES)
    request.upload_handlers.insert(0, handler)
    request._verify_upload = handler  # type: ignore[attr-defined]
    return _page(request)


@ratelimit(VERIFY_LIMIT)
@csrf_protect
def _page(request: HttpRequest) -> HttpResponse:
    report = None
    if request.method == "POST":
        handler: CappedUploadHandler = request._verify_upload  # type: ignore[attr-defined]
        form = VerifyForm(request.POST, request.FILES, upload_too_large=handler.too_large)
        if form.is_valid():
            report = present(
                verify(
                    form.given,
                    fetcher=shared_fetcher(),
                    recipient=form.cleaned_data.get("recipient") or None,
                )
            )
            document = credential_in(form.given)
            elements = eu_rows(document) if document is not None else None
            if elements is not None and report.eu_elements:
                report = replace(report, eu_elements=elements)
            count_page_verification(request, form.given)
    else:
        form = VerifyForm(initial={"text": request.GET.get("url", "")[:2000]})
    # Form errors are shown with 200, like every form page here: the page itself loaded fine.
    return render(request, "verify/page.html", {"form": form, "report": report})
