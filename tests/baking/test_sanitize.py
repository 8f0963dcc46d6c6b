"""Sanitizing an SVG: nothing that runs or fetches survives, the design and credential do."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from microcred.baking import BakingError, bake_svg, sanitize_svg, unbake
from tests.baking.samples import (
    ATTACKS,
    CREDENTIAL,
    JWT,
    SVG,
    fixture_bytes,
    scripted_svg,
    svg_root,
)
from tests.baking.strategies import mutated


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_sanitizing_removes_active_content_and_keeps_the_credential(attack: bytes) -> None:
    clean = sanitize_svg(scripted_svg(attack))
    lowered = clean.lower()
    for marker in (b"script", b"onclick", b"onmouseover", b"iframe", b"expression", b"<set"):
        assert marker not in lowered
    assert b"data:text/html" not in lowered
    assert unbake(clean).payload == JWT
    assert unbake(bake_svg(clean, CREDENTIAL)).payload == CREDENTIAL


def test_sanitizing_removes_references_to_other_documents() -> None:
    svg = b"""<?xml version="1.0"?>
<?xml-stylesheet href="https://tracker.example/a.css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.3">
  <!-- a comment -->
  <style>@import url(https://tracker.example/b.css); .a { fill: red }</style>
  <style>.b { fill: url(#grad) }</style>
  <image href="https://tracker.example/pixel.png" width="1" height="1"/>
  <image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
  <image href="data:image/svg+xml;base64,PHN2Zy8+" width="1" height="1"/>
  <use href="sprites.svg#star"/>
  <use href="#local"/>
  <rect style="fill: url('https://tracker.example/c')" fill="url(#grad)"/>
  <rect style="fill: \\75rl(https://tracker.example/d)"/>
  <a href="https://issuer.example/badge"><text>Issuer</text></a>
  <inkscape:path-effect/>
</svg>"""
    clean = sanitize_svg(svg)
    assert b"tracker.example" not in clean
    assert b"sprites.svg" not in clean
    assert b"data:image/svg+xml" not in clean
    assert b"inkscape" not in clean
    assert b"comment" not in clean
    assert b'xlink:href="data:image/png;base64,iVBORw0KGgo="' in clean
    assert b'href="#local"' in clean
    assert b'fill="url(#grad)"' in clean
    assert b".b { fill: url(#grad) }" in clean
    assert b'<a href="https://issuer.example/badge">' in clean


def test_sanitizing_keeps_an_exported_design_intact() -> None:
    clean = sanitize_svg(fixture_bytes("exported_with_doctype.svg"))
    assert b"<!DOCTYPE" not in clean
    root = svg_root(clean)
    assert root.get("viewBox") == "0 0 200 200"
    assert root.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert [child.tag.split("}")[1] for child in root] == [
        "style",
        "defs",
        "circle",
        "circle",
        "use",
        "text",
    ]
    assert root[5].text == "Grüße"
    assert root[4].get("{http://www.w3.org/1999/xlink}href") == "#Gradient"


def test_sanitizing_keeps_an_open_badges_2_assertion() -> None:
    clean = sanitize_svg(fixture_bytes("ob2_hosted_assertion.svg"))
    assert unbake(clean).payload == unbake(fixture_bytes("ob2_hosted_assertion.svg")).payload


def test_sanitizing_an_svg_without_a_namespace_puts_it_in_the_svg_namespace() -> None:
    clean = sanitize_svg(b'<svg width="2"><rect/></svg>')
    assert svg_root(clean).tag == f"{{{SVG}}}svg"
    assert svg_root(clean)[0].tag == f"{{{SVG}}}rect"


@given(mutated())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_sanitizing_mutated_svgs_gives_a_clean_svg_or_a_baking_error(data: bytes) -> None:
    try:
        clean = sanitize_svg(data)
    except BakingError:
        return
    assert b"<script" not in clean
    assert sanitize_svg(clean) == clean
