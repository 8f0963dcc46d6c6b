"""IdentifierEntry: another system's identifier, typed from the spec's list or ext:."""

from __future__ import annotations

import pytest

from microcred.openbadges.model import IdentifierEntry, IdentifierType, ModelError


def test_it_is_written_with_a_string_type():
    entry = IdentifierEntry(identifier="12345", identifier_type=IdentifierType.SOURCED_ID)
    assert entry.to_json() == {
        "type": "IdentifierEntry",
        "identifier": "12345",
        "identifierType": "sourcedId",
    }


def test_extension_identifier_types_are_allowed():
    IdentifierEntry(identifier="00AA", identifier_type="ext:ErasmusCode")


def test_unknown_identifier_types_are_refused():
    with pytest.raises(ModelError, match="identifierType 'passport'"):
        IdentifierEntry(identifier="X", identifier_type="passport")


def test_no_other_properties_are_allowed():
    with pytest.raises(ModelError, match="not a property of IdentifierEntry"):
        IdentifierEntry.from_json(
            {"identifier": "1", "identifierType": "sourcedId", "issuedBy": "x"}
        )
