"""WeasyPrint fetches nothing: only data: URIs and the shipped fonts reach the renderer."""

from __future__ import annotations

import socket

import pytest

from microcred.web.certificates.content import content_for
from microcred.web.certificates.fetcher import LocalOnlyFetcher, RefusedURL
from microcred.web.certificates.models import CertificateDesign
from microcred.web.certificates.rendering import render_certificate
from microcred.web.fonts import REGULAR
from tests.web.certificates.conftest import read_pdf
from tests.web.credentials.helpers import sample_achievement

pytestmark = pytest.mark.django_db

ELSEWHERE = "http://example.invalid/badge.png"


@pytest.fixture
def no_sockets(monkeypatch):
    """Any attempt to reach a host is recorded and fails (the database driver is C code)."""
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("the certificate renderer must not use the network")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


def test_a_badge_image_elsewhere_is_neither_fetched_nor_missed(
    client, make_organization, no_sockets
) -> None:
    from microcred.openbadges.award import Recipient, award
    from microcred.web.credentials.addresses import credential_id_for, new_public_id
    from microcred.web.credentials.issuer import issuer_profile
    from microcred.web.credentials.issuing import issue_credential

    organization = make_organization()
    public_id = new_public_id()
    document = award(
        sample_achievement(),
        issuer_profile(organization),
        Recipient(email="a@example.org", name="Jürgen Müller"),
        credential_id=credential_id_for(public_id),
    ).to_json()
    document["credentialSubject"]["achievement"]["image"] = {"id": ELSEWHERE, "type": "Image"}
    credential = issue_credential(
        organization,
        document,
        actor=None,
        recipient_name="Jürgen Müller",
        public_id=public_id,
    )
    assert ELSEWHERE in credential.signed_text

    response = client.get(f"/c/{credential.public_id}/certificate.pdf")

    assert response.status_code == 200
    assert "Jürgen Müller" in read_pdf(response.content).text
    assert no_sockets == []


def test_references_that_slip_into_the_page_are_refused(make_organization, no_sockets) -> None:
    from tests.web.credentials.helpers import issue_sample

    organization = make_organization()
    credential = issue_sample(organization)
    # A logo is sanitized on upload; this one is not, to show the renderer's own guard.
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'width="10" height="10"><image xlink:href="' + ELSEWHERE.encode() + b'" '
        b'width="10" height="10"/></svg>'
    )
    fetcher = LocalOnlyFetcher()

    content = content_for(credential, svg, "image/svg+xml", show_name=True)
    pdf = render_certificate(content, CertificateDesign(), "en", fetcher=fetcher)

    assert read_pdf(pdf).pages == 1
    assert ELSEWHERE in fetcher.refused
    assert no_sockets == []


def test_the_fetcher_serves_data_and_the_fonts_only() -> None:
    fetcher = LocalOnlyFetcher()

    assert fetcher.fetch("data:text/plain;base64,SGFsbG8=").read() == b"Hallo"
    assert fetcher.fetch(REGULAR.as_uri()).read()[:4] == b"\x00\x01\x00\x00"
    for url in (ELSEWHERE, "https://example.org/x.css", "file:///etc/passwd"):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    assert fetcher.refused == [ELSEWHERE, "https://example.org/x.css", "file:///etc/passwd"]
