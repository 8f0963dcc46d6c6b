"""The certificate's QR code: the credential's public page, as an SVG data: URI."""

from __future__ import annotations

import segno


def qr_data_uri(url: str) -> str:
    # Level M survives a crease or a stain on a printout; the page margin is the quiet zone.
    return segno.make(url, error="m").svg_data_uri(border=0, omitsize=False, nl=False)
