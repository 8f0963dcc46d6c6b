"""The demo organization comes with issued credentials: valid, revoked and suspended ones."""

from __future__ import annotations

import pytest

from microcred.web import demo
from microcred.web.credentials.models import IssuedCredential
from microcred.web.credentials.verdict import live_report

pytestmark = pytest.mark.django_db


def test_the_demo_issues_its_samples_once() -> None:
    demo.build(password="demo password 1")
    demo.build(password="demo password 2")
    credentials = IssuedCredential.objects.filter(organization__slug=demo.DEMO_SLUG)
    assert credentials.count() == 5
    assert sorted(c.state for c in credentials) == [
        "active",
        "active",
        "active",
        "revoked",
        "suspended",
    ]
    for credential in credentials:
        expected = "valid" if credential.state == "active" else "invalid"
        assert live_report(credential).verdict.value == expected
        assert credential.achievement is not None
