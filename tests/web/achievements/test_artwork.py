"""Badge images from templates: valid, sanitized, self-contained, bakeable SVG and PNG."""

from __future__ import annotations

import io
import json

import defusedxml.ElementTree as SafeXml
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from microcred.baking import bake_png, bake_svg, sanitize_svg, unbake
from microcred.web.achievements import artwork
from microcred.web.achievements.icons import ICONS, NO_ICON, Circle

SVG_NS = "{http://www.w3.org/2000/svg}"
CREDENTIAL = json.dumps({"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:x"})
DESIGNS = [
    artwork.Design(shape=shape, icon=icon, title="Prompting für Fachkräfte")
    for shape in artwork.SHAPES
    for icon in [*ICONS, NO_ICON]
]


def texts(svg: bytes) -> list[str]:
    root = SafeXml.fromstring(svg)
    return [element.text or "" for element in root.iter(f"{SVG_NS}text")]


@pytest.mark.parametrize("design", DESIGNS, ids=lambda d: f"{d.shape}-{d.icon}")
def test_every_template_is_a_valid_svg_that_sanitizing_leaves_alone(design):
    svg = artwork.render_svg(design)
    root = SafeXml.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 512 512"
    assert sanitize_svg(svg) == svg


def test_the_title_is_on_the_badge_with_its_umlauts():
    svg = artwork.render_svg(artwork.Design(title="Prompting für Fachkräfte"))
    assert " ".join(texts(svg)) == "Prompting für Fachkräfte"
    assert SafeXml.fromstring(svg).find(f"{SVG_NS}title").text == "Prompting für Fachkräfte"


def test_a_long_title_is_wrapped_and_one_too_long_is_shortened_at_the_end():
    title = "ESG-Berichterstattung nach CSRD für Großunternehmen und den Mittelstand in Europa"
    svg = artwork.render_svg(artwork.Design(shape="ribbon", title=title[:80]))
    lines = texts(svg)
    assert 2 <= len(lines) <= 4
    assert lines[0].startswith("ESG-")
    crowded = texts(artwork.render_svg(artwork.Design(title=("Mmmm " * 16).strip())))
    assert crowded[-1].endswith("…")


def test_a_hyphenated_word_may_break_after_its_hyphen():
    narrow = artwork.Frame((256, 160), 100, 250, 400, 3, Circle((256, 256), 160))
    assert artwork.layout_title("ESG-Berichterstattung", narrow).lines == (
        "ESG-",
        "Berichterstattung",
    )


def test_a_short_title_takes_large_type():
    layout = artwork.layout_title("Erste Hilfe", artwork.FRAMES["circle"])
    assert layout.lines == ("Erste Hilfe",)
    assert layout.font_size == 46


@pytest.mark.parametrize("design", DESIGNS[:: len(ICONS) + 1], ids=lambda d: d.shape)
def test_the_svg_refers_to_nothing_outside_itself(design):
    svg = artwork.render_svg(design).decode("utf-8")
    without_namespaces = svg.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', ""
    )
    for reference in ("http:", "https:", "href", "url(", "@import", "<image", "<script"):
        assert reference not in without_namespaces, reference


def test_a_template_badge_bakes_as_svg_and_unbakes():
    baked = bake_svg(
        artwork.render_svg(artwork.Design(title="Agiles Projektmanagement")), CREDENTIAL
    )
    assert unbake(baked).text == CREDENTIAL


def test_its_png_rendition_bakes_as_png_and_unbakes():
    picture = artwork.render_png(artwork.Design(title="Agiles Projektmanagement"), size=128)
    with Image.open(io.BytesIO(picture)) as image:
        assert image.format == "PNG"
        assert image.size == (128, 128)
        assert image.getpixel((0, 0))[3] == 0  # transparent outside the shape
        assert image.getpixel((64, 64))[3] == 255
    assert unbake(bake_png(picture, CREDENTIAL)).text == CREDENTIAL


def test_the_png_uses_the_design_colours():
    picture = artwork.render_png(
        artwork.Design(primary="#112233", secondary="#ddeeff", icon=NO_ICON), size=64
    )
    with Image.open(io.BytesIO(picture)) as image:
        assert image.convert("RGBA").getpixel((32, 14))[:3] == (0x11, 0x22, 0x33)
        assert image.convert("RGBA").getpixel((32, 1))[:3] == (0xDD, 0xEE, 0xFF)


@pytest.mark.parametrize(
    ("background", "ink"), [("#0b5cad", "#ffffff"), ("#f4e04d", "#14213d"), ("#ffffff", "#14213d")]
)
def test_text_contrasts_with_the_main_colour(background, ink):
    assert artwork.ink_for(background) == ink


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"shape": "triangle"}, "shape"),
        ({"icon": "skull"}, "no icon"),
        ({"primary": "red"}, "primary colour"),
        ({"secondary": "#12345"}, "secondary colour"),
        ({"secondary": "#1234567"}, "secondary colour"),
        ({"title": "x" * 81}, "longer than 80"),
        ({"title": 5}, "must be text"),
    ],
)
def test_it_refuses_choices_it_cannot_draw(values, message):
    with pytest.raises(artwork.DesignError, match=message):
        artwork.Design(**values)


def test_control_characters_in_the_title_become_spaces():
    design = artwork.Design(title="A\x00B\x1b[31mC\u202eD\n")
    assert design.title == "A B [31mC D"
    SafeXml.fromstring(artwork.render_svg(design))


def test_a_design_round_trips_through_its_stored_form():
    design = artwork.Design(shape="hexagon", primary="#AABBCC", icon="leaf", title="Ökologie")
    assert artwork.Design.from_mapping(design.to_dict()) == design
    assert design.primary == "#aabbcc"


@given(st.text(max_size=80))
def test_any_title_draws_a_valid_sanitized_svg_or_is_refused(title):
    try:
        design = artwork.Design(title=title)
    except artwork.DesignError as error:
        assert str(error)
        return
    svg = artwork.render_svg(design)
    SafeXml.fromstring(svg)
    assert sanitize_svg(svg) == svg
    for line in texts(svg):
        assert line.removesuffix("…") in design.title


@given(
    st.sampled_from(artwork.SHAPES),
    st.from_regex(r"#[0-9a-f]{6}", fullmatch=True),
    st.sampled_from([*ICONS, NO_ICON]),
    st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"]), max_size=40),
)
def test_any_design_draws_as_png(shape, colour, icon, title):
    design = artwork.Design(shape=shape, primary=colour, icon=icon, title=title)
    with Image.open(io.BytesIO(artwork.render_png(design, size=32))) as image:
        assert image.size == (32, 32)
