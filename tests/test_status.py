"""W3C Bitstring Status List v1.0: the list, its encoding, the credential and the entry."""

from __future__ import annotations

import base64
import contextlib
import gzip
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.status import (
    MIN_ENTRIES,
    StatusList,
    StatusListError,
    read_status,
    status_list_credential,
    status_list_entry,
)

# Example 3 and A.2 of the W3C Recommendation (2025-05-15): an empty revocation list.
SPEC_LIST_URL = "https://example.com/credentials/status/3"
SPEC_ENCODED_LIST = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"
SPEC_LIST_CREDENTIAL = {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    "id": SPEC_LIST_URL,
    "type": ["VerifiableCredential", "BitstringStatusListCredential"],
    "issuer": "did:example:12345",
    "validFrom": "2021-04-05T14:27:40Z",
    "credentialSubject": {
        "id": "https://example.com/status/3#list",
        "type": "BitstringStatusList",
        "statusPurpose": "revocation",
        "encodedList": SPEC_ENCODED_LIST,
    },
}
# Example 1 / A.1: the entry of a revocable credential pointing at that list.
SPEC_ENTRY = {
    "id": "https://example.com/credentials/status/3#94567",
    "type": "BitstringStatusListEntry",
    "statusPurpose": "revocation",
    "statusListIndex": "94567",
    "statusListCredential": SPEC_LIST_URL,
}


def _encode_raw(bitstring: bytes) -> str:
    return _base64url(gzip.compress(bitstring, mtime=0))


def _base64url(compressed: bytes) -> str:
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def _list_credential(status_list: StatusList, purpose: str = "revocation") -> dict:
    return status_list_credential(SPEC_LIST_URL, "did:example:12345", purpose, status_list)


# --- the list -------------------------------------------------------------------------------


def test_a_new_list_has_the_minimum_of_131072_entries_all_unset() -> None:
    status_list = StatusList()
    assert len(status_list) == MIN_ENTRIES == 131_072
    assert status_list.bitstring == bytes(16 * 1024)
    assert status_list.get(0) == 0
    assert status_list.get(131_071) == 0


def test_it_rejects_a_list_smaller_than_the_minimum() -> None:
    with pytest.raises(StatusListError, match="at least 131072") as caught:
        StatusList(1000)
    assert caught.value.code == "STATUS_LIST_LENGTH_ERROR"


def test_a_list_can_be_larger_than_the_minimum() -> None:
    status_list = StatusList(MIN_ENTRIES * 2)
    status_list.set(MIN_ENTRIES * 2 - 1, 1)
    assert StatusList.decode(status_list.encode()).get(MIN_ENTRIES * 2 - 1) == 1


@pytest.mark.parametrize(
    ("index", "byte", "value"),
    [(0, 0, 0x80), (7, 0, 0x01), (8, 1, 0x80), (131_071, 16_383, 0x01)],
)
def test_index_zero_is_the_left_most_bit_of_the_first_byte(
    index: int, byte: int, value: int
) -> None:
    status_list = StatusList()
    status_list.set(index, True)
    bitstring = status_list.bitstring
    assert bitstring[byte] == value
    assert sum(bitstring) == value
    decoded = StatusList.decode(status_list.encode())
    assert decoded.get(index) == 1
    assert [i for i in (0, 7, 8, 131_071) if decoded.get(i)] == [index]


def test_all_131072_entries_round_trip_through_the_encoding() -> None:
    status_list = StatusList()
    revoked = {i for i in range(MIN_ENTRIES) if i % 3 == 0 or i % 7 == 5}
    for index in revoked:
        status_list.set(index, 1)
    decoded = StatusList.decode(status_list.encode())
    assert decoded == status_list
    assert {i for i in range(MIN_ENTRIES) if decoded.get(i)} == revoked


def test_clearing_a_bit_reinstates_a_suspended_credential() -> None:
    status_list = StatusList()
    status_list.set(42, 1)
    status_list.set(43, 1)
    status_list.set(42, 0)
    assert (status_list.get(41), status_list.get(42), status_list.get(43)) == (0, 0, 1)


