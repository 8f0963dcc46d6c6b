"""POST /credentials/status: revoke, suspend and reinstate, only within the token's organization."""

from __future__ import annotations

import json

import pytest

from microcred.web.credentials.verdict import live_report
from microcred.web.vcapi.tokens import create_token
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential(organization):
    return issue_sample(organization)


def status(call, token, credential_id, purpose="revocation", value=True, **extra):
    body = {
        "credentialId": credential_id,
        "credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": purpose},
        "status": value,
        **extra,
    }
    return call("/credentials/status", body, token=token)


def test_it_revokes_and_everything_shows_it(call, token, client, credential) -> None:
    response = status(call, token, credential.credential_id, options={"reason": "Betrug"})
    assert response.status_code == 200
    assert response.json() == {
        "credentialId": credential.credential_id,
        "revoked": True,
        "suspended": False,
    }
    credential.refresh_from_db()
    assert credential.revocation_reason == "Betrug"
    assert live_report(credential).facts.status == "revoked"
    page = client.get(f"/c/{credential.public_id}", headers={"accept": "text/html"}).text
    assert "state-revoked" in page


def test_it_suspends_and_reinstates(call, token, credential) -> None:
    assert status(call, token, credential.credential_id, "suspension", True).json()["suspended"]
    assert live_report(credential).facts.status == "suspended"
    assert not status(call, token, credential.credential_id, "suspension", False).json()[
        "suspended"
    ]
    assert live_report(credential).verdict.value == "valid"


def test_the_earlier_list_form_is_understood(call, token, credential) -> None:
    body = {
        "credentialId": credential.credential_id,
        "credentialStatus": [{"type": "BitstringStatusListCredential", "status": "1"}],
    }
    response = call("/credentials/status", body, token=token)
    assert response.status_code == 200 and response.json()["revoked"] is True


def test_the_public_url_and_the_uuid_name_the_credential_too(call, token, credential) -> None:
    url = f"http://testserver/c/{credential.public_id}"
    assert status(call, token, url, "suspension", True).json()["suspended"] is True
    assert status(call, token, str(credential.public_id), "suspension", False).status_code == 200


def test_setting_what_is_already_set_changes_nothing(call, token, credential) -> None:
    response = status(call, token, credential.credential_id, "suspension", False)
    assert response.status_code == 200 and response.json()["suspended"] is False


def test_a_revocation_cannot_be_undone(call, token, credential) -> None:
    status(call, token, credential.credential_id)
    response = status(call, token, credential.credential_id, value=False)
    assert response.status_code == 400
    assert "stays revoked" in response.json()["detail"]


def test_another_organizations_token_cannot_touch_it(call, credential, make_organization) -> None:
    other = make_organization("Fremde Akademie")
    _token, foreign = create_token(other, "Foreign", actor=None)
    for credential_id in (credential.credential_id, str(credential.public_id)):
        response = status(call, foreign, credential_id)
        assert response.status_code == 404
    credential.refresh_from_db()
    assert credential.state == "active"


def test_a_token_cannot_issue_for_another_organization(call, organization, make_organization):
    from microcred.web.identity.dids import organization_did

    other = make_organization("Fremde Akademie")
    _token, foreign = create_token(other, "Foreign", actor=None)
    from tests.web.vcapi.test_issue import open_badge

    credential = open_badge(issuer=organization_did(organization))
    response = call("/credentials/issue", {"credential": credential}, token=foreign)
    assert response.status_code == 400
    assert not organization.credentials.exists()


BAD = {
    "no id": {"credentialStatus": {"type": "BitstringStatusListEntry"}, "status": True},
    "no status": {"credentialId": "x"},
    "empty list": {"credentialId": "x", "credentialStatus": []},
    "unknown type": {
        "credentialId": "x",
        "credentialStatus": {"type": "RevocationList2020Status", "statusPurpose": "revocation"},
        "status": True,
    },
    "unknown purpose": {
        "credentialId": "x",
        "credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": "message"},
        "status": True,
    },
    "status not a boolean": {
        "credentialId": "x",
        "credentialStatus": {"type": "BitstringStatusListEntry", "statusPurpose": "revocation"},
        "status": "maybe",
    },
    "unknown member": {
        "credentialId": "x",
        "credentialStatus": {"type": "BitstringStatusListEntry"},
        "status": True,
        "indexAllocator": "y",
    },
}


@pytest.mark.parametrize("body", BAD.values(), ids=BAD.keys())
def test_bad_requests_are_400(call, token, credential, body) -> None:
    response = call("/credentials/status", body, token=token)
    assert response.status_code == 400, response.content
    credential.refresh_from_db()
    assert credential.state == "active"


def test_an_unknown_credential_is_404(call, token) -> None:
    assert status(call, token, "urn:uuid:11111111-2222-4333-8444-555555555555").status_code == 404


def test_api_changes_are_audit_logged_with_the_token(call, token, credential) -> None:
    from microcred.web.audit.models import AuditEvent

    status(call, token, credential.credential_id, "suspension", True)
    event = AuditEvent.objects.get(action="credential.suspended")
    assert event.actor is None
    assert event.details == {"token": "Conformance suite"}
    assert json.loads(credential.signed_text)["id"] == credential.credential_id
