"""Checking a credential against the JSON Schemas it names in ``credentialSchema``.

Schemas are fetched through the run's fetcher (so tests and offline runs hand in their own),
and each distinct schema document is compiled once per process: a batch of credentials that
name the official OB 3.0 schema pays for validation, not for building validators. A schema
that cannot be fetched leaves the check skipped, not failed: the structure was still checked
by the verifier's own rules, and the schema says nothing about authenticity.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Mapping
from datetime import datetime
from threading import Lock
from typing import Any, Final

from jsonschema import Draft201909Validator, FormatChecker
from jsonschema.exceptions import SchemaError
from jsonschema.protocols import Validator
from jsonschema.validators import extend, validator_for
from referencing import Registry
from referencing.exceptions import Unresolvable

from microcred.verifier.context import Run
from microcred.verifier.fetcher import FetchError, fetch_ok
from microcred.verifier.fields import as_list
from microcred.verifier.messages import fetch_reason
from microcred.verifier.report import Outcome

SCHEMA_TYPES: Final = frozenset(
    {"1EdTechJsonSchemaValidator2019", "JsonSchemaValidator2018", "JsonSchema"}
)
# Schemas are run against untrusted data, and a hostile schema could make that slow (patterns
# that backtrack): only the schemas 1EdTech publishes are used.
TRUSTED_SCHEMA_PREFIXES: Final = ("https://purl.imsglobal.org/spec/",)
MAX_SCHEMAS: Final = 4
MAX_ERRORS_SHOWN: Final = 10
_VALIDATOR_CACHE_SIZE: Final = 32
_RFC3339: Final = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})"
)

_validators: OrderedDict[str, Validator] = OrderedDict()
_lock = Lock()
# Subtrees (schema digest, $ref, canonical JSON) already found valid. A batch of credentials
# shares its issuer and achievement, which are most of each credential's validation work.
_valid_subtrees: OrderedDict[tuple[str, str, str], None] = OrderedDict()
_SUBTREE_MEMO_SIZE: Final = 1024
_MIN_MEMO_CHARS: Final = 256
_PLAIN_REF: Final = Draft201909Validator.VALIDATORS["$ref"]


def _memoizing_ref(digest: str) -> Any:
    """A ``$ref`` keyword that skips subtrees already validated against the same target."""

    def ref(validator: Any, ref: str, instance: Any, schema: Any) -> Any:
        key = None
        if isinstance(instance, dict) and isinstance(ref, str) and ref.startswith("#"):
            try:
                text = json.dumps(instance, sort_keys=True, separators=(",", ":"))
            except (TypeError, ValueError, RecursionError):
                text = ""
            if len(text) >= _MIN_MEMO_CHARS:
                key = (digest, ref, text)
                if _known_valid(key):
                    return
        errors = list(_PLAIN_REF(validator, ref, instance, schema))
        if key is not None and not errors:
            _remember_valid(key)
        yield from errors

    return ref


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if _RFC3339.fullmatch(value) is None:
            return False
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
        return True

    return checker


_FORMATS: Final = _format_checker()


def check_schemas(run: Run, credential: Mapping[str, Any]) -> None:
    entries = as_list(credential.get("credentialSchema"))
    if not entries:
        return
    for index, entry in enumerate(entries[:MAX_SCHEMAS]):
        _check_one(run, credential, index, entry)
    if len(entries) > MAX_SCHEMAS:
        run.add(
            "format.schema",
            Outcome.SKIPPED,
            "schema.too_many",
            {"count": len(entries)},
            count=len(entries) - MAX_SCHEMAS,
        )


def _check_one(run: Run, credential: Mapping[str, Any], index: int, entry: Any) -> None:
    url = entry.get("id") if isinstance(entry, Mapping) else None
    kind = entry.get("type") if isinstance(entry, Mapping) else None
    details: dict[str, Any] = {"index": index, "schema": url, "type": kind}
    if not isinstance(url, str) or not isinstance(kind, str):
        run.add("format.schema", Outcome.FAILED, "schema.malformed_entry", details)
        return
    if kind not in SCHEMA_TYPES:
        run.add("format.schema", Outcome.SKIPPED, "schema.unknown_type", details, type=kind)
        return
    if not url.startswith(TRUSTED_SCHEMA_PREFIXES):
        run.add("format.schema", Outcome.SKIPPED, "schema.not_trusted", details, url=url)
        return
    try:
        response = fetch_ok(run.fetcher, url, accept="application/schema+json, application/json")
    except FetchError as error:
        run.add(
            "format.schema",
            Outcome.SKIPPED,
            "schema.unreachable",
            {**details, "reason": str(error)},
            url=url,
            reason=fetch_reason(error),
        )
        return
    try:
        validator = _validator(response.body, response.digest.hex())
    except ValueError as error:
        run.add(
            "format.schema",
            Outcome.SKIPPED,
            "schema.unusable",
            {**details, "reason": str(error)},
            url=url,
        )
        return
    whole = _memo_key(response.digest.hex(), credential)
    if whole is not None and _known_valid(whole):
        run.add("format.schema", Outcome.PASSED, "schema.passed", details, url=url)
        return
    try:
        errors = sorted(validator.iter_errors(credential), key=lambda e: str(e.json_path))
    except (Unresolvable, RecursionError) as error:
        run.add(
            "format.schema",
            Outcome.SKIPPED,
            "schema.unusable",
            {**details, "reason": str(error)},
            url=url,
        )
        return
    if errors:
        shown = [_describe(error) for error in errors]
        run.add(
            "format.schema",
            Outcome.FAILED,
            "schema.failed",
            {**details, "errors": shown[:MAX_ERRORS_SHOWN], "error_count": len(errors)},
            url=url,
            count=len(errors),
            first=shown[0],
        )
        return
    if whole is not None:
        _remember_valid(whole)
    run.add("format.schema", Outcome.PASSED, "schema.passed", details, url=url)


def _describe(error: Any) -> str:
    """One violation in a line; jsonschema's own message starts with the whole instance."""
    message = error.message if len(error.message) <= 160 else ""
    if not message:
        expected = json.dumps(error.validator_value, ensure_ascii=False)
        message = f"does not satisfy {error.validator} {expected[:100]}"
    return f"{error.json_path}: {message}"


