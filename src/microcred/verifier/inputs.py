"""What was handed to the verifier, told apart and normalized: a URL, JSON, a JWS, an image.

People paste links, drop files, or scan QR codes, so the input may be text or bytes: a URL, a
JSON credential or OB 2.0 assertion, a compact JWS (VC-JWT or OB 2.0 signed assertion), a baked
PNG or SVG, or the text of a QR code (one of the textual forms). Sizes are capped before
anything is parsed, JSON is read strictly (no duplicate members, no NaN, bounded nesting), and
anything unreadable raises :class:`InputError` with a sentence and a ``kind``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any, Final, Literal

from microcred.baking import (
    MAX_IMAGE_BYTES,
    BakingError,
    NoCredentialError,
    image_format,
    unbake,
)
from microcred.verifier.fetcher import MAX_URL_CHARS

MAX_TEXT_BYTES: Final = 4 * 1024 * 1024
MAX_INPUT_BYTES: Final = MAX_IMAGE_BYTES
MAX_JSON_DEPTH: Final = 64

_JWS: Final = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
_URL: Final = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)
_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
# JPEG, GIF, WebP, PDF, gzip (SVGZ): files people drop that cannot carry a badge.
_OTHER_IMAGES: Final = (b"\xff\xd8\xff", b"GIF8", b"RIFF", b"%PDF-", b"\x1f\x8b")
_BOM: Final = "\ufeff"

Form = Literal["url", "json", "jws"]
Source = Literal["text", "object", "png", "svg", "file"]


class InputError(ValueError):
    """The input is not something a credential can be read from.

    ``kind``: ``too_large``, ``empty``, ``encoding``, ``json``, ``not_object``, ``depth``,
    ``unknown``, ``image``, ``no_credential``, ``file``.
    """

    def __init__(self, message: str, *, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True, slots=True)
class Given:
    """The input in one of three forms, with where it came from.

    ``ob2`` is True when the container already says it is Open Badges 2.0 (a baked
    ``openbadges`` chunk or ``<openbadges:assertion>``).
    """

    form: Form
    value: str | dict[str, Any]
    source: Source
    ob2: bool = False

    @property
    def describe(self) -> str:
        """A short machine label such as ``png/json`` for the report."""
        return f"{self.source}/{self.form}"


def read_input(raw: str | bytes | bytearray | Mapping[str, Any] | PathLike[str]) -> Given:
    """Tell what ``raw`` is and bring it into one of the forms ``url``, ``json``, ``jws``."""
    if isinstance(raw, Mapping):
        document = dict(raw)
        check_depth(document)
        return Given("json", document, "object")
    if isinstance(raw, PathLike):
        return _from_bytes(_read_file(Path(raw)), "file")
    if isinstance(raw, bytes | bytearray | memoryview):
        return _from_bytes(bytes(raw), "text")
    if isinstance(raw, str):
        if len(raw) > MAX_TEXT_BYTES:
            raise _too_large(len(raw), MAX_TEXT_BYTES)
        return _from_text(raw, "text")
    raise InputError(
        f"The verifier reads text, bytes, a JSON object or a file, not {type(raw).__name__}.",
        kind="unknown",
    )


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise InputError(
            f"The file {path} cannot be read: {error.strerror or error}.", kind="file"
        ) from None
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(len(data), MAX_INPUT_BYTES)
    return data


def _from_bytes(data: bytes, source: Source) -> Given:
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(len(data), MAX_INPUT_BYTES)
    if data.startswith(_PNG_SIGNATURE) or _looks_like_svg(data):
        return _from_image(data)
    if data.startswith(_OTHER_IMAGES):
        try:
            image_format(data)
        except BakingError as error:
            raise InputError(f"The image cannot be read: {error}.", kind="image") from None
    if len(data) > MAX_TEXT_BYTES:
        raise _too_large(len(data), MAX_TEXT_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            "The input is neither a PNG or SVG image nor UTF-8 text (JSON, a JWT or a URL).",
            kind="encoding",
        ) from None
    return _from_text(text, source)


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return head.startswith(b"<")


def _from_image(data: bytes) -> Given:
    try:
        baked = unbake(data)
    except NoCredentialError as error:
        raise InputError(f"The image carries no badge: {error}.", kind="no_credential") from None
    except BakingError as error:
        raise InputError(f"The image cannot be read: {error}.", kind="image") from None
    source: Source = baked.image_format
    ob2 = baked.kind.startswith("ob2")
    if baked.kind.endswith("json"):
        # Read again with the strict rules (duplicate members, depth) applied to every input.
        return Given("json", parse_json(baked.text), source, ob2)
    if baked.kind == "ob2-url":
        return Given("url", baked.text, source, ob2)
    return Given("jws", baked.text, source, ob2)


def _from_text(text: str, source: Source) -> Given:
    stripped = text.removeprefix(_BOM).strip()
    if not stripped:
        raise InputError("The input is empty.", kind="empty")
    if stripped.startswith("{"):
        return Given("json", parse_json(stripped), source)
    if stripped.startswith("<"):
        return _from_image(stripped.encode("utf-8"))
    if _JWS.fullmatch(stripped):
        return Given("jws", stripped, source)
    if _URL.fullmatch(stripped):
        if len(stripped) > MAX_URL_CHARS:
            raise InputError(
                f"The URL is longer than {MAX_URL_CHARS} characters.", kind="too_large"
            )
        scheme, rest = stripped.split(":", 1)
        # QR codes in alphanumeric mode upper-case everything; the scheme is case-insensitive.
        return Given("url", scheme.lower() + ":" + rest, source)
    raise InputError(
        "The input is not a badge: expected a URL, a JSON credential, a JWT, or a PNG or SVG "
        "image with a baked badge.",
        kind="unknown",
    )


def parse_json(text: str | bytes) -> dict[str, Any]:
    """A JSON object read strictly: duplicate members, NaN and deep nesting are refused."""
    if len(text) > MAX_TEXT_BYTES:
        raise _too_large(len(text), MAX_TEXT_BYTES)
    try:
        value = json.loads(text, object_pairs_hook=_unique_members, parse_constant=_no_constant)
    except RecursionError:
        raise _too_deep() from None
    except ValueError as error:  # JSONDecodeError, UnicodeDecodeError, duplicates
        raise InputError(f"The JSON cannot be read: {error}.", kind="json") from None
    if not isinstance(value, dict):
        raise InputError("The JSON is not an object, so it is not a credential.", kind="not_object")
    check_depth(value)
    return value


def check_depth(value: Any, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than ``limit``: later steps recurse over it."""
    if not isinstance(value, _CONTAINERS):
        if limit < 0:
            raise _too_deep(limit)
        return
    # Only objects and arrays are visited: a member is one level below its container, so a
    # non-empty container at the limit is already too deep, whatever its members are.
    pending: list[tuple[dict[str, Any] | list[Any], int]] = [(value, 0)]
    pop, push = pending.pop, pending.append
    while pending:
        item, depth = pop()
        if depth > limit or (item and depth >= limit):
            raise _too_deep(limit)
        for child in item.values() if isinstance(item, dict) else item:
            if isinstance(child, _CONTAINERS):
                push((child, depth + 1))


_CONTAINERS: Final = (dict, list)  # a tuple: isinstance checks it faster than a union


def _unique_members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                # Two programs could read two different values: refuse rather than pick one.
                raise ValueError(f"the member {key[:80]!r} appears twice in one object")
            seen.add(key)
    return result


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


def _too_large(size: int, limit: int) -> InputError:
    return InputError(
        f"The input is {size} bytes; at most {limit} bytes are accepted.", kind="too_large"
    )


def _too_deep(limit: int = MAX_JSON_DEPTH) -> InputError:
    return InputError(f"The JSON is nested more than {limit} levels deep.", kind="depth")
