"""What every credential carries: ids, contexts, status, schema, refresh, terms of use."""

from __future__ import annotations

import re

import pytest

from microcred.openbadges import contexts
from microcred.openbadges.model import (
    OB3_CONTEXT,
    CredentialStatus,
    ModelError,
    TermsOfUse,
    new_credential_id,
)
from microcred.openbadges.vc import check_ob3_context


def test_new_credential_ids_are_fresh_uuid_urns():
    first, second = new_credential_id(), new_credential_id()
    assert re.fullmatch(
        r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", first
    )
    assert first != second


def test_the_ob3_context_is_credentials_v2_then_ob_3_0_3():
    assert OB3_CONTEXT == (contexts.CREDENTIALS_V2, contexts.OB_V3P0_3_0_3)


def test_other_contexts_may_follow_and_older_ob_contexts_are_accepted():
    check_ob3_context([*OB3_CONTEXT, "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"])
    check_ob3_context(
        [contexts.CREDENTIALS_V2, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"]
    )


@pytest.mark.parametrize(
    "context",
    [
        [contexts.OB_V3P0_3_0_3],
        [contexts.OB_V3P0_3_0_3, contexts.CREDENTIALS_V2],
        [contexts.CREDENTIALS_V1, contexts.OB_V3P0_3_0_3],
        [contexts.CREDENTIALS_V2, {"@vocab": "https://example.org/"}],
    ],
)
def test_contexts_in_another_order_are_refused(context: list):
    with pytest.raises(ModelError, match="@context"):
        check_ob3_context(context)


def test_a_bitstring_status_entry_keeps_its_own_fields():
    entry = {
        "id": "https://example.org/status/1#94567",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "94567",
        "statusListCredential": "https://example.org/status/1",
    }
    status = CredentialStatus.from_json(entry)
    assert status.extra["statusListIndex"] == "94567"
    assert status.to_json() == entry


def test_terms_of_use_need_only_a_type():
    assert TermsOfUse(type="IssuerPolicy").to_json() == {"type": "IssuerPolicy"}
