"""Canonical JSON (RFC 8785): the fast path writes exactly what rfc8785 writes."""

from __future__ import annotations

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from microcred.proofs.jcs import JcsError, canonical_json

_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.text(max_size=12)
_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | _text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_text, children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=600)
@given(_json)
def test_it_writes_what_rfc8785_writes(value):
    try:
        expected = rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, ValueError):
        with pytest.raises(JcsError):
            canonical_json(value)
        return
    assert canonical_json(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        {"b": 1, "a": [True, None, 'ü\u0007\n"\\'], "\u00e9": {"z": "\u2028"}},
        {"😀": 1, "\ufb01": 2, "a": 3},  # UTF-16 order differs from code point order
        {"n": 2**53 - 1, "f": 1.0, "g": 1e21, "h": 0.1},
    ],
)
def test_examples_match(value):
    assert canonical_json(value) == rfc8785.dumps(value)


def test_an_integer_javascript_cannot_represent_is_refused():
    with pytest.raises(JcsError):
        canonical_json({"n": 2**60})
