"""Baking and unbaking either format: any bytes give a credential or a BakingError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.baking import BakingError, bake, unbake
from tests.baking.samples import JWT, unbake_or_refuse
from tests.baking.strategies import BAKED_PNG, BAKED_SVG, mutated


@given(st.binary(max_size=4096))
@settings(max_examples=400, deadline=None)
def test_random_bytes_give_a_credential_or_a_baking_error(data: bytes) -> None:
    unbake_or_refuse(data)
    unbake_or_refuse(b"\x89PNG\r\n\x1a\n" + data)
    unbake_or_refuse(b"<svg" + data)


@given(mutated())
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mutated_images_give_a_credential_or_a_baking_error(data: bytes) -> None:
    unbake_or_refuse(data)
    try:
        baked = bake(data, JWT)
    except BakingError:
        return
    assert unbake(baked).payload == JWT


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
