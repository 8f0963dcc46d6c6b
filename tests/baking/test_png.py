"""Baking credentials into PNG images, reading them back, and refusing hostile PNGs."""

from __future__ import annotations

import json
import tracemalloc
import zlib
from io import BytesIO
from types import MappingProxyType

import pytest
from PIL import Image

from microcred.baking import (
    MAX_CREDENTIAL_BYTES,
    MAX_IMAGE_BYTES,
    BakedCredential,
    BakingError,
    NoCredentialError,
    bake,
    bake_png,
    unbake,
)
from tests.baking.samples import (
    CREDENTIAL,
    JWT,
    SIGNED_JSON,
    crafted_png,
    itxt_chunk,
    make_png,
    png_chunk,
    png_chunks,
    png_with_text,
)


def test_it_bakes_a_credential_into_a_png_and_reads_it_back() -> None:
    original = make_png()
    baked = bake_png(original, CREDENTIAL)
    found = unbake(baked)
    assert found == BakedCredential(
        kind="ob3-json",
        payload=CREDENTIAL,
        image_format="png",
        text=json.dumps(CREDENTIAL, ensure_ascii=False, separators=(",", ":")),
    )


def test_the_baked_png_keeps_its_pixels() -> None:
    original = make_png()
    baked = bake(original, JWT)
    with Image.open(BytesIO(original)) as before, Image.open(BytesIO(baked)) as after:
        assert (after.format, after.mode, after.size) == ("PNG", before.mode, before.size)
        assert after.tobytes() == before.tobytes()
        assert after.getpixel((0, 0)) == (1, 2, 3, 4)


def test_pillow_reads_the_credential_from_an_uncompressed_itxt_chunk() -> None:
    baked = bake_png(make_png(), JWT)
    with Image.open(BytesIO(baked)) as opened:
        assert opened.text == {"openbadgecredential": JWT}
    itxt = [body for chunk_type, body in png_chunks(baked) if chunk_type == b"iTXt"]
    assert itxt == [b"openbadgecredential\0" + b"\0\0" + b"\0" + b"\0" + JWT.encode()]


def test_the_credential_chunk_comes_before_the_first_idat() -> None:
    types = [chunk_type for chunk_type, _ in png_chunks(bake_png(make_png(mode="P"), JWT))]
    assert types[0] == b"IHDR"
    assert types.index(b"PLTE") < types.index(b"iTXt") == types.index(b"IDAT") - 1
    assert types[-1] == b"IEND"


def test_any_mapping_can_be_baked() -> None:
    assert unbake(bake_png(make_png(), MappingProxyType(CREDENTIAL))).payload == CREDENTIAL


def test_a_jwt_is_read_back_as_a_jwt() -> None:
    found = unbake(bake_png(make_png(), JWT))
    assert (found.kind, found.payload, found.text) == ("ob3-jwt", JWT, JWT)


def test_a_credential_given_as_text_is_baked_byte_for_byte() -> None:
    found = unbake(bake_png(make_png(), SIGNED_JSON))
    assert found.text == SIGNED_JSON
    assert found.payload == CREDENTIAL
    assert SIGNED_JSON.encode("utf-8") in bake_png(make_png(), SIGNED_JSON)


def test_baking_again_replaces_the_credential() -> None:
    twice = bake_png(bake_png(make_png(), CREDENTIAL), JWT)
    assert unbake(twice).payload == JWT
    assert sum(chunk_type == b"iTXt" for chunk_type, _ in png_chunks(twice)) == 1


def test_baking_replaces_an_open_badges_2_assertion() -> None:
    legacy = png_with_text(("tEXt", "openbadges", "https://example.org/assertions/1"))
    baked = bake_png(legacy, JWT)
    assert unbake(baked).kind == "ob3-jwt"
    assert b"openbadges\0https" not in baked


def test_baking_keeps_every_other_chunk_in_order() -> None:
    original = png_with_text(("tEXt", "Author", "Ada"), ("iTXt", "Description", "Grüße"))
    baked = bake_png(original, JWT)
    kept = [c for c in png_chunks(baked) if not c[1].startswith(b"openbadgecredential\0")]
    assert kept == png_chunks(original)
    assert len(baked) == len(original) + 12 + len(b"openbadgecredential") + 5 + len(JWT)


def test_baking_drops_bytes_after_the_end_of_the_png() -> None:
    original = make_png()
    baked = bake_png(original + b"trailing garbage", JWT)
    assert baked.endswith(png_chunk(b"IEND", b""))


def test_it_reads_an_open_badges_2_hosted_url_from_a_text_chunk() -> None:
    legacy = png_with_text(("tEXt", "openbadges", "https://example.org/assertions/123"))
    assert unbake(legacy) == BakedCredential(
        "ob2-url",
        "https://example.org/assertions/123",
        "png",
        "https://example.org/assertions/123",
    )


def test_it_reads_an_open_badges_2_assertion_from_an_itxt_chunk() -> None:
    assertion = {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "urn:x"}
    legacy = png_with_text(("iTXt", "openbadges", json.dumps(assertion)))
    found = unbake(legacy)
    assert (found.kind, found.payload, found.image_format) == ("ob2-json", assertion, "png")


def test_it_reads_an_open_badges_2_signature_from_a_compressed_chunk() -> None:
    found = unbake(png_with_text(("zTXt", "openbadges", JWT)))
    assert (found.kind, found.payload) == ("ob2-jws", JWT)


