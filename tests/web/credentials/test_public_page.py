"""/c/<id>: the page for people, the signed credential and baked badges for machines."""

from __future__ import annotations

import json
import uuid

import pytest

from microcred.baking import unbake
from microcred.verifier import verify
from microcred.web.credentials import revocation
from microcred.web.credentials.models import IssuingSettings
from microcred.web.verify.local import InstanceFetcher
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def credential(make_organization):
    return issue_sample(make_organization())


@pytest.fixture
def jwt_credential(make_organization):
    organization = make_organization("JWT Akademie")
    IssuingSettings.objects.create(organization=organization, proof_format="vc-jwt")
    return issue_sample(organization)


def get(client, credential, accept: str | None = None, suffix: str = ""):
    headers = {"accept": accept} if accept is not None else {}
    return client.get(f"/c/{credential.public_id}{suffix}", headers=headers)


@pytest.mark.parametrize("accept", [BROWSER, "text/html", "*/*", None])
def test_browsers_and_indifferent_clients_get_the_page(client, credential, accept) -> None:
    response = get(client, credential, accept)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Accept" in response["Vary"]
    assert "<h1>Datenanalyse mit Python</h1>" in response.text
    assert "Erika Mustermann" in response.text


@pytest.mark.parametrize(
    "accept",
    ["application/ld+json", "application/vc+ld+json", "application/vc", "application/json"],
)
def test_machines_get_the_signed_json_byte_for_byte(client, credential, accept) -> None:
    response = get(client, credential, accept)
    assert response.status_code == 200
    assert response["Content-Type"] == accept
    assert response.content == credential.signed_text.encode("utf-8")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"]


def test_the_jwt_is_served_as_vc_jwt(client, jwt_credential) -> None:
    response = get(client, jwt_credential, "application/vc+jwt")
    assert response["Content-Type"] == "application/vc+jwt"
    assert response.content == jwt_credential.signed_text.encode("ascii")


def test_json_clients_get_a_jwt_credential_in_an_envelope(client, jwt_credential) -> None:
    document = get(client, jwt_credential, "application/ld+json").json()
    assert document["type"] == "EnvelopedVerifiableCredential"
    assert document["id"] == f"data:application/vc+jwt,{jwt_credential.signed_text}"
    assert verify(document, fetcher=InstanceFetcher()).verdict.value == "valid"


def test_a_json_credential_has_no_jwt_form(client, credential) -> None:
    response = get(client, credential, "application/vc+jwt")
    assert response.status_code == 406
    assert get(client, credential, suffix="/credential.jwt").status_code == 404


@pytest.mark.parametrize(("accept", "kind"), [("image/png", "png"), ("image/svg+xml", "svg")])
def test_image_clients_get_the_badge_with_the_credential_baked_in(
    client, credential, accept, kind
) -> None:
    response = get(client, credential, accept)
    assert response["Content-Type"] == accept
    baked = unbake(response.content)
    assert baked.text == credential.signed_text
    assert baked.image_format == kind


def test_the_baked_svg_may_not_run_anything(client, credential) -> None:
    response = get(client, credential, "image/svg+xml")
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"<script" not in response.content


@pytest.mark.parametrize(
    ("suffix", "content_type", "filename"),
    [
        ("/credential.json", "application/vc+ld+json", "datenanalyse-mit-python.json"),
        ("/badge.png", "image/png", "datenanalyse-mit-python.png"),
        ("/badge.svg", "image/svg+xml", "datenanalyse-mit-python.svg"),
    ],
)
def test_downloads_are_attachments_with_a_readable_name(
    client, credential, suffix, content_type, filename
) -> None:
    response = get(client, credential, suffix=suffix)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'


def test_the_jwt_download(client, jwt_credential) -> None:
    response = get(client, jwt_credential, suffix="/credential.jwt")
    assert response.content == jwt_credential.signed_text.encode("ascii")
    assert unbake(get(client, jwt_credential, suffix="/badge.png").content).text == (
        jwt_credential.signed_text
    )


