"""Baking credentials into SVG images and reading them back."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings

from microcred.baking import (
    BakedCredential,
    BakingError,
    NoCredentialError,
    bake,
    bake_png,
    bake_svg,
    sanitize_svg,
    unbake,
)
from tests.baking.samples import (
    CREDENTIAL,
    JWT,
    OB3,
    PLAIN_SVG,
    SIGNED_JSON,
    SVG,
    fixture_bytes,
    make_png,
    svg_root,
    unbake_or_refuse,
)
from tests.baking.strategies import svg_text


def test_it_bakes_a_credential_into_an_svg_and_reads_it_back() -> None:
    baked = bake_svg(PLAIN_SVG, CREDENTIAL)
    found = unbake(baked)
    assert (found.kind, found.payload, found.image_format) == ("ob3-json", CREDENTIAL, "svg")


def test_the_credential_element_is_the_first_child_with_json_in_cdata() -> None:
    baked = bake(PLAIN_SVG, SIGNED_JSON)
    root = svg_root(baked)
    assert root[0].tag == f"{{{OB3}}}credential"
    assert root[0].text == SIGNED_JSON
    assert "verify" not in root[0].attrib
    assert b"<openbadges:credential><![CDATA[{" in baked
    assert b'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in baked
    assert unbake(baked).text == SIGNED_JSON


def test_a_jwt_goes_into_the_verify_attribute() -> None:
    baked = bake_svg(PLAIN_SVG, JWT)
    root = svg_root(baked)
    assert root[0].tag == f"{{{OB3}}}credential"
    assert root[0].get("verify") == JWT
    assert not root[0].text
    assert unbake(baked) == BakedCredential("ob3-jwt", JWT, "svg", JWT)


def test_baking_an_svg_changes_nothing_else() -> None:
    baked = bake_svg(PLAIN_SVG, JWT)
    element = f'<openbadges:credential verify="{JWT}"></openbadges:credential>'.encode()
    restored = baked.replace(element, b"").replace(
        b' xmlns:openbadges="' + OB3.encode() + b'"', b""
    )
    assert restored == PLAIN_SVG


def test_baking_again_replaces_the_credential_element() -> None:
    twice = bake_svg(bake_svg(PLAIN_SVG, SIGNED_JSON), JWT)
    assert unbake(twice).payload == JWT
    assert twice.count(b"openbadges:credential") == 2  # one start tag, one end tag
    assert bake_svg(twice, JWT) == twice


def test_baking_replaces_an_open_badges_2_assertion_and_rebinds_the_prefix() -> None:
    baked = bake_svg(fixture_bytes("ob2_hosted_assertion.svg"), JWT)
    assert b"openbadges:assertion" not in baked
    assert b"http://openbadges.org" not in baked
    assert unbake(baked).kind == "ob3-jwt"
    assert svg_root(baked).find(f"{{{SVG}}}circle") is not None


def test_it_bakes_into_a_self_closing_root() -> None:
    baked = bake_svg(b'<svg xmlns="http://www.w3.org/2000/svg" width="1"/>', JWT)
    assert baked.endswith(b"</openbadges:credential></svg>")
    assert unbake(baked).payload == JWT


def test_it_bakes_into_an_svg_exported_with_a_doctype() -> None:
    exported = fixture_bytes("exported_with_doctype.svg")
    baked = bake_svg(exported, CREDENTIAL)
    assert baked.startswith(exported[: exported.index(b"<svg")])
    assert unbake(baked).payload == CREDENTIAL
    assert "Grüße".encode() in baked


def test_it_bakes_into_an_svg_with_a_byte_order_mark() -> None:
    baked = bake_svg(b"\xef\xbb\xbf" + PLAIN_SVG, JWT)
    assert baked.startswith(b"\xef\xbb\xbf<?xml")
    assert unbake(baked).payload == JWT


def test_an_ascii_svg_declared_as_latin_1_is_baked_as_utf_8() -> None:
    latin = PLAIN_SVG.replace(b"UTF-8", b"ISO-8859-1")
    baked = bake_svg(latin, CREDENTIAL)
    assert baked.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert unbake(baked).payload == CREDENTIAL


def test_it_refuses_to_bake_an_svg_that_is_not_utf_8() -> None:
    latin = PLAIN_SVG.replace(b"UTF-8", b"ISO-8859-1").replace(b"#c00", "#cö0".encode("latin-1"))
    with pytest.raises(BakingError, match="only UTF-8 SVG images can be baked; this one is ISO"):
        bake_svg(latin, JWT)
    with pytest.raises(BakingError, match="UTF-16"):
        bake_svg(PLAIN_SVG.decode().replace("UTF-8", "UTF-16").encode("utf-16"), JWT)


def test_it_reads_a_utf_16_svg() -> None:
    svg = fixture_bytes("ob2_verify_url.svg").decode().encode("utf-16")
    assert unbake(svg).payload == "https://badges.example.org/assertions/42.json"


def test_it_reads_the_open_badges_3_spec_examples() -> None:
    found = unbake(fixture_bytes("ob3_credential_json.svg"))
    assert found.kind == "ob3-json"
    assert found.payload["id"] == "http://example.edu/credentials/3732"
    assert found.text.startswith("{") and found.text.endswith("}")
    assert unbake(fixture_bytes("ob3_credential_jwt.svg")) == BakedCredential(
        "ob3-jwt", "header.payload.signature", "svg", "header.payload.signature"
    )


def test_it_reads_the_open_badges_2_baked_svgs() -> None:
    hosted = unbake(fixture_bytes("ob2_hosted_assertion.svg"))
    assert (hosted.kind, hosted.payload["id"]) == ("ob2-json", "https://example.org/assertions/123")
    signed = unbake(fixture_bytes("ob2_signed_assertion.svg"))
    assert signed.kind == "ob2-jws"
    assert signed.payload.startswith("eyJhbGciOiJSUzI1NiJ9.")
    url = unbake(fixture_bytes("ob2_verify_url.svg"))
    assert (url.kind, url.payload) == ("ob2-url", "https://badges.example.org/assertions/42.json")


def test_an_svg_without_a_credential_says_so() -> None:
    with pytest.raises(NoCredentialError, match="SVG image carries no baked credential"):
        unbake(fixture_bytes("exported_with_doctype.svg"))


@pytest.mark.parametrize(
    "inside",
    [
        b'<b:credential verify="a.b.c"/><b:credential verify="a.b.c"/>',
        b'<g><b:credential verify="a.b.c"/></g><b:credential verify="a.b.c"/>',
        b'<b:credential verify="a.b.c"/><o:assertion verify="https://x.example/1"/>',
    ],
)
def test_it_refuses_an_svg_with_more_than_one_credential(inside: bytes) -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:b="https://purl.imsglobal.org/ob/v3p0" '
        b'xmlns:o="http://openbadges.org">' + inside + b"</svg>"
    )
    with pytest.raises(BakingError, match=r"carries 2 credentials .*ambiguous"):
        unbake(svg)


@pytest.mark.parametrize(
    ("element", "message"),
    [
        (b'<b:credential verify="a.b.c">{"a": 1}</b:credential>', "both a verify attribute and"),
        (b"<b:credential>  </b:credential>", "element is empty"),
        (b'<b:credential verify=""/>', "element is empty"),
        (b"<b:credential>not json</b:credential>", "neither a JSON object nor a compact JWS"),
        (
            b'<b:credential verify="https://x.example/c"/>',
            "neither a JSON object nor a compact JWS",
        ),
    ],
)
def test_it_refuses_a_credential_element_that_holds_no_credential(
    element: bytes, message: str
) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:b="' + OB3.encode() + b'">'
    with pytest.raises(BakingError, match=message):
        unbake(svg + element + b"</svg>")


def test_a_dtd_default_attribute_cannot_change_the_baked_credential() -> None:
    svg = (
        b"<!DOCTYPE svg [<!ATTLIST openbadges:credential verify CDATA 'x.y.z'>]>"
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
    )
    with pytest.raises(BakingError, match="cannot carry the credential"):
        bake_svg(svg, CREDENTIAL)


def test_deeply_nested_markup_is_handled_without_recursion() -> None:
    depth = 20_000
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:b="'
        + OB3.encode()
        + b'">'
        + b"<g>" * depth
        + b'<b:credential verify="a.b.c"/>'
        + b"</g>" * depth
        + b"</svg>"
    )
    assert unbake(svg).payload == "a.b.c"
    assert sanitize_svg(svg).count(b"<g>") == depth
    assert unbake(bake_svg(svg, JWT)).payload == JWT


def test_it_refuses_to_bake_characters_that_xml_cannot_carry() -> None:
    with pytest.raises(BakingError, match="characters that XML cannot carry"):
        bake_svg(PLAIN_SVG, '{"name": "\ufffe"}')
    assert unbake(bake_png(make_png(), '{"name": "\ufffe"}')).payload == {"name": "\ufffe"}


@given(svg_text, svg_text)
@settings(max_examples=300, deadline=None)
def test_arbitrary_markup_inside_an_svg_gives_a_credential_or_a_baking_error(
    attribute: bytes, body: bytes
) -> None:
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:b="'
        + OB3.encode()
        + b'" a="'
        + attribute
        + b'"><b:credential>'
        + body
        + b"</b:credential>"
        + body
        + b"</svg>"
    )
    unbake_or_refuse(svg)
    for operation in (sanitize_svg, lambda data: bake_svg(data, CREDENTIAL)):
        with contextlib.suppress(BakingError):
            operation(svg)
