"""Frozen dataclasses to plain JSON-LD dicts and back, with errors a person can act on.

Every Open Badges class is a frozen, slotted, keyword-only dataclass deriving from
``JsonObject``. Attribute names are snake_case; the JSON keys are their camelCase forms, except
``types`` (written ``"type"``) and ``context`` (written ``"@context"``). An ``extra`` mapping,
where a class has one, carries properties the model does not name (extensions) verbatim.
Unset values - ``None`` and empty lists - are left out of the JSON.

Constructing an object checks it, whether the values come from Python code or from
``from_json``; so a document built from the model always has the shapes the official JSON
Schemas require.
"""

from __future__ import annotations

import math
import types
from collections.abc import Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from enum import Enum, auto
from functools import cache
from typing import Any, ClassVar, Self, Union, get_args, get_origin, get_type_hints

from microcred.openbadges.checks import check_uri
from microcred.openbadges.dates import (
    format_date,
    format_datetime,
    normalize_datetime,
    parse_date,
    parse_datetime,
)
from microcred.openbadges.errors import ModelError

# Deeper than any honest document (a profile's parent's parent's ... ); refusing it turns a
# hostile document into a ModelError instead of a RecursionError.
MAX_DEPTH = 32


class JsonObject:
    """The base of every model class: checking on construction, ``to_json``, ``from_json``."""

    __slots__ = ()

    # Written as "type": FIXED_TYPE (a string, as the schemas want for Image, IdentityObject...).
    FIXED_TYPE: ClassVar[str | None] = None
    # For classes with a ``types`` list: each tuple names alternatives, one of which must appear.
    REQUIRED_TYPES: ClassVar[tuple[tuple[str, ...], ...]] = ()
    # Attributes holding a URI (single values or lists).
    URI_FIELDS: ClassVar[tuple[str, ...]] = ()

    def __post_init__(self) -> None:
        _normalize(self)
        self._check()

    def _check(self) -> None:
        """Rules of one class beyond the types of its fields; raise ModelError."""

    def to_json(self) -> dict[str, Any]:
        """A new plain dict, ready for ``json.dumps`` or signing."""
        return _encode(self)

    @classmethod
    def from_json(cls, data: object) -> Self:
        """Read a parsed JSON object; anything unacceptable raises ModelError."""
        try:
            return _decode(cls, data, "", 0)
        except RecursionError:
            raise ModelError("the document is nested too deeply", path=cls.__name__) from None
        except ModelError as error:
            if error.path:
                raise
            raise ModelError(error.message, path=cls.__name__) from None


def extra_field() -> Any:
    """The ``extra`` attribute: unmodelled properties, excluded from hashing."""
    return field(default_factory=dict, hash=False)


def opaque_list() -> Any:
    """A list of opaque JSON objects (signed endorsements), excluded from hashing."""
    return field(default=(), hash=False)


class Kind(Enum):
    STRING = auto()
    NUMBER = auto()
    BOOLEAN = auto()
    DATETIME = auto()
    DATE = auto()
    OPAQUE = auto()  # a JSON object kept as it is
    OBJECT = auto()  # a JsonObject
    CONTEXT = auto()  # a JSON-LD context entry: a URL or an object


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    key: str
    kind: Kind
    many: bool
    optional: bool
    required: bool
    target: type[JsonObject] | None


def _json_key(name: str) -> str:
    if name == "types":
        return "type"
    if name == "context":
        return "@context"
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _kind(hint: Any) -> tuple[Kind, type[JsonObject] | None]:
    members = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
    for member in members:
        if isinstance(member, type) and issubclass(member, JsonObject):
            return Kind.OBJECT, member
    origins = {get_origin(member) or member for member in members}
    if origins == {str, Mapping}:
        return Kind.CONTEXT, None
    simple = {str: Kind.STRING, bool: Kind.BOOLEAN, float: Kind.NUMBER, Mapping: Kind.OPAQUE}
    if len(origins) == 1:
        (only,) = origins
        if only is datetime:
            return Kind.DATETIME, None
        if only is date:
            return Kind.DATE, None
        if only in simple:
            return simple[only], None
    raise TypeError(f"the model cannot map a field of type {hint!r}")


@cache
def specs(cls: type[JsonObject]) -> tuple[FieldSpec, ...]:
    """How each attribute of ``cls`` maps to JSON (worked out once per class)."""
    hints = get_type_hints(cls)
    result = []
    for item in fields(cls):  # type: ignore[arg-type]
        if item.name == "extra":
            continue
        hint = hints[item.name]
        optional = False
        if get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint):
            optional = True
            rest = tuple(arg for arg in get_args(hint) if arg is not type(None))
            hint = rest[0] if len(rest) == 1 else Union[rest]  # noqa: UP007
        many = get_origin(hint) is Sequence
        if many:
            (hint,) = get_args(hint)
        kind, target = _kind(hint)
        result.append(
            FieldSpec(
                name=item.name,
                key=_json_key(item.name),
                kind=kind,
                many=many,
                optional=optional,
                required=item.default is MISSING and item.default_factory is MISSING,
                target=target,
            )
        )
    return tuple(result)


