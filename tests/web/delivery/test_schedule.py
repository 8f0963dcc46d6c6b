"""The retry schedule: 1 minute, 5, 30, 2 hours, 12 hours, then no more."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from microcred.web.delivery.schedule import MAX_ATTEMPTS, next_attempt

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("attempts", "wait"),
    [
        (1, timedelta(minutes=1)),
        (2, timedelta(minutes=5)),
        (3, timedelta(minutes=30)),
        (4, timedelta(hours=2)),
        (5, timedelta(hours=12)),
    ],
)
def test_it_waits_longer_after_each_failure(attempts: int, wait: timedelta) -> None:
    assert next_attempt(attempts, NOW) == NOW + wait


def test_it_gives_up_after_the_last_attempt() -> None:
    assert MAX_ATTEMPTS == 6
    assert next_attempt(MAX_ATTEMPTS, NOW) is None


def test_there_is_no_retry_before_a_first_attempt() -> None:
    with pytest.raises(ValueError, match="first attempt"):
        next_attempt(0, NOW)
