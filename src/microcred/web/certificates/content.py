"""What a certificate says, read from the signed credential (never from editable rows).

Built in the certificate's language (call inside ``translation.override``), so dates and
the labels of the EU elements come out in that language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from microcred.openbadges.eu import EXTENSION_KEY
from microcred.web.certificates.fetcher import data_uri
from microcred.web.credentials.addresses import public_url
from microcred.web.credentials.art import badge_art
from microcred.web.credentials.documents import credential_json
from microcred.web.credentials.models import IssuedCredential
from microcred.web.verify.elements import eu_rows
from microcred.web.verify.presentation import ShownFact

# Rows eu_rows() gives that the certificate already says elsewhere.
_SHOWN_ELSEWHERE: Final = ("Title", "Awarding body", "Date of issuing", "Language")


@dataclass(frozen=True)
class CertificateContent:
    recipient_name: str
    achievement_name: str
    description: str
    issuer_name: str
    issued_on: str
    valid_until: str
    credential_id: str
    page_url: str
    badge_image: str  # a data: URI
    logo: str = ""  # a data: URI, or "" without a logo
    details: list[ShownFact] = field(default_factory=list)
    is_micro_credential: bool = False


def content_for(
    credential: IssuedCredential, logo: bytes | None, logo_type: str, *, show_name: bool
) -> CertificateContent:
    """``show_name=False`` leaves the recipient's name out entirely: a certificate anyone can
    fetch must not name a holder who hid their name from the public page."""
    document = credential_json(credential)
    achievement = _achievement(document)
    issuer = document.get("issuer")
    issuer_name = issuer.get("name") if isinstance(issuer, Mapping) else None
    return CertificateContent(
        recipient_name=(credential.recipient_name or _subject_name(document)) if show_name else "",
        achievement_name=_text(achievement.get("name")) or credential.name,
        description=_text(achievement.get("description")),
        issuer_name=_text(issuer_name) or credential.organization.name,
        issued_on=format_date(credential.valid_from),
        valid_until=format_date(credential.valid_until) if credential.valid_until else "",
        credential_id=credential.credential_id,
        page_url=public_url(credential.public_id),
        badge_image=data_uri(badge_art(document).png, "image/png"),
        logo=data_uri(bytes(logo), logo_type) if logo and logo_type else "",
        details=details_of(document, micro_credential=EXTENSION_KEY in achievement),
        is_micro_credential=EXTENSION_KEY in achievement,
    )


def details_of(document: Mapping[str, Any], *, micro_credential: bool) -> list[ShownFact]:
    """The EU elements (and grade, skills) the signed credential carries, in this language.

    The awarding body's country is an EU element; on other certificates it is just noise.
    """
    hidden = {_(label) for label in _SHOWN_ELSEWHERE}
    if not micro_credential:
        hidden.add(_("Country"))
    return [row for row in eu_rows(document) or [] if row.label not in hidden]


def format_date(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def _achievement(document: Mapping[str, Any]) -> Mapping[str, Any]:
    subject = document.get("credentialSubject")
    if isinstance(subject, list):
        subject = subject[0] if subject else None
    found = subject.get("achievement") if isinstance(subject, Mapping) else None
    return found if isinstance(found, Mapping) else {}


def _subject_name(document: Mapping[str, Any]) -> str:
    subject = document.get("credentialSubject")
    if isinstance(subject, list):
        subject = subject[0] if subject else None
    return _text(subject.get("name")) if isinstance(subject, Mapping) else ""


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
