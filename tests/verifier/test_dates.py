"""Validity windows: VC 2.0, VC 1.1 and OB 2.0 names, time zones, timestamps, bad dates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.verifier import OfflineFetcher, Outcome
from microcred.verifier.context import Run
from microcred.verifier.dates import DateError, check_window, parse_moment
from microcred.verifier.issuer_keys import KeyResolver

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def window(valid_from: object, valid_until: object) -> dict[str, Outcome]:
    run = Run(OfflineFetcher(), NOW, KeyResolver(OfflineFetcher()))
    check_window(run, valid_from, valid_until, from_name="validFrom", until_name="validUntil")
    return {check.code: check.outcome for check in run.checks}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-01T12:00:00Z", datetime(2025, 6, 1, 12, tzinfo=UTC)),
        ("2025-06-01T14:00:00+02:00", datetime(2025, 6, 1, 12, tzinfo=UTC)),
        ("2025-06-01T12:00:00.123456789Z", datetime(2025, 6, 1, 12, tzinfo=UTC)),
        ("2025-06-01T12:00:00", datetime(2025, 6, 1, 12, tzinfo=UTC)),
        (1748779200, datetime(2025, 6, 1, 12, tzinfo=UTC)),
    ],
)
def test_it_reads_the_date_forms_issuers_write(text: object, expected: datetime) -> None:
    assert parse_moment(text) == expected


@pytest.mark.parametrize(
    "text", ["2025-06-01", "yesterday", "2025-13-01T00:00:00Z", "", None, True, -5, "9" * 100]
)
def test_it_refuses_what_is_not_a_moment(text: object) -> None:
    with pytest.raises(DateError):
        parse_moment(text)


def test_the_window_is_checked_at_both_ends() -> None:
    assert window("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z") == {
        "dates.not_yet_valid": Outcome.PASSED,
        "dates.expired": Outcome.PASSED,
    }
    assert window("2025-07-01T00:00:00Z", None)["dates.not_yet_valid"] is Outcome.FAILED
    assert window("2025-01-01T00:00:00Z", "2025-06-01T12:00:00Z")["dates.expired"] is (
        Outcome.FAILED
    )
    assert window(None, None) == {
        "dates.not_yet_valid": Outcome.SKIPPED,
        "dates.expired": Outcome.PASSED,
    }
    assert window("soon", "later") == {
        "dates.not_yet_valid": Outcome.FAILED,
        "dates.expired": Outcome.FAILED,
    }


@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.none(), st.booleans()))
def test_any_value_is_a_moment_or_a_date_error(value: object) -> None:
    try:
        moment = parse_moment(value)
    except DateError:
        return
    assert moment.tzinfo is not None
