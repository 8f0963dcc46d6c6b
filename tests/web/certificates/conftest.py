"""Certificates in tests: real credentials, and the PDF read back as text and as pixels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pypdfium2
import pytest
import zxingcpp

from tests.web.credentials.helpers import designed_badge

LONG_NAME = "Jürgen Müller-Lüdenscheidt"
# 120 characters, as long as the designer allows names to be in practice.
LONG_ACHIEVEMENT = (
    "Zertifizierte Fachkraft für nachhaltiges Datenmanagement und künstliche Intelligenz "
    "in der öffentlichen Verwaltung (Stufe II)"
)
EU_ELEMENTS: dict[str, Any] = {
    "learning_outcomes": [
        "Lädt Daten aus Dateien und Datenbanken und bereinigt sie reproduzierbar.",
        "Wertet Daten explorativ aus und visualisiert Ergebnisse verständlich.",
        "Berichtet Ergebnisse für Fachleute und Entscheider.",
    ],
    "workload_hours": 50,
    "ects": 2,
    "eqf_level": 5,
    "assessment_type": "Abschlussprojekt mit Präsentation",
    "participation_form": "online",
    "quality_assurance": "Interne Qualitätssicherung nach ISO 29993",
}


@dataclass(frozen=True)
class ReadPdf:
    pages: int
    width_pt: float
    height_pt: float
    text: str  # whitespace collapsed, so wrapped lines read as one

    def png(self, pdf: bytes, scale: float = 3.0) -> Any:
        document = pypdfium2.PdfDocument(pdf)
        return document[0].render(scale=scale).to_pil()


def read_pdf(pdf: bytes) -> ReadPdf:
    assert pdf.startswith(b"%PDF-")
    document = pypdfium2.PdfDocument(pdf)
    first = document[0]
    width, height = first.get_size()
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    return ReadPdf(len(document), width, height, re.sub(r"\s+", " ", text).strip())


def render_png(pdf: bytes, scale: float = 3.0) -> Any:
    return pypdfium2.PdfDocument(pdf)[0].render(scale=scale).to_pil()


def qr_codes(pdf: bytes) -> list[str]:
    """The text of every QR code a real decoder finds on the rendered first page."""
    image = render_png(pdf).convert("L")
    return [found.text for found in zxingcpp.read_barcodes(image) if found.valid]


def issue_from_badge(badge: Any, name: str = "Erika Mustermann", **award: Any) -> Any:
    """A credential for ``badge`` the way the issue form makes it."""
    from microcred.web.credentials.addresses import new_public_id
    from microcred.web.credentials.awarding import Award, credential_document
    from microcred.web.credentials.issuing import issue_credential

    awarded = Award(
        recipient_name=name,
        recipient_email="recipient@example.org",
        issue_date=award.pop("issue_date", date(2026, 3, 5)),
        **award,
    )
    public_id = new_public_id()
    return issue_credential(
        badge.organization,
        credential_document(badge, awarded, public_id),
        actor=None,
        recipient_email=awarded.recipient_email,
        recipient_name=name,
        achievement=badge,
        public_id=public_id,
    )


@pytest.fixture
def organization(make_organization):
    return make_organization("Akademie für Datenkompetenz")


@pytest.fixture
def badge(organization):
    return designed_badge(organization, name="Datenanalyse mit Python", language="de")


@pytest.fixture
def credential(badge):
    return issue_from_badge(badge, LONG_NAME)
