"""Every layout case stays one page: short and long names, with and without logo, EU
elements and a signature, in German and English. MICROCRED_SCREENSHOTS=<folder> saves each
as a PNG to look at."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from microcred.web.certificates.models import CertificateDesign
from tests.web.certificates.conftest import (
    EU_ELEMENTS,
    LONG_ACHIEVEMENT,
    LONG_NAME,
    issue_from_badge,
    read_pdf,
    render_png,
)
from tests.web.credentials.helpers import designed_badge

pytestmark = pytest.mark.django_db


def logo() -> bytes:
    image = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 230, 230), fill=(196, 30, 58, 255))
    draw.rectangle((80, 70, 160, 170), fill=(255, 255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def signature() -> bytes:
    image = Image.new("RGBA", (600, 180), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.line(
        [(20, 140), (120, 40), (200, 150), (300, 60), (420, 130), (560, 70)],
        fill=(20, 30, 90, 255),
        width=6,
    )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("case", ["plain", "long-eu-logo", "long-no-eu-logo-signature"])
def test_it_stays_one_page(client, make_organization, case: str, language: str) -> None:
    organization = make_organization("Akademie für Datenkompetenz Rhein-Main")
    if "logo" in case:
        organization.set_logo(logo(), "image/png")
        organization.save()
    if "signature" in case:
        design = CertificateDesign(
            organization=organization,
            primary_colour="#7a1f2b",
            accent_colour="#7a1f2b",
            signature_name="Prof. Dr. Anna Beispiel",
            signature_title="Leiterin der Akademie",
            footer_text="Akademie für Datenkompetenz e.V. · Musterstraße 1 · 60311 Frankfurt",
        )
        design.set_signature_image(signature())
        design.save()
    if case == "plain":
        badge = designed_badge(organization, name="Datenanalyse mit Python")
        name = "Erika Mustermann"
    else:
        values = EU_ELEMENTS if "-eu" in case and "no-eu" not in case else {}
        badge = designed_badge(
            organization,
            name=LONG_ACHIEVEMENT,
            image=False,
            description=(
                "Die Teilnehmenden lernen, Daten verantwortungsvoll zu erheben, zu bereinigen und "
                "auszuwerten, und berichten ihre Ergebnisse so, dass Entscheider sie verstehen. "
            )
            * 3,
            expiry_months=36,
            **values,
        )
        name = LONG_NAME
    credential = issue_from_badge(badge, name, result="1,3" if "eu" in case else "")

    response = client.get(f"/c/{credential.public_id}/certificate.pdf", {"lang": language})

    pdf = read_pdf(response.content)
    assert pdf.pages == 1
    assert name in pdf.text
    folder = os.environ.get("MICROCRED_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        render_png(response.content, scale=1.6).save(
            Path(folder) / f"certificate-{case}-{language}.png"
        )
