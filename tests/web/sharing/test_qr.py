"""/c/<id>/qr.svg and qr.png: a QR code a phone reads as the public page's address."""

from __future__ import annotations

import base64
import io

import pypdfium2
import pytest
import weasyprint
import zxingcpp
from PIL import Image

from microcred.web.credentials.addresses import public_url

pytestmark = pytest.mark.django_db


def decode(png: bytes) -> list[str]:
    with Image.open(io.BytesIO(png)) as image:
        return [found.text for found in zxingcpp.read_barcodes(image.convert("L"))]


def test_the_png_decodes_to_the_public_page(client, credential) -> None:
    response = client.get(f"/c/{credential.public_id}/qr.png")

    assert response["Content-Type"] == "image/png"
    assert decode(response.content) == [public_url(credential.public_id)]


def test_the_svg_decodes_to_the_public_page(client, credential) -> None:
    response = client.get(f"/c/{credential.public_id}/qr.svg")
    assert response["Content-Type"] == "image/svg+xml"

    # Drawn by a real SVG renderer (WeasyPrint to PDF, PDFium to pixels), then read.
    uri = "data:image/svg+xml;base64," + base64.b64encode(response.content).decode()
    pdf = weasyprint.HTML(string=f'<img src="{uri}" width="400" height="400">').write_pdf()
    pixels = pypdfium2.PdfDocument(pdf)[0].render(scale=2).to_pil()
    out = io.BytesIO()
    pixels.save(out, "PNG")

    assert decode(out.getvalue()) == [public_url(credential.public_id)]


def test_other_kinds_are_not_found(client, credential) -> None:
    assert client.get(f"/c/{credential.public_id}/qr.gif").status_code == 404