def _memo_key(digest: str, instance: Any) -> tuple[str, str, str] | None:
    try:
        text = json.dumps(instance, sort_keys=True, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        return None
    return (digest, "#", text)


def _known_valid(key: tuple[str, str, str]) -> bool:
    with _lock:
        if key in _valid_subtrees:
            _valid_subtrees.move_to_end(key)
            return True
    return False


def _remember_valid(key: tuple[str, str, str]) -> None:
    with _lock:
        _valid_subtrees[key] = None
        while len(_valid_subtrees) > _SUBTREE_MEMO_SIZE:
            _valid_subtrees.popitem(last=False)


def _validator(body: bytes, key: str) -> Validator:
    with _lock:
        cached = _validators.get(key)
        if cached is not None:
            _validators.move_to_end(key)
            return cached
    try:
        schema = json.loads(body)
    except (ValueError, RecursionError) as error:
        raise ValueError(f"the schema is not JSON: {error}") from None
    if not isinstance(schema, dict):
        raise ValueError("the schema is not a JSON object")
    try:
        cls = validator_for(schema, default=Draft201909Validator)
        cls.check_schema(schema)
        if b"unevaluated" not in body and "$ref" in cls.VALIDATORS:
            # Safe only where no keyword depends on what a $ref evaluated.
            cls = extend(cls, {"$ref": _memoizing_ref(key)})
        # An empty registry: a $ref outside the schema is never fetched (jsonschema would).
        validator = cls(schema, format_checker=_FORMATS, registry=Registry())
    except (SchemaError, ValueError, TypeError, LookupError, RecursionError) as error:
        raise ValueError(f"the schema cannot be used: {error}") from None
    with _lock:
        _validators[key] = validator
        while len(_validators) > _VALIDATOR_CACHE_SIZE:
            _validators.popitem(last=False)
    return validator
