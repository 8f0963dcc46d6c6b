"""The keyed shuffle of status list positions: a bijection that looks random."""

from __future__ import annotations

import itertools
import secrets

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.status import MIN_ENTRIES
from microcred.web.statuslists.permutation import IndexPermutation


@given(size=st.integers(min_value=2, max_value=3000), key=st.binary(min_size=16, max_size=32))
def test_it_is_a_bijection_of_every_size(size: int, key: bytes) -> None:
    permute = IndexPermutation(key, size)
    assert sorted(permute(position) for position in range(size)) == list(range(size))


def test_a_full_list_never_repeats_an_index_in_its_first_twenty_thousand() -> None:
    permute = IndexPermutation(secrets.token_bytes(32), MIN_ENTRIES)
    indexes = [permute(position) for position in range(20_000)]
    assert len(set(indexes)) == len(indexes)
    assert all(0 <= index < MIN_ENTRIES for index in indexes)


def test_consecutive_credentials_do_not_get_neighbouring_indexes() -> None:
    permute = IndexPermutation(secrets.token_bytes(32), MIN_ENTRIES)
    indexes = [permute(position) for position in range(1000)]
    gaps = [abs(later - earlier) for earlier, later in itertools.pairwise(indexes)]
    # Sequential allocation would give gaps of 1; a shuffle spreads them over the list.
    assert sum(gap < 100 for gap in gaps) < 20
    assert indexes != sorted(indexes)


def test_the_key_decides_the_order() -> None:
    first, second = secrets.token_bytes(32), secrets.token_bytes(32)
    assert [IndexPermutation(first, MIN_ENTRIES)(p) for p in range(50)] == [
        IndexPermutation(first, MIN_ENTRIES)(p) for p in range(50)
    ]
    assert [IndexPermutation(first, MIN_ENTRIES)(p) for p in range(50)] != [
        IndexPermutation(second, MIN_ENTRIES)(p) for p in range(50)
    ]


@pytest.mark.parametrize("position", [-1, MIN_ENTRIES, MIN_ENTRIES + 5])
def test_it_refuses_positions_outside_the_list(position: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        IndexPermutation(secrets.token_bytes(16), MIN_ENTRIES)(position)


def test_it_refuses_short_keys() -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        IndexPermutation(b"short", MIN_ENTRIES)
