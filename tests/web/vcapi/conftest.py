from __future__ import annotations

import json
from typing import Any

import pytest


@pytest.fixture
def organization(make_organization):
    from tests.web.credentials.helpers import allow_suspension

    organization = make_organization()
    # The API's status updates are tested for both purposes.
    allow_suspension(organization)
    return organization


@pytest.fixture
def token(organization) -> str:
    from microcred.web.vcapi.tokens import create_token

    return create_token(organization, "Conformance suite", actor=None)[1]


@pytest.fixture
def call(client):
    """``call(path, body, token=...)``: a JSON POST as a machine sends it."""

    def post(path: str, body: Any, *, token: str | None = None, raw: bytes | None = None) -> Any:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        data = raw if raw is not None else json.dumps(body)
        return client.post(path, data=data, content_type="application/json", headers=headers)

    return post