def test_the_encoding_is_multibase_base64url_without_padding_of_gzip() -> None:
    encoded = StatusList().encode()
    assert encoded.startswith("u")
    assert "=" not in encoded
    assert set(encoded[1:]) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    )
    compressed = base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
    assert gzip.decompress(compressed) == bytes(16 * 1024)
    assert len(encoded) < 200  # an empty list compresses to a few dozen bytes


def test_the_encoding_depends_only_on_the_bits() -> None:
    first, second = StatusList(), StatusList()
    first.set(5, 1)
    second.set(5, 1)
    assert first.encode() == second.encode()


def test_it_decodes_the_spec_example_as_an_empty_list_of_131072_entries() -> None:
    status_list = StatusList.decode(SPEC_ENCODED_LIST)
    assert len(status_list) == 131_072
    assert status_list.bitstring == bytes(16 * 1024)
    assert status_list.get(94567) == 0


def test_it_reads_lists_made_by_other_gzip_encoders() -> None:
    bitstring = bytearray(16 * 1024)
    bitstring[0] = 0b0100_0000
    encoded = "u" + base64.urlsafe_b64encode(zlib_gzip(bytes(bitstring))).rstrip(b"=").decode()
    assert StatusList.decode(encoded).get(1) == 1


def zlib_gzip(data: bytes) -> bytes:
    compressor = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def test_it_reads_a_gzip_stream_of_several_members() -> None:
    half = bytes(8 * 1024)
    members = gzip.compress(half, mtime=0) + gzip.compress(b"\x01" + half[1:], mtime=0)
    status_list = StatusList.decode(_base64url(members))
    assert len(status_list) == MIN_ENTRIES
    assert status_list.get(8 * 1024 * 8 + 7) == 1


def test_it_accepts_padding_although_the_spec_leaves_it_out() -> None:
    encoded = StatusList().encode()
    padded = encoded + "=" * (-len(encoded[1:]) % 4)
    assert StatusList.decode(padded) == StatusList()


# --- several bits per entry ------------------------------------------------------------------


def test_entries_of_two_bits_are_read_most_significant_bit_first() -> None:
    status_list = StatusList(status_size=2)
    status_list.set(0, 0b10)
    status_list.set(1, 0b11)
    status_list.set(3, 0b01)
    assert status_list.bitstring[0] == 0b10_11_00_01
    assert len(status_list.bitstring) == 32 * 1024
    decoded = StatusList.decode(status_list.encode(), status_size=2)
    assert [decoded.get(i) for i in range(5)] == [2, 3, 0, 1, 0]


def test_entries_of_three_bits_cross_byte_boundaries() -> None:
    status_list = StatusList(status_size=3)
    status_list.set(2, 0b101)  # bits 6, 7, 8
    assert status_list.bitstring[:2] == bytes([0b0000_0010, 0b1000_0000])
    assert status_list.get(2) == 5


def test_it_rejects_a_status_value_wider_than_the_entry() -> None:
    with pytest.raises(StatusListError, match="between 0 and 3") as caught:
        StatusList(status_size=2).set(0, 4)
    assert caught.value.code == "RANGE_ERROR"


@pytest.mark.parametrize("status_size", [0, 9, -1, True, 1.0])
def test_it_rejects_unsupported_status_sizes(status_size: object) -> None:
    with pytest.raises(StatusListError, match="statusSize"):
        StatusList(status_size=status_size)  # type: ignore[arg-type]


def test_the_minimum_counts_entries_not_bits_when_entries_are_wide() -> None:
    with pytest.raises(StatusListError, match="65536 entries of 2 bit"):
        StatusList.decode(StatusList().encode(), status_size=2)


@pytest.mark.parametrize("index", [-1, MIN_ENTRIES, 2**70])
def test_it_rejects_indexes_outside_the_list(index: int) -> None:
    with pytest.raises(StatusListError, match="outside the status list") as caught:
        StatusList().get(index)
    assert caught.value.code == "RANGE_ERROR"
    with pytest.raises(StatusListError, match="outside the status list"):
        StatusList().set(index, 1)


