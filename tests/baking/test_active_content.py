"""An SVG that can run script or fetch is never baked into, but its credential is still read."""

from __future__ import annotations

import pytest

from microcred.baking import BakingError, bake_svg, sanitize_svg, unbake
from tests.baking.samples import ATTACKS, CREDENTIAL, JWT, scripted_svg


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_it_refuses_to_bake_into_an_svg_with_active_content(attack: bytes) -> None:
    with pytest.raises(BakingError, match="refusing to bake into an SVG with active content"):
        bake_svg(scripted_svg(attack), CREDENTIAL)


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_it_still_reads_the_credential_of_an_svg_with_active_content(attack: bytes) -> None:
    assert unbake(scripted_svg(attack)).payload == JWT


def test_a_dtd_default_attribute_cannot_smuggle_an_event_handler() -> None:
    svg = (
        b'<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
    )
    with pytest.raises(BakingError, match="event handler attribute onload"):
        bake_svg(svg, JWT)
    assert b"onload" not in sanitize_svg(svg)
