"""/c/<id>/certificate.pdf: one A4 landscape page that names the holder and links back."""

from __future__ import annotations

import pytest

from microcred.web.credentials.addresses import public_url
from microcred.web.engagement.models import Event
from tests.web.certificates.conftest import (
    EU_ELEMENTS,
    LONG_ACHIEVEMENT,
    LONG_NAME,
    issue_from_badge,
    qr_codes,
    read_pdf,
)
from tests.web.credentials.helpers import designed_badge, issue_sample

pytestmark = pytest.mark.django_db

A4_LANDSCAPE = (841.89, 595.28)  # points


def download(client, credential, **params):
    return client.get(f"/c/{credential.public_id}/certificate.pdf", params)


def test_it_is_one_a4_landscape_page_naming_holder_achievement_and_credential(
    client, credential
) -> None:
    response = download(client, credential)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = read_pdf(response.content)
    assert pdf.pages == 1
    assert (round(pdf.width_pt, 2), round(pdf.height_pt, 2)) == A4_LANDSCAPE
    assert LONG_NAME in pdf.text
    assert "Datenanalyse mit Python" in pdf.text
    assert "Akademie für Datenkompetenz" in pdf.text
    assert credential.credential_id in pdf.text.replace(" ", "")


def test_its_qr_code_decodes_to_the_public_page(client, credential) -> None:
    response = download(client, credential)

    assert qr_codes(response.content) == [public_url(credential.public_id)]
    assert public_url(credential.public_id) in read_pdf(response.content).text.replace(" ", "")


def test_it_speaks_the_badge_language_unless_asked_for_another(client, organization) -> None:
    german = issue_from_badge(designed_badge(organization, name="Badge DE", language="de"))
    english = issue_from_badge(designed_badge(organization, name="Badge EN", language="en"))

    german_text = read_pdf(download(client, german).content).text
    english_text = read_pdf(download(client, english).content).text
    asked_text = read_pdf(download(client, german, lang="en").content).text

    assert "ZERTIFIKAT" in german_text
    assert "Ausgestellt am" in german_text or "AUSGESTELLT AM" in german_text
    assert "5. März 2026" in german_text
    assert "CERTIFICATE" in english_text
    assert "March 5, 2026" in english_text
    assert "CERTIFICATE" in asked_text
    assert download(client, german, lang="en")["Content-Language"] == "en"


def test_without_a_designed_badge_it_follows_the_reader_language(client, organization) -> None:
    credential = issue_sample(organization)

    response = client.get(
        f"/c/{credential.public_id}/certificate.pdf", headers={"accept-language": "de"}
    )

    assert "ZERTIFIKAT" in read_pdf(response.content).text
    assert "Accept-Language" in response["Vary"]


def test_long_names_with_umlauts_still_fit_on_one_page(client, organization) -> None:
    badge = designed_badge(
        organization,
        name=LONG_ACHIEVEMENT,
        image=False,  # the artwork takes shorter titles
        description="Daten laden, bereinigen, auswerten und verständlich berichten. " * 40,
        **EU_ELEMENTS,
    )
    credential = issue_from_badge(badge, LONG_NAME + " von Hohenzollern-Sigmaringen")

    pdf = read_pdf(download(client, credential).content)

    assert pdf.pages == 1
    assert LONG_NAME + " von Hohenzollern-Sigmaringen" in pdf.text
    assert LONG_ACHIEVEMENT in pdf.text


def test_it_shows_the_eu_elements_the_signed_credential_carries(client, organization) -> None:
    badge = designed_badge(organization, name="EU-Badge", **EU_ELEMENTS)
    credential = issue_from_badge(badge, result="1,3")

    text = read_pdf(download(client, credential, lang="en").content).text

    assert "has earned the micro-credential" in text
    assert "LEARNING OUTCOMES" in text
    assert "Wertet Daten explorativ aus" in text
    assert "50 hours" in text
    assert "EQF LEVEL" in text
    assert "Abschlussprojekt mit Präsentation" in text
    assert "1,3" in text


def test_it_shows_the_expiry_date_when_there_is_one(client, organization) -> None:
    badge = designed_badge(organization, name="Ablaufend", expiry_months=24)
    credential = issue_from_badge(badge)

    text = read_pdf(download(client, credential, lang="en").content).text

    assert "VALID UNTIL" in text
    assert "March 5, 2028" in text


def test_it_is_an_attachment_with_a_slug_name_and_revalidated_by_etag(client, credential) -> None:
    first = download(client, credential)

    assert first["Content-Disposition"] == (
        'attachment; filename="datenanalyse-mit-python-certificate.pdf"'
    )
    assert first["Cache-Control"] == "no-cache"
    again = client.get(
        f"/c/{credential.public_id}/certificate.pdf", headers={"if-none-match": first["ETag"]}
    )
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert download(client, credential, lang="en")["ETag"] != first["ETag"]


def test_each_download_is_counted_but_not_a_revalidation(client, credential) -> None:
    first = download(client, credential)
    download(client, credential)
    client.get(
        f"/c/{credential.public_id}/certificate.pdf", headers={"if-none-match": first["ETag"]}
    )

    events = Event.objects.filter(credential=credential, kind="downloaded", channel="pdf")
    assert events.count() == 2


def test_the_organization_logo_is_on_the_certificate(client, organization, badge) -> None:
    import io

    from PIL import Image

    logo = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 30, 30)).save(logo, format="PNG")
    organization.set_logo(logo.getvalue(), "image/png")
    organization.save()
    credential = issue_from_badge(badge)

    from tests.web.certificates.conftest import render_png

    image = render_png(download(client, credential).content, scale=1.0).convert("RGB")
    red = sum(
        1
        for pixel in image.get_flattened_data()
        if pixel[0] > 180 and pixel[1] < 60 and pixel[2] < 60
    )
    assert red > 100


def test_an_unknown_credential_is_not_found(client) -> None:
    response = client.get("/c/00000000-0000-4000-8000-000000000000/certificate.pdf")

    assert response.status_code == 404
