"""What the CLI's commands share: reading inputs and writing outputs with clear errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


class CommandError(Exception):
    """A problem with the command line itself; the message says what to do."""


def read_bytes(path: str, what: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise CommandError(f"The {what} {path!r} does not exist.") from None
    except OSError as error:
        raise CommandError(f"Cannot read the {what} {path!r}: {error.strerror}.") from None


def read_json(path: str, what: str) -> Any:
    data = read_bytes(path, what)
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CommandError(f"The {what} {path!r} is not valid JSON: {error}.") from None


def write_output(data: bytes | str, path: str | None) -> None:
    """Write to ``path``, or to standard output when there is none."""
    payload = data.encode() if isinstance(data, str) else data
    if path is None or path == "-":
        sys.stdout.buffer.write(payload)
        if not payload.endswith(b"\n") and isinstance(data, str):
            sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
        return
    Path(path).write_bytes(payload)


def dump_json(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