def test_it_reads_a_compressed_itxt_although_the_spec_forbids_writing_one() -> None:
    found = unbake(png_with_text(("iTXt-z", "openbadgecredential", SIGNED_JSON)))
    assert (found.kind, found.text) == ("ob3-json", SIGNED_JSON)


def test_keywords_are_case_sensitive() -> None:
    with pytest.raises(NoCredentialError, match="carries no baked credential"):
        unbake(png_with_text(("iTXt", "OpenBadgeCredential", JWT)))


def test_a_png_without_a_credential_says_so() -> None:
    with pytest.raises(NoCredentialError, match="PNG image carries no baked credential"):
        unbake(png_with_text(("tEXt", "Software", "GIMP")))


def test_a_credential_chunk_after_the_end_is_not_read() -> None:
    with pytest.raises(NoCredentialError):
        unbake(make_png() + itxt_chunk("openbadgecredential", JWT.encode()))


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
        unbake(png_with_text(*texts))


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
        unbake(crafted_png(itxt_chunk("openbadgecredential", text)))


def test_it_refuses_open_badges_2_text_that_is_no_assertion() -> None:
    with pytest.raises(BakingError, match="neither a JSON object, a compact JWS nor a web URL"):
        unbake(crafted_png(png_chunk(b"tEXt", b"openbadges\0javascript:alert(1)")))


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
        unbake(crafted_png(png_chunk(b"iTXt", body)))


def test_it_refuses_a_png_whose_crc_does_not_match() -> None:
    baked = bytearray(bake_png(make_png(), JWT))
    baked[baked.index(b"IDAT") + 6] ^= 0x01
    with pytest.raises(BakingError, match=r"IDAT chunk at byte .* fails its CRC check"):
        unbake(bytes(baked))
    with pytest.raises(BakingError, match="fails its CRC check"):
        bake_png(bytes(baked), JWT)


@pytest.mark.parametrize("keep", [8, 20, 33, 60, -13, -1])
def test_it_refuses_a_truncated_png(keep: int) -> None:
    truncated = bake_png(make_png(), JWT)[:keep]
    with pytest.raises(BakingError, match="truncated"):
        unbake(truncated)
    with pytest.raises(BakingError, match="truncated"):
        bake(truncated, JWT)


@pytest.mark.parametrize(
    ("png", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IDAT", b"") + png_chunk(b"IEND", b""), "IHDR"),
        (
            b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", bytes(13)) + png_chunk(b"IEND", b""),
            "0x0 pixels",
        ),
        (crafted_png().replace(png_chunk(b"IDAT", zlib.compress(b"\0\0")), b""), "no image data"),
        (crafted_png().replace(b"IDAT", b"ID4T"), "no valid chunk"),
    ],
)
def test_it_refuses_a_png_with_a_broken_structure(png: bytes, message: str) -> None:
    with pytest.raises(BakingError, match=message):
        unbake(png)


def test_it_refuses_a_png_of_absurd_dimensions_without_decoding_it() -> None:
    bomb = crafted_png(
        itxt_chunk("openbadgecredential", JWT.encode()), width=100_000, height=100_000
    )
    with pytest.raises(BakingError, match="100000x100000 pixels, more than the 50000000"):
        unbake(bomb)
    with pytest.raises(BakingError, match="decompression bomb"):
        bake_png(bomb, JWT)


def test_a_compressed_text_bomb_is_refused_without_expanding_it() -> None:
    compressor = zlib.compressobj(9)
    block = bytes(1024 * 1024)
    bomb = b"".join(compressor.compress(block) for _ in range(64)) + compressor.flush()
    png = crafted_png(png_chunk(b"zTXt", b"openbadges\0\0" + bomb))
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
    png = crafted_png(png_chunk(b"iCCP", b"icc\0\0" + bomb))
    with pytest.raises(BakingError, match="PNG image cannot be read"):
        bake_png(png, JWT)


def test_it_refuses_an_oversized_file_before_reading_it() -> None:
    huge = make_png() + bytes(MAX_IMAGE_BYTES)
    with pytest.raises(BakingError, match=f"more than the {MAX_IMAGE_BYTES} allowed"):
        unbake(huge)
    with pytest.raises(BakingError, match=f"more than the {MAX_IMAGE_BYTES} allowed"):
        bake(huge, JWT)


def test_it_refuses_an_oversized_credential_chunk() -> None:
    big = crafted_png(itxt_chunk("openbadgecredential", b"x" * (MAX_CREDENTIAL_BYTES + 2000)))
    with pytest.raises(BakingError, match=r"more than the .* allowed for a credential"):
        unbake(big)


def test_it_refuses_a_png_made_of_too_many_chunks() -> None:
    noise = png_chunk(b"tIME", bytes(7)) * 100_001
    with pytest.raises(BakingError, match="more than 100000 chunks"):
        unbake(crafted_png(noise))


def test_a_colour_profile_bomb_is_refused_even_when_pillow_accepts_truncated_images(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PIL import ImageFile

    # WeasyPrint switches this on for the whole process when it is imported.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    bomb = zlib.compress(bytes(64 * 1024 * 1024), 9)
    png = crafted_png(png_chunk(b"iCCP", b"icc\0\0" + bomb))
    with pytest.raises(BakingError, match="colour profile is truncated or expands"):
        bake_png(png, JWT)


def test_a_real_colour_profile_is_kept_when_baking() -> None:
    from PIL import Image, ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, format="PNG", icc_profile=profile)
    baked_png = bake_png(buffer.getvalue(), JWT)
    with Image.open(BytesIO(baked_png)) as opened:
        assert opened.info["icc_profile"] == profile
