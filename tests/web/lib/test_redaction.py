"""Claim and confirmation tokens never reach the log."""

from __future__ import annotations

import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.web.lib.redaction import RedactSecretPaths, redact

TOKEN = "q0sX1pJ7K3mVZ2wq_9s8hYtR4uE6o"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"Not Found: /claim/{TOKEN}", "Not Found: /claim/…"),
        (
            f"Forbidden (CSRF cookie not set.): /claim/{TOKEN}",
            "Forbidden (CSRF cookie not set.): /claim/…",
        ),
        (
            f"Too Many Requests: /me/addresses/verify/{TOKEN}",
            "Too Many Requests: /me/addresses/verify/…",
        ),
        (f'"GET /claim/{TOKEN}?x=1 HTTP/1.1" 410', '"GET /claim/…?x=1 HTTP/1.1" 410'),
        ("Not Found: /c/1234/badge.png", "Not Found: /c/1234/badge.png"),
    ],
)
def test_it_cuts_the_token_out_of_paths(line, expected):
    assert redact(line) == expected


TOKEN_CHARACTERS = st.characters(blacklist_categories=("Z", "C"), blacklist_characters="/\"'?#")


@given(st.text(alphabet=TOKEN_CHARACTERS, min_size=1, max_size=80))
def test_no_token_survives(token):
    assert redact(f"Bad Request: /claim/{token}") == "Bad Request: /claim/…"


def test_the_log_handler_writes_no_token(caplog):
    logger = logging.getLogger("django.request")
    caplog.handler.addFilter(RedactSecretPaths())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        logger.warning("%s: %s", "Gone", f"/claim/{TOKEN}")
    assert TOKEN not in caplog.text
    assert "Gone: /claim/…" in caplog.text


def test_the_instance_logs_through_the_filter():
    from django.conf import settings

    assert "secret_paths" in settings.LOGGING["handlers"]["console"]["filters"]
