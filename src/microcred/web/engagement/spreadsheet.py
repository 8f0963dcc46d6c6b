"""CSV that Excel opens correctly and cannot be tricked by.

UTF-8 with a byte-order mark (without it Excel reads umlauts as Windows-1252), and every
text cell that a spreadsheet would take for a formula (``= + - @``, or a leading tab or
carriage return, per OWASP) starts with an apostrophe — recipient names come from issuers'
CSV uploads and are not to be trusted. Rows are written as they come, so a large export
streams instead of being built in memory.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Final

BOM: Final = "\ufeff"
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


class _Line:
    """A file that hands back what csv.writer writes, one row at a time."""

    def write(self, value: str) -> str:
        return value


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(header: Iterable[object], rows: Iterable[Iterable[object]]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield BOM + writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])
