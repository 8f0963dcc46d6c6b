"""/verify: a link, a pasted credential or an image in, a plain-language verdict out."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.web.credentials import revocation
from microcred.web.verify.forms import MAX_UPLOAD_BYTES
from microcred.web.verify.views import VERIFY_LIMIT
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    VERIFY_LIMIT.reset("127.0.0.1")
    yield
    VERIFY_LIMIT.reset("127.0.0.1")


@pytest.fixture
def credential(make_organization):
    return issue_sample(make_organization())


def upload(name: str, data: bytes, content_type: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def baked_png(client, credential) -> bytes:
    return client.get(f"/c/{credential.public_id}/badge.png").content


def test_the_page_invites_a_link_text_or_image(client) -> None:
    response = client.get("/verify")
    assert response.status_code == 200
    assert "<h1>Verify a badge</h1>" in response.text
    assert 'name="text"' in response.text and 'name="image"' in response.text


def test_a_baked_png_verifies(client, credential) -> None:
    response = client.post("/verify", {"image": upload("badge.png", baked_png(client, credential))})
    assert response.status_code == 200
    assert "verdict-valid" in response.text
    assert "Datenanalyse mit Python" in response.text
    assert "The signature is valid" in response.text


def test_a_baked_svg_verifies(client, credential) -> None:
    svg = client.get(f"/c/{credential.public_id}/badge.svg").content
    response = client.post("/verify", {"image": upload("b.svg", svg, "image/svg+xml")})
    assert "verdict-valid" in response.text


def test_a_tampered_json_is_invalid_and_says_why(client, credential) -> None:
    document = json.loads(credential.signed_text)
    document["credentialSubject"]["achievement"]["name"] = "Doktor der Informatik"
    response = client.post("/verify", {"text": json.dumps(document)})
    assert "verdict-invalid" in response.text
    assert "Not valid" in response.text
    assert "check-failed" in response.text


def test_a_link_to_this_instance_verifies_without_the_network(client, credential) -> None:
    response = client.post("/verify", {"text": f"http://testserver/c/{credential.public_id}"})
    assert "verdict-valid" in response.text


def test_a_revoked_badge_is_reported_revoked(client, credential) -> None:
    revocation.revoke(credential, actor=None, reason="x")
    response = client.post("/verify", {"image": upload("b.png", baked_png(client, credential))})
    assert "verdict-invalid" in response.text
    assert "The credential has been revoked by its issuer." in response.text


def test_the_recipient_can_be_confirmed(client, credential) -> None:
    response = client.post(
        "/verify",
        {"text": credential.signed_text, "recipient": "erika.mustermann@example.org"},
    )
    assert "verdict-valid" in response.text
    assert "check-passed" in response.text and "e-mail" in response.text.lower()


def test_the_report_comes_in_german(client, credential) -> None:
    response = client.post(
        "/verify", {"text": credential.signed_text}, HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9"
    )
    assert "Gültig" in response.text
    assert "Die Signatur ist gültig" in response.text


def test_foreign_private_addresses_are_never_fetched(client) -> None:
    response = client.post("/verify", {"text": "http://127.0.0.1:8000/admin"})
    assert response.status_code == 200
    assert "verdict-indeterminate" in response.text


def test_nothing_given_is_a_clear_error(client) -> None:
    response = client.post("/verify", {"text": "  "})
    assert response.status_code == 200
    assert "Paste a link or a credential, or choose a badge image" in response.text


def test_text_and_image_together_are_refused(client, credential) -> None:
    response = client.post(
        "/verify",
        {"text": "https://x.example/b", "image": upload("b.png", baked_png(client, credential))},
    )
    assert response.status_code == 200
    assert "not both" in response.text
    assert "https://x.example/b" in response.text  # what was typed is kept


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.txt", b"hello, this is not an image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 100),
        ("anim.gif", b"GIF89a" + b"\0" * 100),
    ],
)
def test_files_that_are_not_png_or_svg_are_refused(client, name: str, data: bytes) -> None:
    response = client.post("/verify", {"image": upload(name, data, "application/octet-stream")})
    assert response.status_code == 200
    assert "This file is not a PNG or SVG image." in response.text


def test_an_oversized_upload_is_refused_before_it_is_kept(client) -> None:
    data = b"\x89PNG\r\n\x1a\n" + b"\0" * (MAX_UPLOAD_BYTES + 1)
    response = client.post("/verify", {"image": upload("big.png", data)})
    assert response.status_code == 200
    assert "The image is larger than 5 MB." in response.text


def test_a_hostile_svg_is_reported_not_run(client) -> None:
    svg = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>&x;</svg>'
    )
    response = client.post("/verify", {"image": upload("evil.svg", svg, "image/svg+xml")})
    assert response.status_code == 200
    assert "verdict-invalid" in response.text or "verdict-indeterminate" in response.text
    assert "root:" not in response.text and "<script>alert" not in response.text


def test_a_broken_png_is_reported_not_crashed(client) -> None:
    data = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + b"garbage" * 10
    response = client.post("/verify", {"image": upload("broken.png", data)})
    assert response.status_code == 200
    assert "verdict-invalid" in response.text


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=300).filter(lambda value: value.strip()))
def test_any_pasted_text_gets_a_report_never_an_error_page(client, text: str) -> None:
    VERIFY_LIMIT.reset("127.0.0.1")
    response = client.post("/verify", {"text": text})
    assert response.status_code == 200
    assert "verdict-" in response.text or "errorlist" in response.text


def test_deeply_nested_json_is_refused_cleanly(client) -> None:
    response = client.post("/verify", {"text": "[" * 5000 + "]" * 5000})
    assert response.status_code == 200
    assert "verdict-invalid" in response.text


def test_verifying_is_rate_limited(client) -> None:
    for _ in range(VERIFY_LIMIT.limit):
        assert client.post("/verify", {"text": ""}).status_code == 200
    response = client.post("/verify", {"text": ""})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_the_form_needs_its_csrf_token() -> None:
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/verify", {"text": "x"})
    assert response.status_code == 403
