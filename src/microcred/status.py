"""W3C Bitstring Status List v1.0: revocation and suspension published as one compressed bitstring.

An issuer gives every credential a position in a list of at least 131,072 entries and publishes
the list as a ``BitstringStatusListCredential``; a set bit means "revoked" (or "suspended"). The
list travels GZIP-compressed, base64url-encoded without padding and multibase-prefixed with
``u``. Entry 0 is the left-most (most significant) bit of the first byte.

Reading a list is the hostile part: the encoded list comes from the network, so decoding refuses
a bad prefix, bad base64url and bad GZIP with a :class:`StatusListError`, and decompresses in
bounded steps so that a GZIP bomb never allocates more than ``max_bytes``.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import re
import threading
import zlib
from collections import OrderedDict
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Final

MIN_ENTRIES: Final = 131_072
DEFAULT_MAX_BYTES: Final = 16 * 1024 * 1024
MAX_STATUS_SIZE: Final = 8

ISSUED_PURPOSES: Final = frozenset({"revocation", "suspension"})
KNOWN_PURPOSES: Final = frozenset({"revocation", "suspension", "refresh", "message"})

CREDENTIALS_V2: Final = "https://www.w3.org/ns/credentials/v2"
LIST_CREDENTIAL_TYPE: Final = "BitstringStatusListCredential"
LIST_TYPE: Final = "BitstringStatusList"
ENTRY_TYPE: Final = "BitstringStatusListEntry"

_MULTIBASE_BASE64URL: Final = "u"
_BASE64URL: Final = re.compile(r"[A-Za-z0-9_-]*={0,2}")
_DECIMAL_INDEX: Final = re.compile(r"[0-9]{1,20}")
_GZIP_MAGIC: Final = b"\x1f\x8b"
_GZIP_WBITS: Final = 16 + zlib.MAX_WBITS
_CHUNK: Final = 64 * 1024


class StatusListError(ValueError):
    """A status list or status entry that cannot be used, with the spec's error code.

    ``code`` is one of the error names of the spec and of VC Data Model 2.0
    (``MALFORMED_VALUE_ERROR``, ``STATUS_VERIFICATION_ERROR``, ``STATUS_LIST_LENGTH_ERROR``,
    ``RANGE_ERROR``) so that an HTTP layer can report it as problem details.
    """

    def __init__(self, message: str, *, code: str = "MALFORMED_VALUE_ERROR") -> None:
        super().__init__(message)
        self.code = code


class StatusList:
    """A fixed-size list of ``length`` entries of ``status_size`` bits each, all zero at first."""

    __slots__ = ("_bits", "length", "status_size")

    def __init__(self, length: int = MIN_ENTRIES, *, status_size: int = 1) -> None:
        _check_status_size(status_size)
        if isinstance(length, bool) or not isinstance(length, int) or length < MIN_ENTRIES:
            raise StatusListError(
                f"a status list needs at least {MIN_ENTRIES} entries for group privacy; "
                f"got {length!r}",
                code="STATUS_LIST_LENGTH_ERROR",
            )
        self.length = length
        self.status_size = status_size
        self._bits = bytearray(-(-length * status_size // 8))

    @classmethod
    def from_bitstring(
        cls, bitstring: bytes, *, status_size: int = 1, min_entries: int = MIN_ENTRIES
    ) -> StatusList:
        """Wrap an uncompressed bitstring; its length decides the number of entries."""
        _check_status_size(status_size)
        length = len(bitstring) * 8 // status_size
        if length < min_entries:
            raise StatusListError(
                f"the status list has {length} entries of {status_size} bit(s); "
                f"at least {min_entries} are required",
                code="STATUS_LIST_LENGTH_ERROR",
            )
        status_list = cls.__new__(cls)
        status_list.length = length
        status_list.status_size = status_size
        status_list._bits = bytearray(bitstring)
        return status_list

    @classmethod
    def decode(
        cls,
        encoded: str,
        *,
        status_size: int = 1,
        max_bytes: int = DEFAULT_MAX_BYTES,
        min_entries: int = MIN_ENTRIES,
    ) -> StatusList:
        """Expand an ``encodedList`` value (the spec's Bitstring Expansion Algorithm)."""
        return cls.from_bitstring(
            _expand(encoded, max_bytes), status_size=status_size, min_entries=min_entries
        )

    @property
    def bitstring(self) -> bytes:
        """The uncompressed bitstring, for storage."""
        return bytes(self._bits)

    def __len__(self) -> int:
        return self.length

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StatusList):
            return NotImplemented
        return (self.length, self.status_size, self._bits) == (
            other.length,
            other.status_size,
            other._bits,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return f"StatusList(length={self.length}, status_size={self.status_size})"

    def get(self, index: int) -> int:
        """The status at ``index``: 0 or 1, or up to ``2**status_size - 1``."""
        first = self._first_bit(index)
        if self.status_size == 1:
            return (self._bits[first >> 3] >> (7 - (first & 7))) & 1
        value = 0
        for bit in range(first, first + self.status_size):
            value = (value << 1) | ((self._bits[bit >> 3] >> (7 - (bit & 7))) & 1)
        return value

    def set(self, index: int, value: int | bool) -> None:
        """Set the status at ``index``; ``True``/``1`` marks a credential revoked or suspended."""
        first = self._first_bit(index)
        value = int(value)
        if not 0 <= value < 1 << self.status_size:
            raise StatusListError(
                f"a status of {self.status_size} bit(s) is between 0 and "
                f"{(1 << self.status_size) - 1}; got {value}",
                code="RANGE_ERROR",
            )
        for offset in range(self.status_size):
            bit = first + offset
            mask = 1 << (7 - (bit & 7))
            if (value >> (self.status_size - 1 - offset)) & 1:
                self._bits[bit >> 3] |= mask
            else:
                self._bits[bit >> 3] &= ~mask & 0xFF

    def encode(self) -> str:
        """The ``encodedList`` value: multibase ``u`` + base64url (no padding) of GZIP."""
        # mtime=0 makes the output depend on the bits only, so an unchanged list keeps its ETag.
        compressed = gzip.compress(bytes(self._bits), compresslevel=9, mtime=0)
        return _MULTIBASE_BASE64URL + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode()

    def _first_bit(self, index: int) -> int:
        if isinstance(index, bool) or not isinstance(index, int):
            raise StatusListError(f"a status list index is an integer; got {index!r}")
        if not 0 <= index < self.length:
            raise StatusListError(
                f"index {index} is outside the status list (0 to {self.length - 1})",
                code="RANGE_ERROR",
            )
        return index * self.status_size


def status_list_credential(
    list_id: str,
    issuer: str | Mapping[str, Any],
    purpose: str,
    status_list: StatusList,
    *,
    valid_from: str | datetime | None = None,
    valid_until: str | datetime | None = None,
    ttl: int | None = None,
) -> dict[str, Any]:
    """An unsigned ``BitstringStatusListCredential`` published at ``list_id``.

    ``ttl`` is the spec's optional refresh hint in milliseconds; keep it in step with the HTTP
    ``Cache-Control`` of the published list.
    """
    _check_issued_purpose(purpose)
    if status_list.status_size != 1:
        raise StatusListError("revocation and suspension lists use one bit per entry")
    if not isinstance(list_id, str) or not list_id:
        raise StatusListError("the status list credential needs its URL as id")
    credential: dict[str, Any] = {
        "@context": [CREDENTIALS_V2],
        "id": list_id,
        "type": ["VerifiableCredential", LIST_CREDENTIAL_TYPE],
        "issuer": issuer if isinstance(issuer, str) else dict(issuer),
    }
    if valid_from is not None:
        credential["validFrom"] = _date_time(valid_from)
    if valid_until is not None:
        credential["validUntil"] = _date_time(valid_until)
    subject: dict[str, Any] = {
        "id": f"{list_id}#list",
        "type": LIST_TYPE,
        "statusPurpose": purpose,
        "encodedList": status_list.encode(),
    }
    if ttl is not None:
        if isinstance(ttl, bool) or not isinstance(ttl, int) or ttl <= 0:
            raise StatusListError(f"ttl is a positive number of milliseconds; got {ttl!r}")
        subject["ttl"] = ttl
    credential["credentialSubject"] = subject
    return credential


def status_list_entry(list_credential_url: str, index: int, purpose: str) -> dict[str, Any]:
    """The ``credentialStatus`` entry that points a credential at its place in a list."""
    _check_issued_purpose(purpose)
    if isinstance(index, bool) or not isinstance(index, int) or index < 0:
        raise StatusListError(f"a status list index is an integer >= 0; got {index!r}")
    return {
        "id": f"{list_credential_url}#{index}",
        "type": ENTRY_TYPE,
        "statusPurpose": purpose,
        # The spec wants the index as a base-10 string (arbitrary size integers survive JSON).
        "statusListIndex": str(index),
        "statusListCredential": list_credential_url,
    }


def read_status(
    entry: Mapping[str, Any],
    list_credential: Mapping[str, Any],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    min_entries: int = MIN_ENTRIES,
) -> int:
    """The status of ``entry`` in ``list_credential`` (the spec's Validate Algorithm, steps 5-10).

    The list credential must already be fetched and its proof verified: this function only
    reads it. A result of 0 means "not revoked / not suspended"; anything else means it is.
    """
    if not isinstance(entry, Mapping):
        raise StatusListError("the credentialStatus entry is not a JSON object")
    if ENTRY_TYPE not in _types(entry.get("type")):
        raise StatusListError(f"the credentialStatus entry is not a {ENTRY_TYPE}")
    purpose = entry.get("statusPurpose")
    if not isinstance(purpose, str) or not purpose:
        raise StatusListError("the credentialStatus entry has no statusPurpose")
    index = _entry_index(entry.get("statusListIndex"))
    status_size = entry.get("statusSize", 1)
    if isinstance(status_size, bool) or not isinstance(status_size, int) or status_size < 1:
        raise StatusListError(f"statusSize is an integer greater than zero; got {status_size!r}")
    _check_status_size(status_size)
    pointer = entry.get("statusListCredential")
    if not isinstance(pointer, str) or not pointer:
        raise StatusListError("the credentialStatus entry has no statusListCredential URL")

    if not isinstance(list_credential, Mapping):
        raise StatusListError("the status list credential is not a JSON object")
    if LIST_CREDENTIAL_TYPE not in _types(list_credential.get("type")):
        raise StatusListError(
            f"the status list credential is not a {LIST_CREDENTIAL_TYPE}",
            code="STATUS_VERIFICATION_ERROR",
        )
    list_id = list_credential.get("id")
    if list_id is not None and list_id != pointer:
        raise StatusListError(
            f"the entry points to {pointer!r} but the status list credential is {list_id!r}",
            code="STATUS_VERIFICATION_ERROR",
        )
    subject = _list_subject(list_credential.get("credentialSubject"))
    list_purposes = subject.get("statusPurpose")
    if isinstance(list_purposes, str):
        list_purposes = [list_purposes]
    if not isinstance(list_purposes, list) or purpose not in list_purposes:
        raise StatusListError(
            f"the entry's purpose {purpose!r} is not a purpose of the status list "
            f"({list_purposes!r})",
            code="STATUS_VERIFICATION_ERROR",
        )
    list_status_size = subject.get("statusSize", status_size)
    if list_status_size != status_size:
        raise StatusListError(
            f"the entry reads {status_size}-bit statuses but the list holds "
            f"{list_status_size!r}-bit statuses",
            code="STATUS_VERIFICATION_ERROR",
        )
    encoded = subject.get("encodedList")
    if not isinstance(encoded, str):
        raise StatusListError("the status list has no encodedList string")
    status_list = StatusList.decode(
        encoded, status_size=status_size, max_bytes=max_bytes, min_entries=min_entries
    )
    if index >= status_list.length:
        raise StatusListError(
            f"statusListIndex {index} is outside the status list of {status_list.length} entries",
            code="RANGE_ERROR",
        )
    return status_list.get(index)


# A verifier reads the same published list for every credential that points into it; the
# expanded bitstring is kept for the few most recent lists (small ones only: a hostile list
# may expand to max_bytes, and those are not worth keeping).
_MEMO_ENTRIES: Final = 16
_MEMO_MAX_BYTES: Final = 1024 * 1024
_expanded: OrderedDict[tuple[str, int], bytes] = OrderedDict()
_expanded_lock = threading.Lock()


def _expand(encoded: str, max_bytes: int) -> bytes:
    key = (encoded, max_bytes) if isinstance(encoded, str) else None
    if key is not None:
        with _expanded_lock:
            hit = _expanded.get(key)
            if hit is not None:
                _expanded.move_to_end(key)
                return hit
    bitstring = _expand_uncached(encoded, max_bytes)
    if key is not None and len(bitstring) <= _MEMO_MAX_BYTES:
        with _expanded_lock:
            _expanded[key] = bitstring
            while len(_expanded) > _MEMO_ENTRIES:
                _expanded.popitem(last=False)
    return bitstring


def _expand_uncached(encoded: str, max_bytes: int) -> bytes:
    if not isinstance(encoded, str):
        raise StatusListError("encodedList is not a string")
    if not encoded.startswith(_MULTIBASE_BASE64URL):
        raise StatusListError(
            "encodedList must be multibase base64url, starting with 'u'; "
            f"it starts with {encoded[:1]!r}"
        )
    text = encoded[1:]
    # GZIP output is never much larger than its input, so a longer text cannot be a list
    # within the limit; refusing it early keeps base64 decoding bounded too.
    if len(text) > (max_bytes + 1024) * 4 // 3 + 4:
        raise StatusListError(f"encodedList is longer than a list of {max_bytes} bytes can be")
    if not _BASE64URL.fullmatch(text) or len(text.rstrip("=")) % 4 == 1:
        raise StatusListError("encodedList is not valid base64url")
    unpadded = text.rstrip("=")
    try:
        compressed = base64.urlsafe_b64decode(unpadded + "=" * (-len(unpadded) % 4))
    except (binascii.Error, ValueError) as error:
        raise StatusListError("encodedList is not valid base64url") from error
    return _gunzip(compressed, max_bytes)


def _gunzip(compressed: bytes, max_bytes: int) -> bytes:
    if not compressed.startswith(_GZIP_MAGIC):
        raise StatusListError("encodedList does not hold GZIP data")
    output = bytearray()
    pending = compressed
    # RFC 1952 allows several members one after the other; each is inflated in bounded steps.
    while pending:
        if not pending.startswith(_GZIP_MAGIC):
            raise StatusListError("encodedList has trailing bytes after its GZIP data")
        inflater = zlib.decompressobj(wbits=_GZIP_WBITS)
        try:
            while pending and not inflater.eof:
                output += inflater.decompress(pending, max_bytes + 1 - len(output))
                if len(output) > max_bytes:
                    raise StatusListError(
                        f"the status list expands to more than {max_bytes} bytes; refused",
                        code="STATUS_LIST_LENGTH_ERROR",
                    )
                pending = inflater.unconsumed_tail
        except zlib.error as error:
            raise StatusListError(f"encodedList holds broken GZIP data ({error})") from error
        if not inflater.eof:
            raise StatusListError("encodedList holds truncated GZIP data")
        pending = inflater.unused_data
    return bytes(output)


def _entry_index(value: object) -> int:
    # The spec says "a string in base 10"; integers from older issuers are read too.
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and _DECIMAL_INDEX.fullmatch(value):
        return int(value)
    raise StatusListError(
        f"statusListIndex must be a non-negative integer written in base 10; got {value!r}"
    )


def _list_subject(subject: object) -> Mapping[str, Any]:
    if isinstance(subject, list) and len(subject) == 1:
        subject = subject[0]
    if not isinstance(subject, Mapping) or LIST_TYPE not in _types(subject.get("type")):
        raise StatusListError(
            f"the status list credential's subject is not a {LIST_TYPE}",
            code="STATUS_VERIFICATION_ERROR",
        )
    return subject


def _types(value: object) -> list[object]:
    if isinstance(value, str):
        return [value]
    return list(value) if isinstance(value, list) else []


def _check_status_size(status_size: int) -> None:
    if isinstance(status_size, bool) or not isinstance(status_size, int):
        raise StatusListError(f"statusSize is an integer; got {status_size!r}")
    if not 1 <= status_size <= MAX_STATUS_SIZE:
        raise StatusListError(
            f"statusSize {status_size} is not supported (1 to {MAX_STATUS_SIZE} bits)"
        )


def _check_issued_purpose(purpose: str) -> None:
    if purpose not in ISSUED_PURPOSES:
        raise StatusListError(
            f"status purpose {purpose!r} is not issued here; use one of "
            f"{', '.join(sorted(ISSUED_PURPOSES))}"
        )


def _date_time(value: str | datetime) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise StatusListError("validity dates need a time zone")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if not isinstance(value, str) or not value:
        raise StatusListError(f"a validity date is a dateTimeStamp string; got {value!r}")
    return value
