"""POST /credentials/verify: checks, warnings and errors, plus microcred's full report."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microcred.web.credentials import revocation
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential(organization):
    return issue_sample(organization)


def test_a_valid_credential_is_200_verified(call, token, credential) -> None:
    body = {"verifiableCredential": json.loads(credential.signed_text), "options": {}}
    response = call("/credentials/verify", body, token=token)
    assert response.status_code == 200
    result = response.json()
    assert result["verified"] is True
    assert {"proof.signature", "issuer.key", "status.revoked"} <= set(result["checks"])
    assert result["errors"] == [] and result["warnings"] == []
    assert result["microcred"]["verdict"] == "valid"
    assert result["microcred"]["facts"]["achievement_name"] == "Datenanalyse mit Python"


def test_a_tampered_credential_is_400_with_the_errors(call, token, credential) -> None:
    document = json.loads(credential.signed_text)
    document["name"] = "Something else"
    response = call("/credentials/verify", {"verifiableCredential": document}, token=token)
    assert response.status_code == 400
    result = response.json()
    assert result["verified"] is False
    error = next(e for e in result["errors"] if e["title"] == "proof.signature")
    assert error["type"].endswith("CRYPTOGRAPHIC_SECURITY_ERROR")
    assert error["detail"]


def test_a_revoked_credential_is_not_verified(call, token, credential) -> None:
    revocation.revoke(credential, actor=None, reason="x")
    document = json.loads(credential.signed_text)
    result = call("/credentials/verify", {"verifiableCredential": document}, token=token).json()
    assert result["verified"] is False
    assert [e["title"] for e in result["errors"]] == ["status.revoked"]


@pytest.mark.parametrize("field", ["@context", "type", "issuer", "credentialSubject", "proof"])
def test_a_credential_missing_a_required_part_is_400(call, token, credential, field) -> None:
    document = json.loads(credential.signed_text)
    del document[field]
    response = call("/credentials/verify", {"verifiableCredential": document}, token=token)
    assert response.status_code == 400
    assert response.json()["verified"] is False


def test_the_recipient_option_checks_whom_it_belongs_to(call, token, credential) -> None:
    document = json.loads(credential.signed_text)
    body = {"verifiableCredential": document, "options": {"recipient": "someone@else.example"}}
    response = call("/credentials/verify", body, token=token)
    assert response.status_code == 400
    assert "recipient.match" in [e["title"] for e in response.json()["errors"]]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"verifiableCredential": "eyJ.not.a.credential"},
        {"verifiableCredential": {}, "options": {"challenge": "123"}},
        {"verifiablePresentation": {}},
    ],
)
def test_bad_requests_are_400_problems(call, token, body) -> None:
    response = call("/credentials/verify", body, token=token)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    document=st.dictionaries(
        st.sampled_from(["@context", "type", "issuer", "proof", "credentialSubject", "id", "x"]),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=8), inner, max_size=3)
            ),
            max_leaves=10,
        ),
    )
)
def test_any_json_object_gets_an_answer_never_a_crash(call, token, document) -> None:
    response = call("/credentials/verify", {"verifiableCredential": document}, token=token)
    assert response.status_code in {200, 400}
    assert "verified" in response.json() or response.json()["status"] == 400
