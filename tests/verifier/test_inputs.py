"""Telling inputs apart: URLs, JSON, JWTs, baked images, QR text; and hostile inputs refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.verifier.inputs import (
    MAX_JSON_DEPTH,
    MAX_TEXT_BYTES,
    InputError,
    parse_json,
    read_input,
)
from tests.verifier.fixtures import BLANK_SVG, Issuer, baked, blank_png

JWT = "eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2lnbmF0dXJl"


@pytest.fixture(scope="module")
def credential() -> dict:
    issuer = Issuer(method="key")
    return issuer.signed("eddsa-jcs-2022")


def test_it_reads_a_url_from_text_and_from_a_qr_code() -> None:
    assert read_input("https://badges.example.org/c/1").form == "url"
    given = read_input("  HTTPS://BADGES.EXAMPLE.ORG/C/1\n")
    assert (given.form, given.value) == ("url", "https://BADGES.EXAMPLE.ORG/C/1")


def test_it_reads_json_from_text_bytes_objects_and_files(credential: dict, tmp_path: Path) -> None:
    text = json.dumps(credential)
    path = tmp_path / "badge.json"
    path.write_text(text)
    for raw, source in ((text, "text"), (text.encode(), "text"), (credential, "object")):
        given = read_input(raw)
        assert (given.form, given.source, given.value) == ("json", source, credential)
    assert read_input(path).source == "file"


def test_it_reads_a_compact_jws() -> None:
    assert read_input(JWT).form == "jws"
    assert read_input(JWT.encode() + b"\r\n").form == "jws"


@pytest.mark.parametrize("image", ["png", "svg"])
def test_it_unbakes_images(credential: dict, image: str) -> None:
    given = read_input(baked(credential, image))
    assert (given.form, given.source, given.value) == ("json", image, credential)


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("", "empty"),
        ("   \n", "empty"),
        ("hello world", "unknown"),
        ("did:web:example.org", "unknown"),
        ("[1, 2]", "unknown"),
        ("{not json", "json"),
        ('{"a": 1, "a": 2}', "json"),
        ('{"a": NaN}', "json"),
        (b"\xff\xfe\x00garbage", "image"),
        (b"\x80\x81\x82", "encoding"),
        (b"GIF89a....", "image"),
        (b"\xff\xd8\xff\xe0 jpeg", "image"),
        ("<html><body>hi</body></html>", "image"),
        ("https://" + "a" * 5000, "too_large"),
    ],
)
def test_it_refuses_what_is_not_a_badge(raw: str | bytes, kind: str) -> None:
    with pytest.raises(InputError) as caught:
        read_input(raw)
    assert caught.value.kind == kind
    assert str(caught.value).endswith(".")


def test_it_refuses_images_without_a_badge() -> None:
    for image in (blank_png(), BLANK_SVG):
        with pytest.raises(InputError) as caught:
            read_input(image)
        assert caught.value.kind == "no_credential"


def test_it_caps_sizes_before_parsing() -> None:
    with pytest.raises(InputError) as caught:
        read_input("{" + " " * MAX_TEXT_BYTES + "}")
    assert caught.value.kind == "too_large"
    with pytest.raises(InputError):
        read_input(b"\x89PNG\r\n\x1a\n" + b"\0" * (21 * 1024 * 1024))


def test_it_refuses_deep_nesting() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(InputError) as caught:
        parse_json('{"a": ' + deep + "}")
    assert caught.value.kind == "depth"
    nested: dict = {}
    inner = nested
    for _ in range(MAX_JSON_DEPTH + 1):
        inner["a"] = {}
        inner = inner["a"]
    with pytest.raises(InputError):
        read_input(nested)


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_input(tmp_path / "nope.png")
    assert caught.value.kind == "file"


# --- fuzzing --------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_arbitrary_input_is_read_or_refused_with_a_sentence(raw: bytes | str) -> None:
    try:
        read_input(raw)
    except InputError as error:
        assert str(error)
        assert error.kind


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=64), st.integers(min_value=0, max_value=2000), st.booleans())
def test_corrupted_images_are_read_or_refused_with_a_sentence(
    noise: bytes, position: int, svg: bool
) -> None:
    image = bytearray(BLANK_SVG if svg else blank_png())
    position %= len(image)
    image[position : position + len(noise)] = noise
    try:
        read_input(bytes(image))
    except InputError as error:
        assert str(error)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_value_is_read_or_refused_with_a_sentence(value: object) -> None:
    try:
        given_ = read_input(json.dumps(value))
    except InputError as error:
        assert error.kind in ("not_object", "unknown", "empty", "json")
    else:
        assert given_.form == "json" and given_.value == value
