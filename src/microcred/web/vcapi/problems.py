"""Errors as RFC 9457 problem details, with the VC Data Model 2.0 error types where one fits."""

from __future__ import annotations

import json
from typing import Any, Final

from django.http import HttpResponse

PARSING_ERROR: Final = "https://www.w3.org/TR/vc-data-model#PARSING_ERROR"
MALFORMED_VALUE_ERROR: Final = "https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR"
CRYPTOGRAPHIC_SECURITY_ERROR: Final = (
    "https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR"
)
GENERIC: Final = "about:blank"
CONTENT_TYPE: Final = "application/problem+json"


class Problem(Exception):
    """Raised inside an endpoint; the API turns it into a problem-details response."""

    def __init__(
        self, status: int, title: str, detail: str, *, type_: str = MALFORMED_VALUE_ERROR
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.type = type_

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }


def problem_response(problem: Problem) -> HttpResponse:
    return HttpResponse(
        json.dumps(problem.to_json()), status=problem.status, content_type=CONTENT_TYPE
    )
