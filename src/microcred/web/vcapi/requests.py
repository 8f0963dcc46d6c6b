"""Reading VC API request bodies: JSON objects with only the members the endpoint knows.

The VC API asks implementations to refuse data and options they do not understand, so an
unknown member is an error, not something silently ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Final

from django.http import HttpRequest

from microcred.status import CREDENTIALS_V2
from microcred.web.vcapi.problems import PARSING_ERROR, Problem

MAX_BODY_BYTES: Final = 2 * 1024 * 1024
MAX_DEPTH: Final = 64


def json_body(request: HttpRequest, allowed: Iterable[str]) -> dict[str, Any]:
    content_type = request.content_type or ""
    if content_type not in {"application/json", "application/ld+json"}:
        raise Problem(
            400,
            "Not JSON",
            f"Send the request body as application/json, not {content_type or 'nothing'}.",
            type_=PARSING_ERROR,
        )
    raw = request.body
    if len(raw) > MAX_BODY_BYTES:
        raise Problem(413, "Too large", f"The request body is larger than {MAX_BODY_BYTES} bytes.")
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise Problem(
            400, "Not JSON", "The request body is not valid JSON.", type_=PARSING_ERROR
        ) from None
    if not isinstance(body, dict):
        raise Problem(400, "Not an object", "The request body must be a JSON object.")
    if _depth(body) > MAX_DEPTH:
        raise Problem(400, "Too deep", f"The JSON is nested deeper than {MAX_DEPTH} levels.")
    unknown = sorted(set(body) - set(allowed))
    if unknown:
        raise Problem(
            400,
            "Unknown member",
            f"The request has members this endpoint does not understand: {', '.join(unknown)}.",
        )
    return body


def options_of(body: Mapping[str, Any], allowed: Iterable[str]) -> dict[str, Any]:
    options = body.get("options", {})
    if options is None:
        return {}
    if not isinstance(options, dict):
        raise Problem(400, "Invalid options", "options must be a JSON object.")
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise Problem(
            400,
            "Unsupported option",
            f"These options are not supported here: {', '.join(unknown)}.",
        )
    return options


def check_credential(credential: Any) -> dict[str, Any]:
    """The basic VC Data Model 2.0 shape, before anything is filled in or signed."""
    if not isinstance(credential, dict):
        raise Problem(400, "No credential", "The request must have a credential object.")
    context = credential.get("@context")
    if (
        not isinstance(context, list)
        or not context
        or not all(isinstance(item, str | dict) for item in context)
    ):
        raise Problem(400, "Invalid @context", "credential.@context must be a list of contexts.")
    if context[0] != CREDENTIALS_V2:
        raise Problem(
            400,
            "Unsupported data model",
            f"credential.@context must start with {CREDENTIALS_V2}: credentials are issued in "
            "the VC Data Model 2.0.",
        )
    types = credential.get("type")
    type_list = [types] if isinstance(types, str) else types
    if (
        not isinstance(type_list, list)
        or not all(isinstance(item, str) for item in type_list)
        or "VerifiableCredential" not in type_list
    ):
        raise Problem(
            400,
            "Invalid type",
            'credential.type must be a list of strings that includes "VerifiableCredential".',
        )
    subject = credential.get("credentialSubject")
    subjects = subject if isinstance(subject, list) else [subject]
    if not subjects or not all(isinstance(item, dict) and item for item in subjects):
        raise Problem(
            400,
            "Invalid credentialSubject",
            "credential.credentialSubject must be an object (or a list of objects).",
        )
    issuer = credential.get("issuer")
    if issuer is not None and not (
        isinstance(issuer, str) or (isinstance(issuer, dict) and isinstance(issuer.get("id"), str))
    ):
        raise Problem(
            400, "Invalid issuer", "credential.issuer must be a string or an object with an id."
        )
    for key in ("id", "validFrom", "validUntil", "name", "description"):
        if key in credential and not isinstance(credential[key], str | dict | list):
            raise Problem(400, f"Invalid {key}", f"credential.{key} has the wrong type.")
    if "id" in credential and not isinstance(credential["id"], str):
        raise Problem(400, "Invalid id", "credential.id must be a string (a URI).")
    return credential


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(item, level + 1) for item in value.values()), default=level)
    if isinstance(value, list):
        return max((_depth(item, level + 1) for item in value), default=level)
    return level
