"""Is the credential valid now: not before its start, not after its end.

VC 2.0 names the window ``validFrom``/``validUntil``, VC 1.1 ``issuanceDate``/``expirationDate``,
Open Badges 2.0 ``issuedOn``/``expires`` (which may also be Unix timestamps). A date that cannot
be read fails the check: nobody can say whether the credential is valid.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Final

from microcred.openbadges.dates import format_datetime, parse_datetime
from microcred.openbadges.errors import ModelError
from microcred.verifier.context import Run
from microcred.verifier.messages import noun
from microcred.verifier.report import Outcome

# XML Schema dateTime without a zone (VC 1.1 allows it); read as UTC.
_NO_ZONE: Final = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?")
_LATEST_TIMESTAMP: Final = 253_402_300_799  # 9999-12-31T23:59:59Z
_MAX_DATE_CHARS: Final = 64


class DateError(ValueError):
    pass


def parse_moment(value: Any) -> datetime:
    """An aware datetime from an RFC 3339 date-time (no zone: UTC) or a Unix timestamp."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 0 <= value <= _LATEST_TIMESTAMP or value != value:
            raise DateError(f"{value!r} is not a usable timestamp")
        return datetime.fromtimestamp(int(value), UTC)
    if not isinstance(value, str) or len(value) > _MAX_DATE_CHARS:
        raise DateError(f"{_shown(value)} is not a date and time")
    return _parse_text(value)


# A batch repeats the same dates (issued in the same second, the status list's window, the
# clock of one run); datetimes are immutable, and a failed parse is not remembered.
@lru_cache(maxsize=1024)
def _parse_text(value: str) -> datetime:
    text = value.strip()
    try:
        if _NO_ZONE.fullmatch(text):
            return parse_datetime(text + "Z")
        return parse_datetime(text)
    except ModelError:
        raise DateError(f"{_shown(value)} is not a date and time") from None


# Keyed by aware datetimes: equal ones are the same instant, which formats the same.
_format = lru_cache(maxsize=1024)(format_datetime)


def check_window(
    run: Run,
    valid_from: Any,
    valid_until: Any,
    *,
    from_name: str,
    until_name: str,
    what: str = "credential",
) -> None:
    """Add the ``dates.not_yet_valid`` and ``dates.expired`` lines for one validity window."""
    details: dict[str, Any] = {"now": _format(run.now)}
    if valid_from is None:
        run.add(
            "dates.not_yet_valid",
            Outcome.SKIPPED,
            "dates.no_start",
            details,
            field=from_name,
            thing=noun(what),
        )
    else:
        try:
            start = parse_moment(valid_from)
        except DateError:
            run.add(
                "dates.not_yet_valid",
                Outcome.FAILED,
                "dates.unreadable",
                {**details, "field": from_name, "value": _shown(valid_from)},
                field=from_name,
                value=_shown(valid_from),
            )
        else:
            shown = _format(start)
            early = start > run.now
            run.add(
                "dates.not_yet_valid",
                Outcome.FAILED if early else Outcome.PASSED,
                "dates.not_yet_valid" if early else "dates.started",
                {**details, from_name: shown},
                date=shown,
                thing=noun(what),
            )
    if valid_until is None:
        run.add("dates.expired", Outcome.PASSED, "dates.no_end", details, thing=noun(what))
        return
    try:
        end = parse_moment(valid_until)
    except DateError:
        run.add(
            "dates.expired",
            Outcome.FAILED,
            "dates.unreadable",
            {**details, "field": until_name, "value": _shown(valid_until)},
            field=until_name,
            value=_shown(valid_until),
        )
        return
    shown = _format(end)
    expired = end <= run.now
    run.add(
        "dates.expired",
        Outcome.FAILED if expired else Outcome.PASSED,
        "dates.expired" if expired else "dates.not_expired",
        {**details, until_name: shown},
        date=shown,
        thing=noun(what),
    )


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 80 else text[:80] + "…"
