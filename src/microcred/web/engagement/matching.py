"""Which of this instance's credentials, if any, a verification was about.

A verification counts for a credential only when what was checked is that credential exactly:
its public address on this instance, its signed JSON as stored, or its VC-JWT. An ``id`` alone
is not enough — anyone can write our id into a forged document, and ids chosen through the VC
API are unique per organization only — so the stored credentials with that id are compared
with the document, and one organization's credential is never counted for another's.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, Final
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from microcred.baking import BakingError, unbake
from microcred.proofs.vc_jwt import InvalidJwtError, parse_vc_jwt
from microcred.web.credentials.documents import JWT_MEDIA_TYPE, credential_json
from microcred.web.credentials.models import IssuedCredential
from microcred.web.verify.local import InstanceFetcher

# The public addresses of a credential: its page and its downloads.
CREDENTIAL_ADDRESSES: Final = frozenset(
    {
        "credentials:public",
        "credentials:json",
        "credentials:jwt",
        "credentials:png",
        "credentials:svg",
        "credentials:image",
    }
)
ENVELOPE_PREFIX: Final = f"data:{JWT_MEDIA_TYPE},"
MAX_CANDIDATES: Final = 20


def credential_given(given: str | bytes) -> IssuedCredential | None:
    """The credential behind what was given to the verify page (a link, JSON, JWT, image)."""
    if isinstance(given, bytes):
        try:
            given = unbake(given).text
        except (BakingError, ValueError):
            return None
    text = given.strip()
    if text.startswith("{"):
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            return None
        return credential_of(document) if isinstance(document, dict) else None
    if text.startswith(("http://", "https://")):
        return credential_at(text)
    return credential_of_jwt(text)


def credential_of(document: dict[str, Any]) -> IssuedCredential | None:
    """The stored credential that is exactly this JSON document (or this JWT, enveloped)."""
    identifier = document.get("id")
    if not isinstance(identifier, str):
        return None
    if identifier.startswith(ENVELOPE_PREFIX):
        return credential_of_jwt(identifier.removeprefix(ENVELOPE_PREFIX))
    for candidate in _candidates(identifier):
        if not candidate.is_jwt and credential_json(candidate) == document:
            return candidate
    return None


def credential_of_jwt(token: str) -> IssuedCredential | None:
    token = token.strip()
    try:
        identifier = parse_vc_jwt(token).credential.get("id")
    except (InvalidJwtError, ValueError):
        return None
    if not isinstance(identifier, str):
        return None
    for candidate in _candidates(identifier):
        if candidate.is_jwt and candidate.signed_text == token:
            return candidate
    return None


def credential_at(url: str) -> IssuedCredential | None:
    """The credential whose page or download ``url`` is, on this instance."""
    try:
        if not InstanceFetcher().is_own(url):
            return None
        match = resolve(urlsplit(url).path or "/")
    except (ValueError, Resolver404):  # ValueError: not a URL after all ("http://[")
        return None
    public_id = match.kwargs.get("credential")
    if match.view_name not in CREDENTIAL_ADDRESSES or not isinstance(public_id, uuid.UUID):
        return None
    return IssuedCredential.objects.filter(public_id=public_id).first()


def _candidates(identifier: str) -> list[IssuedCredential]:
    return list(IssuedCredential.objects.filter(credential_id=identifier)[:MAX_CANDIDATES])
