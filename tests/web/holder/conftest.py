"""Fixtures of the recipient's pages: a credential with its personal link, a real SMTP server."""

from __future__ import annotations

from typing import Any

import pytest

from microcred.web.holder.claims import new_claim_link
from tests.web.credentials.helpers import issue_sample
from tests.web.smtp import Inbox

__all__ = ["Inbox"]


def token_of(url: str) -> str:
    return url.rsplit("/", 1)[1]


def path_of(url: str) -> str:
    return "/claim/" + token_of(url)


@pytest.fixture
def organization(make_organization) -> Any:
    return make_organization("Akademie Beispiel", email="kontakt@akademie.example")


@pytest.fixture
def credential(organization) -> Any:
    return issue_sample(organization)


@pytest.fixture
def claim_path(credential) -> str:
    return path_of(new_claim_link(credential))
