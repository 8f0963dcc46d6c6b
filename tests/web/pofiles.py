"""A small reader of gettext .po files, enough to compare them with their compiled .mo."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$')


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    fuzzy: bool = False

    @property
    def key(self) -> str | tuple[str, int]:
        """The key under which gettext's GNUTranslations keeps the entry."""
        base = f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt is not None else self.msgid
        return base


def read_po(path: Path) -> list[Entry]:
    entries: list[Entry] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry, current = Entry(), ""
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                entry.fuzzy = True
            if line.startswith("#") or not line.strip():
                continue
            match = _LINE.match(line)
            if match:
                current, text = match.group(1), ast.literal_eval(match.group(2))
                if current.startswith("msgstr"):
                    entry.msgstr.append(text)
                else:
                    setattr(entry, current, text)
            elif line.startswith('"'):
                text = ast.literal_eval(line)
                if current.startswith("msgstr"):
                    entry.msgstr[-1] += text
                else:
                    setattr(entry, current, (getattr(entry, current) or "") + text)
        if entry.msgid or entry.msgstr:
            entries.append(entry)
    return [entry for entry in entries if entry.msgid]
