"""/o/<org>/certificate/: admins set colours, the signature line and a footer, and preview."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from microcred.web.certificates.models import CertificateDesign
from tests.web.certificates.conftest import read_pdf

pytestmark = pytest.mark.django_db

VALID = {
    "primary_colour": "#1f3a5f",
    "accent_colour": "#9a7b2f",
    "signature_name": "Dr. Anna Beispiel",
    "signature_title": "Leiterin der Akademie",
    "footer_text": "Akademie Beispiel e.V. · Musterstraße 1 · 10115 Berlin",
}


def png(width: int = 300, height: int = 100, kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 20, 80)).save(out, format=kind)
    return out.getvalue()


@pytest.fixture
def admin(make_user):
    return make_user()


@pytest.fixture
def organization(make_organization, admin):
    return make_organization("Akademie Beispiel", owner=admin)


def url(organization, suffix: str = "") -> str:
    return f"/o/{organization.slug}/certificate/{suffix}"


def test_the_page_shows_the_form_and_the_preview_links(login, admin, organization) -> None:
    response = login(admin).get(url(organization))

    assert response.status_code == 200
    assert 'type="color"' in response.text
    assert f"/o/{organization.slug}/certificate/preview.pdf?lang=de" in response.text
    assert "/certificate/" in response.text  # the organization menu links it


def test_saving_puts_it_on_every_certificate(login, admin, organization) -> None:
    client = login(admin)
    upload = SimpleUploadedFile("signature.jpg", png(2000, 600, "JPEG"), "image/jpeg")

    response = client.post(url(organization), {**VALID, "signature_file": upload})

    assert response.status_code == 302
    design = CertificateDesign.objects.get(organization=organization)
    assert design.signature_name == "Dr. Anna Beispiel"
    stored = Image.open(io.BytesIO(bytes(design.signature_image)))
    assert stored.format == "PNG"
    assert stored.size[0] <= 900 and stored.size[1] <= 270
    preview = client.get(url(organization, "preview.pdf"), {"lang": "de"})
    assert preview.status_code == 200
    text = read_pdf(preview.content).text
    assert "Dr. Anna Beispiel" in text
    assert "Musterstraße 1" in text
    assert "ZERTIFIKAT" in text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("primary_colour", "blue", "six hexadecimal digits"),
        ("primary_colour", "#12345", "six hexadecimal digits"),
        ("primary_colour", "#ffd700", "too light"),
        ("accent_colour", "#f0f0f0", "too light"),
    ],
)
def test_a_bad_or_pale_colour_is_refused_and_nothing_is_saved(
    login, admin, organization, field, value, message
) -> None:
    response = login(admin).post(url(organization), {**VALID, field: value})

    assert response.status_code == 200
    assert message in response.text
    assert not CertificateDesign.objects.filter(organization=organization).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a" + b"\x00" * 100, "not a readable PNG or JPEG"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a readable PNG or JPEG"),
        (png(4100, 10), "at most 4000×4000 fit"),
        (b"\x89PNG" + b"\x00" * (1024 * 1024 + 1), "larger than 1024 KB"),
    ],
)
def test_an_unusable_signature_image_is_refused_and_nothing_is_saved(
    login, admin, organization, data, message
) -> None:
    upload = SimpleUploadedFile("signature.png", data, "image/png")

    response = login(admin).post(url(organization), {**VALID, "signature_file": upload})

    assert response.status_code == 200
    assert message in response.text
    assert not CertificateDesign.objects.filter(organization=organization).exists()


def test_a_gif_is_refused_even_when_pillow_reads_it(login, admin, organization) -> None:
    upload = SimpleUploadedFile("signature.gif", png(kind="GIF"), "image/gif")

    response = login(admin).post(url(organization), {**VALID, "signature_file": upload})

    assert "must be a PNG or JPEG" in response.text
    assert not CertificateDesign.objects.exists()


def test_the_page_is_german_for_german_readers(login, admin, organization) -> None:
    response = login(admin).get(url(organization), headers={"accept-language": "de"})

    assert "Gestaltung der Zertifikate" in response.text


def test_other_organizations_see_nothing_and_members_below_admin_cannot_change_it(
    login, make_user, make_organization, add_member, organization
) -> None:
    stranger = make_user()
    make_organization("Andere Akademie", owner=stranger)
    issuer = make_user()
    add_member(organization, issuer, "issuer")

    client = login(stranger)
    assert client.get(url(organization)).status_code == 404
    assert client.post(url(organization), VALID).status_code == 404
    assert client.get(url(organization, "preview.pdf")).status_code == 404
    client = login(issuer)
    assert client.get(url(organization)).status_code == 403
    assert client.post(url(organization), VALID).status_code == 403
    assert not CertificateDesign.objects.exists()


def test_the_preview_without_credentials_is_a_sample(login, admin, organization) -> None:
    response = login(admin).get(url(organization, "preview.pdf"), {"lang": "en"})

    assert response["Content-Type"] == "application/pdf"
    pdf = read_pdf(response.content)
    assert pdf.pages == 1
    assert "Sample achievement" in pdf.text
    assert "Akademie Beispiel" in pdf.text
