"""Reading the stored signed text back: the credential JSON, whichever way it was secured."""

from __future__ import annotations

import json
from typing import Any, Final

from microcred.proofs.vc_jwt import parse_vc_jwt
from microcred.status import CREDENTIALS_V2
from microcred.web.credentials.models import IssuedCredential

JWT_MEDIA_TYPE: Final = "application/vc+jwt"


def credential_json(credential: IssuedCredential) -> dict[str, Any]:
    """The credential as a dict (a VC-JWT's credential claims); for reading, never re-signing."""
    if credential.is_jwt:
        return parse_vc_jwt(credential.signed_text).credential
    document = json.loads(credential.signed_text)
    if not isinstance(document, dict):
        raise ValueError("a stored credential is not a JSON object")
    return document


def enveloped(token: str) -> dict[str, Any]:
    """A VC-JWT as a VC 2.0 ``EnvelopedVerifiableCredential`` (for JSON-only consumers)."""
    return {
        "@context": [CREDENTIALS_V2],
        "id": f"data:{JWT_MEDIA_TYPE},{token}",
        "type": "EnvelopedVerifiableCredential",
    }


def json_text(credential: IssuedCredential) -> str:
    """What JSON consumers get: the signed JSON as stored, or the JWT in an envelope."""
    if credential.is_jwt:
        return json.dumps(enveloped(credential.signed_text))
    return credential.signed_text
