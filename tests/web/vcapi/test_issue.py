"""POST /credentials/issue, as the W3C VC API and its test suites expect it."""

from __future__ import annotations

import copy
import json

import pytest

from microcred.web.credentials.models import IssuedCredential
from microcred.web.identity.dids import organization_did

pytestmark = pytest.mark.django_db

V2 = "https://www.w3.org/ns/credentials/v2"
OB = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def open_badge(**changes):
    credential = {
        "@context": [V2, OB],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Erste Hilfe",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "hashed": False,
                    "identityHash": "Erika Mustermann",
                    "identityType": "name",
                }
            ],
            "achievement": {
                "id": "https://akademie.example/achievements/erste-hilfe",
                "type": ["Achievement"],
                "name": "Erste Hilfe",
                "description": "Grundlagen der Ersten Hilfe.",
                "criteria": {"narrative": "Kurs mit 9 Unterrichtseinheiten besucht."},
            },
        },
    }
    credential.update(changes)
    return credential


def plain_vc(**changes):
    credential = {
        "@context": [V2],
        "type": ["VerifiableCredential"],
        "credentialSubject": {"id": "did:example:erika"},
    }
    credential.update(changes)
    return credential


def test_it_issues_201_with_the_verifiable_credential(call, token, organization) -> None:
    response = call("/credentials/issue", {"credential": open_badge(), "options": {}}, token=token)
    assert response.status_code == 201, response.content
    issued = response.json()["verifiableCredential"]
    stored = IssuedCredential.objects.get()
    assert issued["proof"][0]["type"] == "DataIntegrityProof"
    assert issued["issuer"]["id"] == organization_did(organization)
    assert issued["issuer"]["type"] == ["Profile"]
    assert [s["statusPurpose"] for s in issued["credentialStatus"]] == [
        "revocation",
        "suspension",
    ]
    assert issued["id"] == stored.credential_id
    assert response["Location"] == f"http://testserver/c/{stored.public_id}"
    # The signed JSON goes out byte for byte as stored.
    assert stored.signed_text.encode("utf-8") in response.content
    assert stored.channel == "api"
    assert stored.recipient_name == "Erika Mustermann"


def test_the_issued_credential_verifies_through_the_api(call, token) -> None:
    issued = call("/credentials/issue", {"credential": open_badge()}, token=token).json()
    response = call(
        "/credentials/verify", {"verifiableCredential": issued["verifiableCredential"]}, token=token
    )
    assert response.status_code == 200
    assert response.json()["verified"] is True


def test_only_open_badges_are_issued(call, token) -> None:
    response = call("/credentials/issue", {"credential": plain_vc()}, token=token)
    assert response.status_code == 400
    assert "OpenBadgeCredential" in response.json()["detail"]


def test_the_issuer_may_be_named_if_it_is_this_organization(call, token, organization) -> None:
    did = organization_did(organization)
    for issuer in (did, {"id": did, "type": ["Profile"]}):
        response = call(
            "/credentials/issue", {"credential": open_badge(issuer=issuer)}, token=token
        )
        assert response.status_code == 201, response.content
        assert response.json()["verifiableCredential"]["issuer"]["name"] == organization.name


def test_nobody_issues_in_another_name(call, token, organization) -> None:
    did = organization_did(organization)
    claimed = {"id": did, "type": ["Profile"], "name": "Bundesministerium für Bildung"}
    response = call("/credentials/issue", {"credential": open_badge(issuer=claimed)}, token=token)
    issued = response.json()["verifiableCredential"]
    assert issued["issuer"]["name"] == organization.name
    assert "Bundesministerium" not in response.text


@pytest.mark.parametrize("issuer", ["did:web:evil.example", {"id": "did:key:z6Mk"}])
def test_another_issuer_is_400(call, token, issuer) -> None:
    response = call("/credentials/issue", {"credential": open_badge(issuer=issuer)}, token=token)
    assert response.status_code == 400
    body = response.json()
    assert response["Content-Type"] == "application/problem+json"
    assert body["title"] == "Wrong issuer" and body["status"] == 400
    assert not IssuedCredential.objects.exists()


def test_a_given_id_and_credential_id_option_are_kept(call, token) -> None:
    given = "urn:uuid:7f1f3e0a-2b8c-4c1e-9d2a-5b6c7d8e9f00"
    response = call("/credentials/issue", {"credential": open_badge(id=given)}, token=token)
    assert response.json()["verifiableCredential"]["id"] == given
    option = "urn:uuid:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    response = call(
        "/credentials/issue",
        {"credential": open_badge(), "options": {"credentialId": option}},
        token=token,
    )
    assert response.json()["verifiableCredential"]["id"] == option