@pytest.mark.parametrize("index", ["3", 1.5, True, None])
def test_it_rejects_indexes_that_are_not_integers(index: object) -> None:
    with pytest.raises(StatusListError, match="integer"):
        StatusList().get(index)  # type: ignore[arg-type]


# --- hostile encoded lists ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "message"),
    [
        ("", "starting with 'u'"),
        ("H4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA", "'H'"),
        ("zH4sIAAAAAAAAA", "starting with 'u'"),
        ("uH4sI+AAA/AAA", "not valid base64url"),
        ("uH4sI AAAAA", "not valid base64url"),
        ("uH4sIA", "not valid base64url"),
        ("u", "does not hold GZIP"),
        ("u" + base64.urlsafe_b64encode(b"not gzip at all").decode(), "does not hold GZIP"),
        ("u" + base64.urlsafe_b64encode(zlib.compress(bytes(16384))).decode(), "GZIP"),
        (SPEC_ENCODED_LIST[:29], "truncated GZIP"),
        (
            "u" + base64.urlsafe_b64encode(gzip.compress(bytes(16384), mtime=0) + b"junk").decode(),
            "trailing",
        ),
        (
            "u" + base64.urlsafe_b64encode(gzip.compress(bytes(1000), mtime=0)).decode(),
            "at least 131072",
        ),
    ],
)
def test_it_refuses_broken_encoded_lists(encoded: str, message: str) -> None:
    with pytest.raises(StatusListError, match=message):
        StatusList.decode(encoded)


def test_it_refuses_a_gzip_stream_with_a_wrong_checksum() -> None:
    compressed = bytearray(gzip.compress(bytes(16 * 1024), mtime=0))
    compressed[-6] ^= 0xFF  # inside the CRC-32 trailer
    with pytest.raises(StatusListError, match="broken GZIP"):
        StatusList.decode("u" + base64.urlsafe_b64encode(compressed).decode().rstrip("="))


def test_it_refuses_a_non_string() -> None:
    with pytest.raises(StatusListError, match="not a string"):
        StatusList.decode(b"uH4sI")  # type: ignore[arg-type]


def test_a_gzip_bomb_is_refused_without_expanding_it() -> None:
    bomb_size = 64 * 1024 * 1024
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1024 * 1024)
    compressed = b"".join(compressor.compress(block) for _ in range(bomb_size // len(block)))
    compressed += compressor.flush()
    encoded = "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")
    assert len(encoded) < 400_000

    tracemalloc.start()
    try:
        with pytest.raises(StatusListError, match="more than 16777216 bytes") as caught:
            StatusList.decode(encoded)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.code == "STATUS_LIST_LENGTH_ERROR"
    assert peak < 40 * 1024 * 1024


def test_the_decompression_limit_can_be_lowered() -> None:
    with pytest.raises(StatusListError, match="more than 1000 bytes"):
        StatusList.decode(SPEC_ENCODED_LIST, max_bytes=1000)


def test_an_absurdly_long_encoded_list_is_refused_before_decoding() -> None:
    with pytest.raises(StatusListError, match="longer than"):
        StatusList.decode("u" + "A" * 4000, max_bytes=1000)


@given(st.sets(st.integers(min_value=0, max_value=MIN_ENTRIES - 1), max_size=200))
@settings(max_examples=60, deadline=None)
def test_any_set_of_revoked_indexes_survives_encoding(revoked: set[int]) -> None:
    status_list = StatusList()
    for index in revoked:
        status_list.set(index, 1)
    decoded = StatusList.decode(status_list.encode())
    assert decoded == status_list
    assert all(decoded.get(index) == 1 for index in revoked)
    assert sum(bin(byte).count("1") for byte in decoded.bitstring) == len(revoked)


@given(
    st.integers(min_value=1, max_value=8),
    st.dictionaries(st.integers(min_value=0, max_value=MIN_ENTRIES - 1), st.integers(0, 255)),
)
@settings(max_examples=60, deadline=None)
def test_any_statuses_of_any_width_survive_encoding(
    status_size: int, statuses: dict[int, int]
) -> None:
    status_list = StatusList(status_size=status_size)
    expected = {index: value % (1 << status_size) for index, value in statuses.items()}
    for index, value in expected.items():
        status_list.set(index, value)
    decoded = StatusList.decode(status_list.encode(), status_size=status_size)
    assert all(decoded.get(index) == value for index, value in expected.items())


@given(st.binary(max_size=2048))
@settings(max_examples=300, deadline=None)
def test_random_bytes_as_an_encoded_list_give_a_list_or_a_status_list_error(data: bytes) -> None:
    for encoded in (
        "u" + base64.urlsafe_b64encode(data).decode().rstrip("="),
        "u" + base64.urlsafe_b64encode(b"\x1f\x8b\x08" + data).decode().rstrip("="),
        data.decode("latin-1"),
    ):
        with contextlib.suppress(StatusListError):
            assert isinstance(StatusList.decode(encoded, min_entries=0), StatusList)


@given(st.binary(min_size=1, max_size=4096), st.data())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_corrupted_gzip_gives_a_list_or_a_status_list_error(
    bitstring: bytes, data: st.DataObject
) -> None:
    compressed = bytearray(gzip.compress(bitstring, mtime=0))
    position = data.draw(st.integers(0, len(compressed) - 1))
    compressed[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(compressed)))
    encoded = "u" + base64.urlsafe_b64encode(bytes(compressed[:cut])).decode().rstrip("=")
    with contextlib.suppress(StatusListError):
        StatusList.decode(encoded, min_entries=0)