@cache
def _by_key(cls: type[JsonObject]) -> dict[str, FieldSpec]:
    return {spec.key: spec for spec in specs(cls)}


@cache
def _has_extra(cls: type[JsonObject]) -> bool:
    return any(item.name == "extra" for item in fields(cls))  # type: ignore[arg-type]


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def check_text(value: str, label: str) -> str:
    if type(value) is not str:  # a StrEnum member: keep its plain value
        value = str.__str__(value)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ModelError(
                f"{label} contains a lone surrogate, which is not Unicode text"
            ) from None
    return value


def copy_json(value: object, label: str) -> Any:
    """A detached copy of plain JSON data; anything JSON cannot carry is refused."""
    if isinstance(value, str):
        return check_text(value, label)
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ModelError(f"{label} holds {value}, which JSON cannot represent")
        return value
    if isinstance(value, Mapping):
        copied = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise ModelError(f"{label} has a key {key!r} that is not a string")
            copied[check_text(key, label)] = copy_json(item, f"{label}.{key}")
        return copied
    if isinstance(value, list | tuple):
        return [copy_json(item, f"{label}[{index}]") for index, item in enumerate(value)]
    raise ModelError(f"{label} holds {_describe(value)}, which JSON cannot represent")


def _expected(spec: FieldSpec) -> str:
    if spec.kind is Kind.OBJECT:
        return f"a {spec.target.__name__} object" if spec.target else "a JSON object"
    return {
        Kind.STRING: "a string",
        Kind.NUMBER: "a number",
        Kind.BOOLEAN: "true or false",
        Kind.DATETIME: "a timezone-aware date and time",
        Kind.DATE: "a date",
        Kind.OPAQUE: "a JSON object",
        Kind.CONTEXT: "a context URL or object",
    }[spec.kind]


def _coerce(spec: FieldSpec, value: object, label: str) -> Any:
    match spec.kind:
        case Kind.STRING if isinstance(value, str):
            return check_text(value, label)
        case Kind.NUMBER if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                finite = math.isfinite(value)
            except OverflowError:
                finite = False
            if not finite:
                raise ModelError(f"{label} must be a finite number, not {value}")
            return value
        case Kind.BOOLEAN if isinstance(value, bool):
            return value
        case Kind.DATETIME if isinstance(value, datetime):
            try:
                return normalize_datetime(value)
            except ModelError as error:
                raise ModelError(f"{label}: {error.message}") from None
        case Kind.DATE if isinstance(value, date) and not isinstance(value, datetime):
            return value
        case Kind.OPAQUE if isinstance(value, Mapping):
            return copy_json(value, label)
        case Kind.CONTEXT if isinstance(value, str | Mapping):
            return copy_json(value, label)
        case Kind.OBJECT if isinstance(value, spec.target):  # type: ignore[arg-type]
            return value
        case Kind.OBJECT if isinstance(value, Mapping):
            return _decode(spec.target, value, label, 0)  # type: ignore[arg-type]
    raise ModelError(f"{label} must be {_expected(spec)}, not {_describe(value)}")


def _normalize(obj: JsonObject) -> None:
    cls = type(obj)
    for spec in specs(cls):
        value = getattr(obj, spec.name)
        if value is None:
            if not spec.optional:
                raise ModelError(f"{spec.key} is required")
            continue
        if spec.many:
            if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence):
                raise ModelError(f"{spec.key} must be a list, not {_describe(value)}")
            coerced: Any = tuple(
                _coerce(spec, item, f"{spec.key}[{index}]") for index, item in enumerate(value)
            )
        else:
            coerced = _coerce(spec, value, spec.key)
        if coerced is not value:
            object.__setattr__(obj, spec.name, coerced)
    if cls.REQUIRED_TYPES:
        present = set(obj.types)  # type: ignore[attr-defined]
        for alternatives in cls.REQUIRED_TYPES:
            if present.isdisjoint(alternatives):
                raise ModelError(f"type must include {' or '.join(map(repr, alternatives))}")
    for name in cls.URI_FIELDS:
        value = getattr(obj, name)
        key = _json_key(name)
        for item in value if isinstance(value, tuple) else (value,):
            if item is not None:
                check_uri(item, key)
    if _has_extra(cls):
        _normalize_extra(obj)