def test_the_same_id_twice_is_a_conflict(call, token) -> None:
    body = {"credential": open_badge(id="urn:uuid:7f1f3e0a-2b8c-4c1e-9d2a-5b6c7d8e9f00")}
    assert call("/credentials/issue", body, token=token).status_code == 201
    response = call("/credentials/issue", body, token=token)
    assert response.status_code == 409
    assert "issued already" in response.json()["detail"]


def test_vc_jwt_comes_back_enveloped(call, token) -> None:
    response = call(
        "/credentials/issue",
        {"credential": open_badge(), "options": {"proofFormat": "vc-jwt"}},
        token=token,
    )
    assert response.status_code == 201
    envelope = response.json()["verifiableCredential"]
    assert envelope["type"] == "EnvelopedVerifiableCredential"
    assert envelope["id"].startswith("data:application/vc+jwt,eyJ")
    verified = call("/credentials/verify", {"verifiableCredential": envelope}, token=token)
    assert verified.json()["verified"] is True


def test_undefined_json_ld_terms_are_422(call, token) -> None:
    response = call(
        "/credentials/issue", {"credential": open_badge(favouriteColour="blue")}, token=token
    )
    assert response.status_code == 422
    assert "favouriteColour" in response.json()["detail"]


def test_an_unknown_context_is_422(call, token) -> None:
    credential = open_badge()
    credential["@context"] = [V2, OB, "https://www.w3.org/ns/credentials/examples/v2"]
    response = call("/credentials/issue", {"credential": credential}, token=token)
    assert response.status_code == 422
    assert "context" in response.json()["detail"]


def valid_vc():
    return open_badge()


BAD_BODIES = {
    "no credential": {"verifiableCredential": valid_vc()},
    "credential not an object": {"credential": "a string"},
    "no @context": {"credential": {k: v for k, v in valid_vc().items() if k != "@context"}},
    "@context not a list": {"credential": {**valid_vc(), "@context": 4}},
    "@context items not contexts": {"credential": {**valid_vc(), "@context": [4, None]}},
    "VC 1.1": {
        "credential": {**valid_vc(), "@context": ["https://www.w3.org/2018/credentials/v1"]}
    },
    "type missing": {"credential": {k: v for k, v in valid_vc().items() if k != "type"}},
    "type a number": {"credential": {**valid_vc(), "type": 4}},
    "type items not strings": {"credential": {**valid_vc(), "type": [2, None]}},
    "issuer a number": {"credential": {**valid_vc(), "issuer": 4}},
    "no subject": {"credential": {k: v for k, v in valid_vc().items() if k != "credentialSubject"}},
    "subject a list of junk": {"credential": {**valid_vc(), "credentialSubject": [None, True, 4]}},
    "with a proof": {"credential": {**valid_vc(), "proof": {"type": "DataIntegrityProof"}}},
    "with a status": {"credential": {**valid_vc(), "credentialStatus": {"type": "x", "id": "y"}}},
    "unknown option": {"credential": valid_vc(), "options": {"mandatoryPointers": ["/issuer"]}},
    "options not an object": {"credential": valid_vc(), "options": [1]},
    "unknown member": {"credential": valid_vc(), "extra": 1},
    "bad proof format": {"credential": valid_vc(), "options": {"proofFormat": "rsa"}},
    "bad dates": {"credential": {**valid_vc(), "validFrom": "gestern"}},
    "id not a string": {"credential": {**valid_vc(), "id": 7}},
    "open badge without achievement": {
        "credential": {**open_badge(), "credentialSubject": {"type": ["AchievementSubject"]}}
    },
}


@pytest.mark.parametrize("body", BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_bad_input_is_400_with_a_problem_body(call, token, body) -> None:
    response = call("/credentials/issue", copy.deepcopy(body), token=token)
    assert response.status_code == 400, response.content
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] and problem["detail"]
    assert not IssuedCredential.objects.exists()


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b"[1, 2]",
        b'{"credential": ',
        '{"a": "\udcff"}'.encode("utf-8", "surrogatepass"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_400(call, token, raw: bytes) -> None:
    response = call("/credentials/issue", None, token=token, raw=raw)
    assert response.status_code == 400
    assert response.json()["type"].endswith(("PARSING_ERROR", "MALFORMED_VALUE_ERROR"))


def test_a_body_that_is_not_declared_json_is_400(client, token) -> None:
    response = client.post(
        "/credentials/issue",
        data=json.dumps({"credential": open_badge()}),
        content_type="text/plain",
        headers={"authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400
    assert "application/json" in response.json()["detail"]


def test_the_openapi_document_lists_the_endpoints(client) -> None:
    document = client.get("/api/vc/openapi.json").json()
    assert {"/credentials/issue", "/credentials/verify", "/credentials/status"} <= set(
        document["paths"]
    )
