"""What can be baked: a credential's JSON or compact JWS, and nothing else."""

from __future__ import annotations

import pytest

from microcred.baking import MAX_CREDENTIAL_BYTES, BakingError, bake_png, bake_svg
from tests.baking.samples import PLAIN_SVG, make_png


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
        bake_png(make_png(), credential)  # type: ignore[arg-type]
    with pytest.raises(BakingError, match=message):
        bake_svg(PLAIN_SVG, credential)  # type: ignore[arg-type]