# --- the status list credential and the entry --------------------------------------------------


def test_it_builds_an_unsigned_bitstring_status_list_credential() -> None:
    status_list = StatusList()
    status_list.set(7, 1)
    credential = status_list_credential(
        "https://issuer.example/status/1",
        {"id": "did:web:issuer.example", "name": "Issuer"},
        "suspension",
        status_list,
        valid_from="2025-01-01T00:00:00Z",
        valid_until=datetime(2025, 1, 2, 1, 0, tzinfo=timezone(timedelta(hours=1))),
        ttl=300_000,
    )
    assert credential == {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "https://issuer.example/status/1",
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": {"id": "did:web:issuer.example", "name": "Issuer"},
        "validFrom": "2025-01-01T00:00:00Z",
        "validUntil": "2025-01-02T00:00:00Z",
        "credentialSubject": {
            "id": "https://issuer.example/status/1#list",
            "type": "BitstringStatusList",
            "statusPurpose": "suspension",
            "encodedList": status_list.encode(),
            "ttl": 300_000,
        },
    }
    assert "proof" not in credential


def test_the_credential_leaves_out_validity_dates_it_was_not_given() -> None:
    credential = _list_credential(StatusList())
    assert "validFrom" not in credential
    assert "validUntil" not in credential
    assert credential["issuer"] == "did:example:12345"


@pytest.mark.parametrize("purpose", ["refresh", "message", "Revocation", ""])
def test_it_issues_only_revocation_and_suspension_lists(purpose: str) -> None:
    with pytest.raises(StatusListError, match="revocation, suspension"):
        _list_credential(StatusList(), purpose)
    with pytest.raises(StatusListError, match="revocation, suspension"):
        status_list_entry(SPEC_LIST_URL, 1, purpose)


def test_it_refuses_a_naive_validity_date() -> None:
    with pytest.raises(StatusListError, match="time zone"):
        status_list_credential(
            SPEC_LIST_URL, "did:example:1", "revocation", StatusList(), valid_from=datetime.now()
        )
    dated = status_list_credential(
        SPEC_LIST_URL,
        "did:example:1",
        "revocation",
        StatusList(),
        valid_from=datetime(2030, 5, 6, 7, 8, 9, 123, tzinfo=UTC),
    )
    assert dated["validFrom"] == "2030-05-06T07:08:09Z"


