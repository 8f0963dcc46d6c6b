"""Editing the issuer profile and its logo (sanitized, size-capped)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from microcred.web.organizations.logos import MAX_LOGO_BYTES, LogoError, clean_logo
from microcred.web.organizations.models import Role

pytestmark = pytest.mark.django_db

HOSTILE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">'
    b'<script>alert(2)</script><rect width="10" height="10" fill="red"/></svg>'
)


def png(width: int = 8, height: int = 8) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGBA", (width, height), (11, 92, 173, 255))
    image.save(out, format="PNG", pnginfo=_text_chunk())
    return out.getvalue()


def _text_chunk():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "private note")
    return info


def profile_data(**changes: str) -> dict[str, str]:
    data = {
        "name": "Akademie Beispiel",
        "country": "DE",
        "region": "",
        "url": "",
        "email": "",
        "description": "",
    }
    return {**data, **changes}


def test_admins_save_the_profile_and_it_is_logged(login, make_organization) -> None:
    organization = make_organization()
    owner = organization.memberships.get().user
    client = login(owner)
    url = reverse("organizations:settings", args=[organization.slug])
    response = client.post(url, profile_data(name="Akademie Süd", region="Bayern"))
    assert response.status_code == 302
    organization.refresh_from_db()
    assert (organization.name, organization.region) == ("Akademie Süd", "Bayern")
    assert organization.audit_events.filter(action="organization.updated").exists()


def test_issuers_and_viewers_cannot_edit_the_profile(
    login, make_user, make_organization, add_member
) -> None:
    organization = make_organization()
    for role in (Role.ISSUER, Role.VIEWER):
        person = make_user()
        add_member(organization, person, role)
        client = login(person)
        assert (
            client.get(reverse("organizations:settings", args=[organization.slug])).status_code
            == 403
        )


def test_it_stores_an_svg_logo_sanitized_and_serves_it_sandboxed(
    login, make_organization, client
) -> None:
    organization = make_organization()
    login(organization.memberships.get().user)
    upload = SimpleUploadedFile("logo.svg", HOSTILE_SVG, content_type="image/svg+xml")
    url = reverse("organizations:settings", args=[organization.slug])
    assert client.post(url, {**profile_data(), "logo_file": upload}).status_code == 302
    organization.refresh_from_db()
    stored = bytes(organization.logo)
    assert b"script" not in stored and b"onload" not in stored and b"<rect" in stored
    client.logout()
    served = client.get(reverse("organizations:logo", args=[organization.slug]))
    assert served["Content-Type"] == "image/svg+xml"
    assert "sandbox" in served["Content-Security-Policy"]
    assert served.content == stored


def test_it_reencodes_a_png_logo_without_its_text_chunks(login, make_organization, client) -> None:
    organization = make_organization()
    login(organization.memberships.get().user)
    upload = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    client.post(
        reverse("organizations:settings", args=[organization.slug]),
        {**profile_data(), "logo_file": upload},
    )
    organization.refresh_from_db()
    assert bytes(organization.logo).startswith(b"\x89PNG")
    assert b"private note" not in bytes(organization.logo)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a" + b"\0" * 20, "The logo must be a PNG or SVG image."),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "The PNG file is damaged"),
        (b"<svg" + b" " * (MAX_LOGO_BYTES + 1), "larger than 512 KB"),
    ],
)
def test_it_refuses_unusable_logos_with_a_reason_and_keeps_the_other_fields(
    login, make_organization, content: bytes, message: str
) -> None:
    organization = make_organization()
    client = login(organization.memberships.get().user)
    upload = SimpleUploadedFile("logo", content)
    response = client.post(
        reverse("organizations:settings", args=[organization.slug]),
        {**profile_data(region="Sachsen"), "logo_file": upload},
    )
    assert response.status_code == 200
    assert message in response.text
    assert 'value="Sachsen"' in response.text
    organization.refresh_from_db()
    assert organization.logo is None


def test_it_refuses_a_huge_png_canvas() -> None:
    with pytest.raises(LogoError, match="pixels"):
        clean_logo(png(4000, 10))


def test_a_missing_logo_is_not_found(client, make_organization) -> None:
    organization = make_organization()
    assert client.get(reverse("organizations:logo", args=[organization.slug])).status_code == 404


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2048))
def test_any_upload_becomes_a_clean_logo_or_a_clear_refusal(data: bytes) -> None:
    try:
        cleaned, content_type = clean_logo(data)
    except LogoError as error:
        assert str(error)
    else:
        assert content_type in {"image/png", "image/svg+xml"}
        assert b"<script" not in cleaned


def test_the_logo_hint_is_in_the_pages_language(login, make_organization) -> None:
    organization = make_organization()
    client = login(organization.memberships.get().user)
    url = reverse("organizations:settings", args=[organization.slug])

    german = client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f"PNG oder SVG, höchstens {MAX_LOGO_BYTES // 1024} KB." in german
    assert f"PNG or SVG, at most {MAX_LOGO_BYTES // 1024} KB." in english
