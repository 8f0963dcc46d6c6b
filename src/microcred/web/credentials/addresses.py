"""Where an issued credential lives: its public page and the ``id`` written into it."""

from __future__ import annotations

import uuid
from typing import Final
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse

MAX_CREDENTIAL_ID_CHARS: Final = 500


def public_url(public_id: uuid.UUID, name: str = "credentials:public") -> str:
    """The absolute URL of the credential's page (or of one of its downloads, by URL name)."""
    return settings.MICROCRED_BASE_URL + reverse(name, args=[public_id])


def credential_id_for(public_id: uuid.UUID) -> str:
    """The credential's ``id``: its public https URL, or ``urn:uuid:`` on a plain-http instance.

    Open Badges 3.0 credentials microcred issues are named by an https URL or a urn:uuid; an
    instance served over http (a local demo) cannot give an https address it does not answer.
    """
    url = public_url(public_id)
    if urlsplit(url).scheme == "https":
        return url
    return f"urn:uuid:{public_id}"


def new_public_id() -> uuid.UUID:
    return uuid.uuid4()
