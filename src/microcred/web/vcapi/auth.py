"""``Authorization: Bearer <token>``: an organization's API token, checked on every call."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from microcred.web.vcapi.models import ApiToken
from microcred.web.vcapi.tokens import find_token


class OrganizationToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = find_token(token.strip())
        if found is not None:
            request.organization = found.organization  # type: ignore[attr-defined]
        return found


def token_of(request: HttpRequest) -> ApiToken:
    token: Any = request.auth  # type: ignore[attr-defined]
    if not isinstance(token, ApiToken):
        raise TypeError("the endpoint runs only with a token (auth is required)")
    return token
