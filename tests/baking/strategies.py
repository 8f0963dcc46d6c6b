"""Hypothesis strategies for baking: seeds from real baked images, mutated byte by byte."""

from __future__ import annotations

from hypothesis import strategies as st

from microcred.baking import bake_png, bake_svg
from tests.baking.samples import (
    CREDENTIAL,
    JWT,
    PLAIN_SVG,
    SIGNED_JSON,
    fixture_bytes,
    make_png,
    png_with_text,
)

BAKED_PNG = bake_png(make_png(size=(6, 5)), CREDENTIAL)
BAKED_SVG = bake_svg(fixture_bytes("exported_with_doctype.svg"), SIGNED_JSON)
SEEDS = [
    BAKED_PNG,
    BAKED_SVG,
    bake_svg(PLAIN_SVG, JWT),
    fixture_bytes("ob2_hosted_assertion.svg"),
    png_with_text(("zTXt", "openbadges", JWT)),
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        if action == "flip" and position < len(data):
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "cut":
            del data[position:]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[position : position + draw(st.integers(1, 64))]
    return bytes(data)


svg_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200).map(
    lambda text: text.encode("utf-8")
)
