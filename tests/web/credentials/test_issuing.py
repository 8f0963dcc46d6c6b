"""issue_credential(): status entries, signature and the exact signed text, together."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from microcred.openbadges.award import Recipient, award
from microcred.proofs.securing import ProofFormat
from microcred.proofs.vc_jwt import parse_vc_jwt
from microcred.web.audit.models import AuditEvent
from microcred.web.credentials.errors import IssuingError
from microcred.web.credentials.issuer import issuer_profile
from microcred.web.credentials.issuing import issue_credential
from microcred.web.credentials.models import IssuingSettings
from microcred.web.credentials.verdict import live_report
from microcred.web.identity.dids import organization_did
from tests.web.credentials.helpers import issue_sample, sample_achievement

pytestmark = pytest.mark.django_db


def unsigned(organization, **changes):
    document = award(
        sample_achievement(), issuer_profile(organization), Recipient(email="a@example.org")
    ).to_json()
    document.update(changes)
    return document


def test_the_signed_text_is_stored_exactly_as_the_signer_wrote_it(make_organization) -> None:
    organization = make_organization()
    credential = issue_sample(organization)
    document = json.loads(credential.signed_text)
    assert credential.signed_text == json.dumps(document, ensure_ascii=False)
    assert document["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"
    assert document["proof"][0]["verificationMethod"].startswith(organization_did(organization))
    # Non-ASCII text stays as written, not as \\u escapes: the bytes are what was signed.
    assert "Datenanalyse" in credential.signed_text
    assert live_report(credential).verdict.value == "valid"


def test_it_gets_a_revocation_and_a_suspension_entry(make_organization) -> None:
    organization = make_organization()
    credential = issue_sample(organization)
    revocation, suspension = json.loads(credential.signed_text)["credentialStatus"]
    slug = organization.slug
    assert revocation == {
        "id": f"http://testserver/o/{slug}/status/revocation/1#{credential.revocation_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(credential.revocation_index),
        "statusListCredential": f"http://testserver/o/{slug}/status/revocation/1",
    }
    assert suspension["statusPurpose"] == "suspension"
    assert suspension["statusListIndex"] == str(credential.suspension_index)


def test_by_default_there_is_one_status_object_as_open_badges_wants(make_organization) -> None:
    from tests.openbadges.schema_validation import assert_valid

    # No settings saved: the defaults apply, and suspension is off by default.
    credential = issue_sample(make_organization(), suspension=False)
    document = json.loads(credential.signed_text)
    status = document["credentialStatus"]
    assert isinstance(status, dict) and status["statusPurpose"] == "revocation"
    assert credential.suspension_list is None and not credential.can_be_suspended
    assert_valid(document)


def test_the_organization_can_choose_vc_jwt(make_organization) -> None:
    organization = make_organization()
    IssuingSettings.objects.create(organization=organization, proof_format="vc-jwt")
    credential = issue_sample(organization)
    assert credential.is_jwt
    assert credential.signed_text.count(".") == 2
    jwt = parse_vc_jwt(credential.signed_text)
    assert jwt.kid.startswith(organization_did(organization))
    assert live_report(credential).verdict.value == "valid"


def test_the_email_is_only_in_the_row_never_in_the_credential(make_organization) -> None:
    credential = issue_sample(make_organization(), email="Erika.M@Example.org")
    assert credential.recipient_email == "Erika.M@Example.org"
    assert "example.org" not in credential.signed_text.lower()
    identifier = json.loads(credential.signed_text)["credentialSubject"]["identifier"]
    assert identifier[0]["hashed"] is True and identifier[0]["salt"]


def test_on_an_https_instance_the_id_is_the_public_url(make_organization, settings) -> None:
    settings.MICROCRED_BASE_URL = "https://badges.example.org"
    settings.MICROCRED_HOST = "badges.example.org"
    credential = issue_sample(make_organization())
    assert credential.credential_id == f"https://badges.example.org/c/{credential.public_id}"
    assert json.loads(credential.signed_text)["id"] == credential.credential_id


def test_on_a_plain_http_instance_the_id_is_a_uuid_urn(make_organization) -> None:
    credential = issue_sample(make_organization())
    assert credential.credential_id == f"urn:uuid:{credential.public_id}"


def test_dates_are_kept_for_lists_and_expiry(make_organization) -> None:
    start = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
    credential = issue_sample(
        make_organization(), valid_from=start, valid_until=start + timedelta(days=365)
    )
    assert credential.valid_from == start
    assert credential.valid_until == start + timedelta(days=365)
    assert credential.state == "active"


def test_issuing_is_audit_logged(make_organization, make_user) -> None:
    organization = make_organization()
    person = make_user()
    credential = issue_sample(organization, actor=person)
    event = AuditEvent.objects.get(action="credential.issued")
    assert event.actor == person
    assert event.target_id == str(credential.pk)
    assert event.details == {"channel": "form"}


def test_it_refuses_another_issuer(make_organization) -> None:
    organization = make_organization()
    other = make_organization("Other")
    with pytest.raises(IssuingError, match="issuer must be this organization") as caught:
        issue_credential(organization, unsigned(other), actor=None)
    assert caught.value.kind == "issuer"
    assert not organization.credentials.exists()


@pytest.mark.parametrize("key", ["proof", "credentialStatus"])
def test_it_refuses_what_it_adds_itself(make_organization, key: str) -> None:
    organization = make_organization()
    with pytest.raises(IssuingError, match=f"must not have {key}"):
        issue_credential(organization, unsigned(organization, **{key: {"type": "x"}}), actor=None)


def test_it_refuses_the_vc_1_data_model(make_organization) -> None:
    organization = make_organization()
    document = unsigned(organization)
    document["@context"][0] = "https://www.w3.org/2018/credentials/v1"
    with pytest.raises(IssuingError, match=r"VC Data Model 2\.0"):
        issue_credential(organization, document, actor=None)


@pytest.mark.parametrize("proof_format", list(ProofFormat))
def test_it_refuses_undefined_terms_in_every_format(make_organization, proof_format) -> None:
    organization = make_organization()
    document = unsigned(organization, favouriteColour="blue")
    with pytest.raises(IssuingError, match="favouriteColour") as caught:
        issue_credential(organization, document, actor=None, proof_format=proof_format)
    assert caught.value.kind == "jsonld"
    # Nothing was kept: the allocation rolled back with the failed issue.
    assert not organization.credentials.exists()
    assert organization.status_lists.filter(allocated__gt=0).count() == 0


def test_it_refuses_an_id_used_before(make_organization) -> None:
    organization = make_organization()
    document = unsigned(organization, id="urn:uuid:0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9")
    issue_credential(organization, document, actor=None)
    with pytest.raises(IssuingError, match="issued already") as caught:
        issue_credential(organization, document, actor=None)
    assert caught.value.kind == "duplicate"


def test_it_refuses_unreadable_dates(make_organization) -> None:
    organization = make_organization()
    with pytest.raises(IssuingError, match="date"):
        issue_credential(organization, unsigned(organization, validFrom="yesterday"), actor=None)
