"""When a delivery that the mail server put off is tried again."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

# After the first attempt fails, wait this long before the second, and so on; the attempt
# after the last wait is the final one. About 15 hours in all: a mail server down for a
# night or greylisting the first attempt does not lose the e-mail.
RETRY_DELAYS: Final = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
)
MAX_ATTEMPTS: Final = len(RETRY_DELAYS) + 1


def next_attempt(attempts_made: int, now: datetime) -> datetime | None:
    """When to try again after ``attempts_made`` failed attempts; None when it was the last."""
    if attempts_made < 1:
        raise ValueError("the first attempt is not a retry")
    if attempts_made >= MAX_ATTEMPTS:
        return None
    return now + RETRY_DELAYS[attempts_made - 1]