def test_it_builds_the_entry_with_the_index_as_a_string() -> None:
    assert status_list_entry(SPEC_LIST_URL, 94567, "revocation") == SPEC_ENTRY


@pytest.mark.parametrize("index", [-1, "5", True, 1.0])
def test_the_entry_refuses_an_index_that_is_not_a_natural_number(index: object) -> None:
    with pytest.raises(StatusListError, match="integer >= 0"):
        status_list_entry(SPEC_LIST_URL, index, "revocation")  # type: ignore[arg-type]


# --- reading a status --------------------------------------------------------------------------


def test_it_reads_the_spec_example_entry_as_not_revoked() -> None:
    assert read_status(SPEC_ENTRY, SPEC_LIST_CREDENTIAL) == 0


def test_it_reads_a_revoked_credential() -> None:
    status_list = StatusList()
    status_list.set(94567, True)
    assert read_status(SPEC_ENTRY, _list_credential(status_list)) == 1
    assert (
        read_status({**SPEC_ENTRY, "statusListIndex": "94566"}, _list_credential(status_list)) == 0
    )


def test_it_reads_an_index_given_as_a_json_number() -> None:
    status_list = StatusList()
    status_list.set(3, 1)
    assert read_status({**SPEC_ENTRY, "statusListIndex": 3}, _list_credential(status_list)) == 1


def test_it_reads_a_list_that_serves_several_purposes() -> None:
    credential = _list_credential(StatusList())
    credential["credentialSubject"]["statusPurpose"] = ["revocation", "suspension"]
    entry = {**SPEC_ENTRY, "statusPurpose": "suspension"}
    assert read_status(entry, credential) == 0


def test_it_reads_a_message_status_of_two_bits() -> None:
    status_list = StatusList(status_size=2)
    status_list.set(92847, 2)
    credential = {
        "id": "https://example.com/credentials/status/8",
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "credentialSubject": {
            "type": "BitstringStatusList",
            "statusPurpose": "message",
            "statusSize": 2,
            "encodedList": status_list.encode(),
        },
    }
    entry = {
        "type": "BitstringStatusListEntry",
        "statusPurpose": "message",
        "statusListIndex": "92847",
        "statusSize": 2,
        "statusListCredential": "https://example.com/credentials/status/8",
    }
    assert read_status(entry, credential) == 2


def test_it_refuses_a_purpose_the_list_does_not_have() -> None:
    entry = {**SPEC_ENTRY, "statusPurpose": "suspension"}
    with pytest.raises(StatusListError, match="'suspension' is not a purpose") as caught:
        read_status(entry, SPEC_LIST_CREDENTIAL)
    assert caught.value.code == "STATUS_VERIFICATION_ERROR"


def test_it_refuses_a_list_credential_other_than_the_one_the_entry_names() -> None:
    entry = {**SPEC_ENTRY, "statusListCredential": "https://example.com/credentials/status/4"}
    with pytest.raises(StatusListError, match="points to") as caught:
        read_status(entry, SPEC_LIST_CREDENTIAL)
    assert caught.value.code == "STATUS_VERIFICATION_ERROR"


def test_it_refuses_an_index_beyond_the_list() -> None:
    entry = {**SPEC_ENTRY, "statusListIndex": "131072"}
    with pytest.raises(StatusListError, match="outside the status list") as caught:
        read_status(entry, SPEC_LIST_CREDENTIAL)
    assert caught.value.code == "RANGE_ERROR"


def test_it_refuses_a_list_below_the_minimum_length() -> None:
    credential = _list_credential(StatusList())
    credential["credentialSubject"]["encodedList"] = _encode_raw(bytes(1024))
    with pytest.raises(StatusListError, match="at least 131072") as caught:
        read_status(SPEC_ENTRY | {"statusListIndex": "5"}, credential)
    assert caught.value.code == "STATUS_LIST_LENGTH_ERROR"
    assert read_status(SPEC_ENTRY | {"statusListIndex": "5"}, credential, min_entries=8192) == 0


