"""Dates and times: aware in, UTC to the second with a Z out."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.openbadges.dates import format_date, format_datetime, parse_date, parse_datetime
from microcred.openbadges.errors import ModelError
from tests.openbadges.strategies import aware_datetimes


def test_it_writes_utc_with_a_z():
    assert format_datetime(datetime(2024, 5, 1, 9, 30, tzinfo=UTC)) == "2024-05-01T09:30:00Z"


def test_it_converts_other_time_zones_to_utc():
    berlin_summer = timezone(timedelta(hours=2))
    moment = datetime(2024, 5, 1, 1, 30, tzinfo=berlin_summer)
    assert format_datetime(moment) == "2024-04-30T23:30:00Z"


def test_it_drops_fractions_of_a_second():
    assert format_datetime(datetime(2024, 5, 1, 9, 30, 5, 999_999, tzinfo=UTC)).endswith("05Z")


def test_it_pads_early_years():
    assert format_datetime(datetime(33, 1, 2, tzinfo=UTC)) == "0033-01-02T00:00:00Z"


def test_it_refuses_naive_datetimes():
    with pytest.raises(ModelError, match="no time zone"):
        format_datetime(datetime(2024, 5, 1, 9, 30))


def test_it_refuses_a_datetime_that_leaves_the_calendar_in_utc():
    with pytest.raises(ModelError, match="out of range"):
        format_datetime(datetime.min.replace(tzinfo=timezone(timedelta(hours=1))))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2010-01-01T00:00:00Z", datetime(2010, 1, 1, tzinfo=UTC)),
        ("2021-09-07T02:09:59+02:00", datetime(2021, 9, 7, 0, 9, 59, tzinfo=UTC)),
        ("2021-09-07t02:09:59.123456789z", datetime(2021, 9, 7, 2, 9, 59, tzinfo=UTC)),
        ("2021-09-07T02:09:59-05:30", datetime(2021, 9, 7, 7, 39, 59, tzinfo=UTC)),
    ],
)
def test_it_reads_rfc3339_date_times(text: str, expected: datetime):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2010-01-01T00:00:00",  # no time zone
        "2010-01-01",
        "2010-01-01 00:00:00Z",
        "2010-02-30T00:00:00Z",
        "2010-01-01T24:00:00Z",
        "2010-01-01T00:00:00+24:00",
        "2010-01-01T00:00:00Z\n",
        "٢٠١٠-01-01T00:00:00Z",  # digits of another script
        "",
    ],
)
def test_it_refuses_anything_else(text: str):
    with pytest.raises(ModelError):
        parse_datetime(text)


def test_dates_are_written_and_read_as_calendar_dates():
    assert format_date(date(1990, 12, 31)) == "1990-12-31"
    assert parse_date("1990-12-31") == date(1990, 12, 31)
    for text in ("1990-12-31T00:00:00Z", "1990-13-01", "90-12-31", "1990-2-1"):
        with pytest.raises(ModelError):
            parse_date(text)


@given(aware_datetimes)
def test_what_is_written_reads_back_as_the_same_moment(moment: datetime):
    assert parse_datetime(format_datetime(moment)) == moment.replace(microsecond=0)


@given(st.text(max_size=40))
def test_any_text_is_read_or_refused_with_a_model_error(text: str):
    with contextlib.suppress(ModelError):
        parse_datetime(text)
    with contextlib.suppress(ModelError):
        parse_date(text)
