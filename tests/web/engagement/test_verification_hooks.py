"""Verifying one of this instance's credentials counts, by page, upload or API, exactly once."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from microcred.openbadges.award import Recipient, award
from microcred.proofs.securing import ProofFormat
from microcred.web.credentials.addresses import public_url
from microcred.web.credentials.documents import enveloped
from microcred.web.credentials.issuer import issuer_profile
from microcred.web.credentials.issuing import issue_credential
from microcred.web.engagement.models import Event
from microcred.web.verify.views import VERIFY_LIMIT
from tests.web.credentials.helpers import issue_sample, sample_achievement
from tests.web.engagement.helpers import PERSON

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    VERIFY_LIMIT.reset("127.0.0.1")
    yield
    VERIFY_LIMIT.reset("127.0.0.1")


@pytest.fixture
def credential(make_organization):
    return issue_sample(make_organization(), suspension=False)


def verified(credential=None) -> list[tuple[str, bool]]:
    events = Event.objects.filter(kind="verified")
    if credential is not None:
        events = events.filter(credential=credential)
    return list(events.values_list("channel", "is_bot"))


def check(client, **data):
    response = client.post("/verify", data, HTTP_USER_AGENT=PERSON)
    assert response.status_code == 200
    return response


def test_verifying_the_page_address_counts_once_on_the_page_channel(client, credential):
    check(client, text=public_url(credential.public_id))

    assert verified(credential) == [("page", False)]
    assert not Event.objects.exclude(kind="verified").exists()


def test_verifying_a_download_address_is_not_also_a_download(client, credential):
    check(client, text=public_url(credential.public_id, "credentials:json"))

    assert verified(credential) == [("page", False)]
    assert not Event.objects.filter(kind="downloaded").exists()


def test_pasting_the_signed_json_counts(client, credential):
    check(client, text=credential.signed_text)

    assert verified(credential) == [("page", False)]


def test_a_tampered_copy_is_not_counted(client, credential):
    document = json.loads(credential.signed_text)
    document["name"] = "Etwas anderes"

    check(client, text=json.dumps(document))

    assert verified() == []


def test_uploading_the_baked_badge_counts_on_the_upload_channel(client, credential):
    png = client.get(f"/c/{credential.public_id}/image.png").content

    check(client, image=SimpleUploadedFile("badge.png", png, content_type="image/png"))

    assert verified(credential) == [("upload", False)]


def test_a_pasted_jwt_counts(client, make_organization):
    credential = issue_sample(
        make_organization(), suspension=False, proof_format=ProofFormat.VC_JWT
    )

    check(client, text=credential.signed_text)

    assert verified(credential) == [("page", False)]


def test_a_form_error_counts_nothing(client, credential):
    check(client, text="")

    assert verified() == []


def test_a_link_that_only_looks_like_a_url_counts_nothing(client, credential):
    check(client, text="http://[not-a-host/c/whatever")

    assert verified() == []


def test_the_same_id_in_two_organizations_counts_only_for_the_exact_credential(
    client, make_organization
):
    """VC API clients choose ids, unique per organization only: the document decides."""
    ours, theirs = make_organization("Erste Akademie"), make_organization("Zweite Akademie")
    shared_id = "urn:uuid:5b0f6a56-8d1b-4d0e-9f59-1b0c2c6f0a11"
    issued = {}
    for organization in (ours, theirs):
        document = award(
            sample_achievement(),
            issuer_profile(organization),
            Recipient(email="erika@example.org", name="Erika"),
            credential_id=shared_id,
        ).to_json()
        issued[organization.pk] = issue_credential(organization, document, actor=None)

    check(client, text=issued[theirs.pk].signed_text)

    assert verified(issued[theirs.pk]) == [("page", False)]
    assert verified(issued[ours.pk]) == []


def test_a_credential_of_another_instance_counts_nothing(client, make_organization):
    from microcred.openbadges.samples import realistic_credential
    from microcred.proofs.data_integrity import add_proof
    from microcred.proofs.did import did_key_verification_method
    from microcred.proofs.keys import KeyPair

    key = KeyPair.generate()
    foreign = add_proof(realistic_credential(), key, did_key_verification_method(key.public_key))

    check(client, text=json.dumps(foreign))

    assert verified() == []


def test_the_vc_api_counts_on_the_api_channel(client, credential):
    from microcred.web.vcapi.tokens import create_token

    token = create_token(credential.organization, "LMS", actor=None)[1]
    body = {"verifiableCredential": json.loads(credential.signed_text)}

    response = client.post(
        "/credentials/verify",
        json.dumps(body),
        content_type="application/json",
        headers={"authorization": f"Bearer {token}", "user-agent": "python-requests/2.32"},
    )

    assert response.status_code == 200
    assert verified(credential) == [("api", False)]


def test_the_vc_api_counts_an_enveloped_jwt(client, make_organization):
    from microcred.web.vcapi.tokens import create_token

    credential = issue_sample(
        make_organization(), suspension=False, proof_format=ProofFormat.VC_JWT
    )
    token = create_token(credential.organization, "LMS", actor=None)[1]
    body = {"verifiableCredential": enveloped(credential.signed_text)}

    client.post(
        "/credentials/verify",
        json.dumps(body),
        content_type="application/json",
        headers={"authorization": f"Bearer {token}"},
    )

    assert verified(credential) == [("api", False)]


def test_the_vc_api_counts_nothing_for_a_tampered_copy(client, credential):
    from microcred.web.vcapi.tokens import create_token

    token = create_token(credential.organization, "LMS", actor=None)[1]
    document = json.loads(credential.signed_text)
    document["validFrom"] = "2020-01-01T00:00:00Z"

    client.post(
        "/credentials/verify",
        json.dumps({"verifiableCredential": document}),
        content_type="application/json",
        headers={"authorization": f"Bearer {token}"},
    )

    assert verified() == []
