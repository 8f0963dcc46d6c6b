"""Badge images: uploads are capped and cleaned; every version is served unchanged."""

from __future__ import annotations

import io
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from microcred.web.achievements.images import (
    MAX_IMAGE_BYTES,
    MAX_IMAGE_PIXELS,
    BadgeImageError,
    clean_upload,
)
from microcred.web.achievements.models import Achievement
from tests.web.achievements.conftest import design_data

HOSTILE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'width="10" height="10" onload="alert(1)">'
    b"<script>alert(2)</script>"
    b'<a href="javascript:alert(3)"><rect width="10" height="10" fill="red"/></a>'
    b'<image xlink:href="https://tracker.example/pixel.png" width="1" height="1"/>'
    b'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'
    b"</svg>"
)


def png(width: int = 8, height: int = 8, **text: str) -> bytes:
    info = PngInfo()
    for key, value in text.items():
        info.add_text(key, value)
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (11, 92, 173, 255)).save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def huge_png(width: int, height: int) -> bytes:
    """A tiny file claiming a huge image (a decompression bomb's header)."""
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


# --- the cleaner itself ----------------------------------------------------------------------


def test_an_svg_loses_scripts_handlers_and_outside_references():
    cleaned, content_type, png_rendition = clean_upload(HOSTILE_SVG)
    assert content_type == "image/svg+xml"
    assert png_rendition is None
    lowered = cleaned.lower()
    for bad in (b"<script", b"onload", b"javascript:", b"tracker.example", b"foreignobject"):
        assert bad not in lowered, bad
    assert b"<rect" in cleaned


def test_a_png_is_re_encoded_without_its_text_chunks():
    cleaned, content_type, png_rendition = clean_upload(png(Comment="private note"))
    assert content_type == "image/png"
    assert png_rendition == cleaned
    assert b"private note" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (8, 8)


def test_an_old_baked_credential_in_a_png_is_dropped():
    cleaned, _type, _png = clean_upload(png(openbadgecredential='{"id": "old"}'))
    assert b"openbadgecredential" not in cleaned


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a" + b"\x00" * 20, "PNG or SVG"),
        (b"%PDF-1.7\n", "PNG or SVG"),
        (b"", "PNG or SVG"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "damaged"),
        (huge_png(MAX_IMAGE_PIXELS + 1, 10), "at most 2048×2048"),
        (huge_png(60_000, 60_000), "pixels"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><unclosed", "SVG image cannot be used"),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
            b'<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
            "SVG image cannot be used",
        ),
    ],
)
def test_it_refuses_what_is_not_a_usable_image(data, message):
    with pytest.raises(BadgeImageError, match=message):
        clean_upload(data)


def test_it_refuses_a_file_over_the_cap_before_reading_it():
    with pytest.raises(BadgeImageError, match="larger than 512 KB"):
        clean_upload(b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_IMAGE_BYTES)


@given(st.binary(max_size=300))
def test_any_bytes_are_cleaned_or_refused_with_a_reason(data):
    try:
        clean_upload(data)
    except BadgeImageError as error:
        assert str(error)


@given(st.binary(max_size=200))
def test_any_bytes_after_a_png_signature_are_cleaned_or_refused(data):
    try:
        clean_upload(b"\x89PNG\r\n\x1a\n" + data)
    except BadgeImageError as error:
        assert str(error)


# --- through the form -------------------------------------------------------------------------


pytestmark_db = pytest.mark.django_db


@pytestmark_db
def test_an_uploaded_svg_is_stored_sanitized_and_served_sandboxed(login, academy) -> None:
    client = login(academy.issuer.user)
    upload = SimpleUploadedFile("badge.svg", HOSTILE_SVG, content_type="image/svg+xml")
    response = client.post(
        reverse("achievements:create", args=[academy.slug]),
        design_data(**{"image-source": "upload", "image-upload": upload}),
    )
    assert response.status_code == 302
    badge = Achievement.objects.get()
    assert b"<script" not in bytes(badge.image.data)
    assert badge.image.png is None
    url = reverse(
        "achievements:image", args=[academy.slug, badge.public_id, badge.image.version, "svg"]
    )
    served = client.get(url)
    assert served["Content-Type"] == "image/svg+xml"
    assert "sandbox" in served["Content-Security-Policy"]
    assert served["Cache-Control"] == "public, max-age=31536000, immutable"
    assert served["X-Content-Type-Options"] == "nosniff"
    png_url = reverse(
        "achievements:image", args=[academy.slug, badge.public_id, badge.image.version, "png"]
    )
    assert client.get(png_url).status_code == 404


@pytestmark_db
def test_an_uploaded_png_is_served_as_png_only(login, academy) -> None:
    client = login(academy.issuer.user)
    upload = SimpleUploadedFile("badge.png", png(64, 64), content_type="image/png")
    client.post(
        reverse("achievements:create", args=[academy.slug]),
        design_data(**{"image-source": "upload", "image-upload": upload}),
    )
    badge = Achievement.objects.get()
    args = [academy.slug, badge.public_id, badge.image.version]
    assert client.get(reverse("achievements:image", args=[*args, "png"])).status_code == 200
    assert client.get(reverse("achievements:image", args=[*args, "svg"])).status_code == 404


@pytestmark_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not an image at all", "must be a PNG or SVG file"),
        (huge_png(5000, 5000), "5000×5000 pixels"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * (MAX_IMAGE_BYTES + 10), "larger than 512 KB"),
    ],
)
def test_a_bad_upload_is_refused_and_the_rest_kept(login, academy, content, message) -> None:
    client = login(academy.issuer.user)
    upload = SimpleUploadedFile("badge.png", content, content_type="image/png")
    response = client.post(
        reverse("achievements:create", args=[academy.slug]),
        design_data(**{"image-source": "upload", "image-upload": upload}),
    )
    assert response.status_code == 200
    assert message in response.text
    assert 'value="Agiles Projektmanagement"' in response.text
    assert not Achievement.objects.exists()


@pytestmark_db
def test_images_of_unknown_versions_or_other_badges_are_404(client, academy, make_badge) -> None:
    badge = make_badge(academy)
    other = make_badge(academy, name="Andere")
    bad = [
        [academy.slug, badge.public_id, "0" * 12, "svg"],
        [academy.slug, other.public_id, badge.image.version, "svg"],
        ["andere-akademie", badge.public_id, badge.image.version, "svg"],
    ]
    assert other.image.version != badge.image.version
    for args in bad:
        assert client.get(reverse("achievements:image", args=args)).status_code == 404


@pytestmark_db
def test_saving_the_same_design_again_reuses_the_stored_version(login, academy) -> None:
    client = login(academy.issuer.user)
    client.post(reverse("achievements:create", args=[academy.slug]), design_data())
    badge = Achievement.objects.get()
    first = badge.image
    client.post(reverse("achievements:edit", args=[academy.slug, badge.public_id]), design_data())
    badge.refresh_from_db()
    assert badge.image == first
    assert badge.images.count() == 1
