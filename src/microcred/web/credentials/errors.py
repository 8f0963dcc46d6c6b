"""Why a credential cannot be issued or its status changed, in sentences a person can act on."""

from __future__ import annotations


class IssuingError(ValueError):
    """The credential cannot be issued as given. ``kind`` tells an API which problem it is:

    ``invalid`` (the document breaks a rule), ``issuer`` (someone else's issuer),
    ``duplicate`` (the id was used already) or ``jsonld`` (a term or context the JSON-LD
    processor cannot use, so the document has no defined meaning to sign).
    """

    def __init__(self, message: str, *, kind: str = "invalid") -> None:
        super().__init__(message)
        self.kind = kind


class StatusChangeError(ValueError):
    """The status change is not possible (revoked already, no suspension entry, ...)."""
