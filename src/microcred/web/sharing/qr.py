"""QR codes of a credential's public page, for CVs, slides and printed certificates."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str) -> bytes:
    out = io.BytesIO()
    # Error correction M survives a smudge; the quiet zone of 4 modules is the standard's.
    segno.make(url, error="m", micro=False).save(
        out, kind="svg", scale=8, border=4, xmldecl=False, svgns=True, title=url
    )
    return out.getvalue()


def qr_png(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=10, border=4)
    return out.getvalue()
