"""The credential JSON inside what was given to the verify page, when it can be read offline."""

from __future__ import annotations

import json
from typing import Any

from microcred.baking import BakingError, unbake
from microcred.proofs.vc_jwt import InvalidJwtError, parse_vc_jwt


def credential_in(given: str | bytes) -> dict[str, Any] | None:
    """The credential of pasted JSON or JWT or of a baked image; None for links and the rest.

    Only for display: the verdict comes from the verifier, never from this.
    """
    text: str | None
    if isinstance(given, bytes):
        try:
            baked = unbake(given)
        except (BakingError, ValueError):
            return None
        text = baked.text
    else:
        text = given.strip()
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            return None
        return document if isinstance(document, dict) else None
    try:
        return parse_vc_jwt(text).credential
    except (InvalidJwtError, ValueError):
        return None
