"""IdentityObject: who received a credential, by a salted hash of their e-mail address.

The hash is the one Open Badges 2.0 defined and 3.0 keeps: ``sha256$`` followed by the hex
SHA-256 of the UTF-8 bytes of the identifier with the salt appended (``md5$`` is still
recognized when matching old credentials). The spec's own example: ``a@example.com`` salted
with ``Kosher`` hashes to ``sha256$b5809d8a...ef399``.

E-mail addresses are normalized before hashing: surrounding white space stripped, Unicode
composed (NFC) and lower-cased. The spec leaves normalization open and reference verifiers
hash exactly the text they are given; a recipient almost always types their address in lower
case, and mail systems treat addresses case-insensitively in practice, so lower case is the
form most likely to match what a verifier asks for. When matching, the address is tried both
normalized and exactly as given (stripped), so credentials hashed by other issuers from a
mixed-case address still match.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from microcred.openbadges.codec import JsonObject, check_text
from microcred.openbadges.errors import ModelError
from microcred.openbadges.vocabulary import IdentifierType, check_extensible

_HASHED = re.compile(r"(sha256\$[0-9a-fA-F]{64}|md5\$[0-9a-fA-F]{32})")
_EMAIL = re.compile(r"[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class IdentityObject(JsonObject):
    """An identifier of the recipient, hashed (``sha256$<hex>``) or in plain text."""

    FIXED_TYPE = "IdentityObject"

    hashed: bool
    identity_hash: str
    identity_type: str
    salt: str | None = None

    def _check(self) -> None:
        check_extensible(self.identity_type, IdentifierType, "identityType")
        if self.hashed and _HASHED.fullmatch(self.identity_hash) is None:
            raise ModelError(
                "identityHash of a hashed identity must be 'sha256$' and 64 hex digits "
                "(or 'md5$' and 32), not " + repr(self.identity_hash[:80])
            )


def normalize_email(email: str) -> str:
    """The form of ``email`` that microcred hashes: stripped, NFC, lower case."""
    return unicodedata.normalize("NFC", email.strip()).lower()


def _digest(algorithm: str, identifier: str, salt: str) -> str:
    data = (identifier + salt).encode("utf-8")
    if algorithm == "md5":
        return hashlib.md5(data, usedforsecurity=False).hexdigest()
    return hashlib.sha256(data).hexdigest()


def hashed_email(email: str, salt: str | None = None) -> IdentityObject:
    """A hashed ``emailAddress`` identity; ``salt`` defaults to 16 random bytes in hex.

    An empty ``salt`` hashes the bare address and leaves ``salt`` out of the object.
    """
    if not isinstance(email, str):
        raise ModelError(f"an e-mail address must be a string, not {type(email).__name__}")
    if salt is not None and not isinstance(salt, str):
        raise ModelError(f"a salt must be a string, not {type(salt).__name__}")
    if salt is not None:
        check_text(salt, "the salt")
    normalized = normalize_email(check_text(email, "the e-mail address"))
    if _EMAIL.fullmatch(normalized) is None:
        raise ModelError(f"{email[:80]!r} is not an e-mail address")
    if salt is None:
        salt = secrets.token_hex(16)
    return IdentityObject(
        hashed=True,
        identity_hash="sha256$" + _digest("sha256", normalized, salt),
        identity_type=IdentifierType.EMAIL_ADDRESS,
        salt=salt or None,
    )


def identity_matches(identity: IdentityObject | Mapping[str, Any], email: str) -> bool:
    """Whether ``identity`` (an object, or its JSON) names the e-mail address ``email``.

    A malformed identity raises ModelError; an identity of another type simply does not match.
    """
    if not isinstance(identity, IdentityObject):
        identity = IdentityObject.from_json(identity)
    if not isinstance(email, str):
        raise ModelError(f"an e-mail address must be a string, not {type(email).__name__}")
    check_text(email, "the e-mail address")
    if identity.identity_type != IdentifierType.EMAIL_ADDRESS:
        return False
    candidates = {normalize_email(email), email.strip()}
    if not identity.hashed:
        return normalize_email(identity.identity_hash) == normalize_email(email)
    algorithm, _, expected = identity.identity_hash.partition("$")
    expected = expected.lower()
    salt = identity.salt or ""
    return any(
        hmac.compare_digest(_digest(algorithm, candidate, salt), expected)
        for candidate in candidates
    )
