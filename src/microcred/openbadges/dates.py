"""Dates and times as Open Badges 3.0 writes them: UTC, whole seconds, a trailing ``Z``."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

from microcred.openbadges.errors import ModelError

# RFC 3339 date-time, the form JSON Schema's "date-time" format means. Parsed by hand because
# datetime.fromisoformat accepts many ISO 8601 forms that other verifiers reject.
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?"
    r"(?:([Zz])|([+-])(\d{2}):(\d{2}))",
    re.ASCII,
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def normalize_datetime(value: datetime) -> datetime:
    """``value`` in UTC with the fraction of a second dropped; naive values are refused.

    Credentials are compared and signed as text, so the model keeps only what the text keeps.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ModelError(
            f"the date and time {value.isoformat()} has no time zone; "
            "use an aware datetime such as datetime.now(UTC)"
        )
    try:
        return value.astimezone(UTC).replace(microsecond=0)
    except OverflowError:
        raise ModelError(f"the date and time {value.isoformat()} is out of range") from None


def format_datetime(value: datetime) -> str:
    """``YYYY-MM-DDThh:mm:ssZ`` for an aware datetime."""
    utc = normalize_datetime(value)
    # f-string formatting, because strftime does not zero-pad years before 1000 everywhere.
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}"
        f"T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}Z"
    )


def parse_datetime(text: str) -> datetime:
    """An aware datetime from an RFC 3339 date-time with a time zone."""
    match = _DATE_TIME.fullmatch(text)
    if match is None:
        raise ModelError(
            f"{text!r} is not a date and time like 2024-05-01T09:30:00Z "
            "(RFC 3339, with a time zone)"
        )
    year, month, day, hour, minute, second, fraction, zulu, sign, off_h, off_m = match.groups()
    if zulu:
        zone = UTC
    else:
        if int(off_h) > 23 or int(off_m) > 59:
            raise ModelError(f"{text!r} has an impossible time zone offset")
        offset = timedelta(hours=int(off_h), minutes=int(off_m))
        zone = timezone(-offset if sign == "-" else offset)
    try:
        parsed = datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            int((fraction or "0")[:6].ljust(6, "0")),
            tzinfo=zone,
        )
    except ValueError:
        raise ModelError(f"{text!r} is not a real date and time") from None
    return normalize_datetime(parsed)


def format_date(value: date) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def parse_date(text: str) -> date:
    """A calendar date from ``YYYY-MM-DD``."""
    if _DATE.fullmatch(text) is None:
        raise ModelError(f"{text!r} is not a date like 1990-12-31")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ModelError(f"{text!r} is not a real date") from None