def test_it_refuses_an_entry_and_list_that_disagree_on_the_status_size() -> None:
    credential = _list_credential(StatusList())
    credential["credentialSubject"]["statusSize"] = 2
    with pytest.raises(StatusListError, match="1-bit statuses but the list holds 2-bit"):
        read_status(SPEC_ENTRY, credential)


@pytest.mark.parametrize("index", ["-1", "0x10", " 5", "5 ", "1e3", "", "١٢", None, -3, True, 2.0])
def test_it_refuses_an_index_not_written_in_base_10(index: object) -> None:
    with pytest.raises(StatusListError, match="statusListIndex"):
        read_status({**SPEC_ENTRY, "statusListIndex": index}, SPEC_LIST_CREDENTIAL)


def test_a_huge_decimal_index_is_out_of_range_not_a_crash() -> None:
    with pytest.raises(StatusListError, match="statusListIndex"):
        read_status({**SPEC_ENTRY, "statusListIndex": "9" * 5000}, SPEC_LIST_CREDENTIAL)
    with pytest.raises(StatusListError, match="outside"):
        read_status({**SPEC_ENTRY, "statusListIndex": "9" * 20}, SPEC_LIST_CREDENTIAL)


@pytest.mark.parametrize(
    ("entry_change", "list_change", "message"),
    [
        ({"type": "StatusList2021Entry"}, {}, "not a BitstringStatusListEntry"),
        ({"statusPurpose": None}, {}, "no statusPurpose"),
        ({"statusListCredential": None}, {}, "no statusListCredential"),
        ({"statusSize": 0}, {}, "greater than zero"),
        ({"statusSize": "1"}, {}, "greater than zero"),
        ({}, {"type": ["VerifiableCredential"]}, "not a BitstringStatusListCredential"),
        ({}, {"credentialSubject": {"type": "Person"}}, "subject is not a BitstringStatusList"),
        ({}, {"credentialSubject": "x"}, "subject is not a BitstringStatusList"),
        (
            {},
            {"credentialSubject": {"type": "BitstringStatusList", "statusPurpose": "revocation"}},
            "no encodedList",
        ),
    ],
)
def test_it_refuses_malformed_entries_and_lists(
    entry_change: dict, list_change: dict, message: str
) -> None:
    with pytest.raises(StatusListError, match=message):
        read_status(SPEC_ENTRY | entry_change, SPEC_LIST_CREDENTIAL | list_change)


def test_it_reads_a_subject_given_as_a_one_element_array() -> None:
    credential = dict(SPEC_LIST_CREDENTIAL)
    credential["credentialSubject"] = [SPEC_LIST_CREDENTIAL["credentialSubject"]]
    assert read_status(SPEC_ENTRY, credential) == 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=10,
)


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "type": st.sampled_from(["BitstringStatusListEntry", ["BitstringStatusListEntry"]])
            | json_values,
            "statusPurpose": st.sampled_from(["revocation", "suspension"]) | json_values,
            "statusListIndex": st.integers(-5, 200_000).map(str) | json_values,
            "statusSize": st.integers(-1, 10) | json_values,
            "statusListCredential": st.just(SPEC_LIST_URL) | json_values,
        },
    ),
    st.fixed_dictionaries(
        {},
        optional={
            "id": st.just(SPEC_LIST_URL) | json_values,
            "type": st.just(["VerifiableCredential", "BitstringStatusListCredential"])
            | json_values,
            "credentialSubject": st.fixed_dictionaries(
                {},
                optional={
                    "type": st.just("BitstringStatusList") | json_values,
                    "statusPurpose": st.just("revocation") | json_values,
                    "statusSize": st.integers(-1, 3) | json_values,
                    "encodedList": st.just(SPEC_ENCODED_LIST) | json_values,
                },
            )
            | json_values,
        },
    ),
)
@settings(max_examples=300, deadline=None)
def test_any_entry_and_list_give_a_status_or_a_status_list_error(
    entry: dict, listing: dict
) -> None:
    with contextlib.suppress(StatusListError):
        assert read_status(entry, listing) in (0, 1, 2, 3, 4, 5, 6, 7)