def test_nothing_acceptable_is_406(client, credential) -> None:
    response = get(client, credential, "application/pdf")
    assert response.status_code == 406
    assert "application/vc+ld+json" in response.text


def test_an_unchanged_document_answers_not_modified(client, credential) -> None:
    etag = get(client, credential, "application/ld+json")["ETag"]
    response = client.get(
        f"/c/{credential.public_id}",
        headers={"accept": "application/ld+json", "if-none-match": etag},
    )
    assert response.status_code == 304


def test_the_page_links_its_json_for_verifiers(client, credential) -> None:
    response = get(client, credential, BROWSER)
    json_url = f"http://testserver/c/{credential.public_id}/credential.json"
    assert f'<link rel="alternate" type="application/ld+json" href="{json_url}">' in response.text
    assert response["Link"] == f'<{json_url}>; rel="alternate"; type="application/ld+json"'
    assert response["Cache-Control"] == "no-cache"


def test_following_the_page_url_verifies(credential) -> None:
    report = verify(f"http://testserver/c/{credential.public_id}", fetcher=InstanceFetcher())
    assert report.verdict.value == "valid", report.render_text()


def test_the_page_shows_the_live_verdict_and_its_checks(client, credential) -> None:
    text = get(client, credential, BROWSER).text
    assert "verdict-valid" in text
    assert "The signature is valid" in text
    assert "The credential has not been revoked." in text
    assert "ECTS credits" in text  # an EU element the achievement carries


def test_the_page_speaks_german(client, credential) -> None:
    response = client.get(
        f"/c/{credential.public_id}",
        headers={"accept": BROWSER},
        HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9",
    )
    assert '<html lang="de">' in response.text
    assert "Gültig" in response.text
    assert "Die Signatur ist gültig" in response.text
    assert "Verliehen an <strong>Erika Mustermann</strong>" in response.text


def test_a_revoked_credential_says_so_loudly(client, credential) -> None:
    revocation.revoke(credential, actor=None, reason="Täuschungsversuch")
    text = get(client, credential, BROWSER).text
    assert 'class="state-banner state-revoked" role="alert"' in text
    assert "Täuschungsversuch" in text
    assert "verdict-invalid" in text
    assert "The credential has been revoked by its issuer." in text


def test_an_expired_credential_says_so(client, make_organization) -> None:
    from datetime import UTC, datetime, timedelta

    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=400)
    expired = issue_sample(
        make_organization(), valid_from=start, valid_until=start + timedelta(days=365)
    )
    text = get(client, expired, BROWSER).text
    assert "state-expired" in text and "Expired" in text


def test_a_suspended_credential_says_so(client, credential) -> None:
    revocation.suspend(credential, actor=None)
    assert "state-suspended" in get(client, credential, BROWSER).text


def test_unknown_ids_are_not_found(client) -> None:
    assert client.get(f"/c/{uuid.uuid4()}").status_code == 404
    assert client.get("/c/not-a-uuid").status_code == 404


def test_the_page_is_read_only_and_answers_head(client, credential) -> None:
    assert client.post(f"/c/{credential.public_id}").status_code == 405
    assert client.head(f"/c/{credential.public_id}").status_code == 200


def test_the_page_hides_the_recipients_email(client, credential) -> None:
    for accept in (BROWSER, "application/ld+json"):
        assert "erika.mustermann@example.org" not in get(client, credential, accept).text
    assert json.loads(credential.signed_text)["credentialSubject"]["identifier"][0]["hashed"]


def test_links_from_the_credential_are_only_web_links(client, make_organization) -> None:
    from microcred.web.credentials.issuer import issuer_profile
    from microcred.web.credentials.issuing import issue_credential
    from tests.web.credentials.helpers import sample_achievement

    organization = make_organization()
    profile = issuer_profile(organization).to_json()
    achievement = sample_achievement().to_json()
    achievement["criteria"] = {"id": "javascript:alert(1)", "narrative": "x"}
    document = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {**profile, "url": "javascript:alert(2)"},
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": achievement},
    }
    credential = issue_credential(organization, document, actor=None)
    text = get(client, credential, BROWSER).text
    assert "javascript:" not in text