def _normalize_extra(obj: JsonObject) -> None:
    cls = type(obj)
    extra = obj.extra  # type: ignore[attr-defined]
    if not isinstance(extra, Mapping):
        raise ModelError(f"extra must be a mapping of JSON properties, not {_describe(extra)}")
    modelled = _by_key(cls)
    for key in extra:
        if key in modelled or (key == "type" and cls.FIXED_TYPE):
            raise ModelError(f"extra holds {key!r}, which {cls.__name__} models itself")
    try:
        copied = copy_json(extra, "extra")
    except RecursionError:
        raise ModelError("extra is nested too deeply") from None
    object.__setattr__(obj, "extra", copied)


def _encode_one(kind: Kind, value: Any) -> Any:
    match kind:
        case Kind.OBJECT:
            return value.to_json()
        case Kind.DATETIME:
            return format_datetime(value)
        case Kind.DATE:
            return format_date(value)
        case Kind.OPAQUE | Kind.CONTEXT:
            return copy_json(value, "")
    return value


def _encode(obj: JsonObject) -> dict[str, Any]:
    cls = type(obj)
    out: dict[str, Any] = {}
    fixed = cls.FIXED_TYPE
    for spec in specs(cls):
        value = getattr(obj, spec.name)
        if spec.key == "id":
            if value is not None:
                out["id"] = value
            if fixed:
                out["type"] = fixed
            continue
        if value is None or (spec.many and not value):
            continue
        if spec.many:
            out[spec.key] = [_encode_one(spec.kind, item) for item in value]
        else:
            out[spec.key] = _encode_one(spec.kind, value)
    if fixed and "type" not in out:
        out = {"type": fixed, **out}
    if _has_extra(cls):
        out.update(copy_json(obj.extra, "extra"))  # type: ignore[attr-defined]
    return out


def _decode(cls: type[JsonObject], data: object, path: str, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise ModelError("is nested too deeply", path=path)
    if not isinstance(data, Mapping):
        raise ModelError(f"must be a JSON object, not {_describe(data)}", path=path)
    by_key = _by_key(cls)
    arguments: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, raw in data.items():
        here = f"{path}.{key}" if path else str(key)
        if key == "type" and cls.FIXED_TYPE:
            if raw != cls.FIXED_TYPE and raw != [cls.FIXED_TYPE]:
                raise ModelError(f"must be {cls.FIXED_TYPE!r}, not {raw!r}", path=here)
            continue
        spec = by_key.get(key)  # type: ignore[call-overload]
        if spec is not None:
            arguments[spec.name] = _decode_value(spec, raw, here, depth)
        elif _has_extra(cls):
            extra[key] = raw
        else:
            allowed = ", ".join(["type", *by_key] if cls.FIXED_TYPE else by_key)
            raise ModelError(
                f"{key!r} is not a property of {cls.__name__}, which allows only: {allowed}",
                path=path,
            )
    for spec in specs(cls):
        if spec.required and spec.name not in arguments:
            raise ModelError(f"{spec.key!r} is required", path=path)
    if extra:
        arguments["extra"] = extra
    try:
        return cls(**arguments)
    except ModelError as error:
        raise error.at(path) from None


def _decode_value(spec: FieldSpec, raw: object, path: str, depth: int) -> Any:
    if raw is None:  # JSON null is not "absent": the schemas allow no nulls
        expected = "a list" if spec.many else _expected(spec)
        raise ModelError(f"must be {expected}, not null", path=path)
    if not spec.many:
        return _decode_one(spec, raw, path, depth)
    if spec.key == "type" and isinstance(raw, str):
        raw = [raw]  # JSON-LD allows one type as a string; it is written back as a list
    if not isinstance(raw, list):
        raise ModelError(f"must be a list, not {_describe(raw)}", path=path)
    return tuple(
        _decode_one(spec, item, f"{path}[{index}]", depth) for index, item in enumerate(raw)
    )


def _decode_one(spec: FieldSpec, raw: object, path: str, depth: int) -> Any:
    if spec.kind is Kind.OBJECT:
        return _decode(spec.target, raw, path, depth + 1)  # type: ignore[arg-type]
    if spec.kind in (Kind.DATETIME, Kind.DATE):
        if not isinstance(raw, str):
            raise ModelError(f"must be a date string, not {_describe(raw)}", path=path)
        parse = parse_datetime if spec.kind is Kind.DATETIME else parse_date
        try:
            return parse(raw)
        except ModelError as error:
            raise error.at(path) from None
    # Strings, numbers, booleans and opaque objects are checked by the constructor.
    return raw


def check_uri_field(value: str | None, key: str) -> None:
    """For ``_check`` hooks: a URI rule on one optional value."""
    if value is not None:
        check_uri(value, key)
