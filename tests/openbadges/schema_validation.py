"""Validate documents against the official OB 3.0 JSON Schemas (the reference copies).

The schemas are registered under the URLs a ``credentialSchema`` entry uses (from
``schemas/index.json``), not under the build-time ``$id`` inside each file. "date-time" is
checked as RFC 3339, which jsonschema leaves unchecked unless an extra package is installed.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from typing import Any

from jsonschema import Draft201909Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT201909

from microcred.openbadges.schemas import (
    ACHIEVEMENT_CREDENTIAL_SCHEMA,
    ENDORSEMENT_CREDENTIAL_SCHEMA,
    PROFILE_SCHEMA,
)
from tests.conftest import load_json

__all__ = [
    "ACHIEVEMENT_CREDENTIAL_SCHEMA",
    "ENDORSEMENT_CREDENTIAL_SCHEMA",
    "PROFILE_SCHEMA",
    "assert_valid",
    "schema_errors",
    "validator",
]

_RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})", re.ASCII
)


def _format_checker() -> FormatChecker:
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True  # formats only constrain strings
        if _RFC3339.fullmatch(value) is None:
            return False
        datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
        return True

    return checker


@cache
def registry() -> Registry:
    index: dict[str, str] = load_json("schemas/index.json")
    resources = [
        (url, Resource.from_contents(load_json(f"schemas/{name}"), DRAFT201909))
        for url, name in index.items()
        if name.endswith("_schema.json")
    ]
    return Registry().with_resources(resources)


@cache
def validator(schema_url: str = ACHIEVEMENT_CREDENTIAL_SCHEMA) -> Draft201909Validator:
    schema = registry().contents(schema_url)
    return Draft201909Validator(schema, registry=registry(), format_checker=_format_checker())


def schema_errors(document: Any, schema_url: str = ACHIEVEMENT_CREDENTIAL_SCHEMA) -> list[str]:
    """One line per violation: where, and what is wrong.

    For "not valid under any of the given schemas" (the issuer may be a URL or a Profile), the
    line names the deepest cause inside instead of repeating the whole value.
    """
    lines = []
    for error in validator(schema_url).iter_errors(document):
        cause = _deepest(error)
        lines.append(f"{cause.json_path}: {cause.message}")
    return sorted(lines)


def _deepest(error: ValidationError) -> ValidationError:
    if not error.context:
        return error
    causes = [_deepest(inner) for inner in error.context]
    return max(causes, key=lambda cause: len(cause.absolute_path))


def assert_valid(document: Any, schema_url: str = ACHIEVEMENT_CREDENTIAL_SCHEMA) -> None:
    errors = schema_errors(document, schema_url)
    assert not errors, "\n".join(errors)
