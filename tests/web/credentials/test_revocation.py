"""Revoke, suspend, reinstate: the list, the public page and the verifier all agree at once."""

from __future__ import annotations

import json

import pytest

from microcred.status import read_status
from microcred.web.audit.models import AuditEvent
from microcred.web.credentials import revocation
from microcred.web.credentials.errors import StatusChangeError
from microcred.web.credentials.verdict import live_report
from tests.web.credentials.helpers import issue_sample

pytestmark = pytest.mark.django_db


def listed_status(client, credential, purpose: str) -> int:
    entries = json.loads(credential.signed_text)["credentialStatus"]
    entry = next(e for e in entries if e["statusPurpose"] == purpose)
    path = entry["statusListCredential"].removeprefix("http://testserver")
    return read_status(entry, json.loads(client.get(path).content))


def page(client, credential) -> str:
    return client.get(f"/c/{credential.public_id}", headers={"accept": "text/html"}).text


def test_revoking_shows_everywhere_at_once(client, make_organization, make_user) -> None:
    organization = make_organization()
    person = make_user()
    credential = issue_sample(organization)
    assert listed_status(client, credential, "revocation") == 0
    revocation.revoke(credential, actor=person, reason="Prüfung wiederholt nicht bestanden")
    credential.refresh_from_db()
    assert credential.state == "revoked"
    assert listed_status(client, credential, "revocation") == 1
    report = live_report(credential)
    assert report.verdict.value == "invalid"
    assert report.facts.status == "revoked"
    text = page(client, credential)
    assert "Revoked" in text and "Prüfung wiederholt nicht bestanden" in text
    event = AuditEvent.objects.get(action="credential.revoked")
    assert event.actor == person
    assert event.details == {"reason": "Prüfung wiederholt nicht bestanden"}


def test_suspension_can_be_lifted(client, make_organization) -> None:
    credential = issue_sample(make_organization())
    revocation.suspend(credential, actor=None)
    credential.refresh_from_db()
    assert credential.state == "suspended"
    assert listed_status(client, credential, "suspension") == 1
    assert live_report(credential).facts.status == "suspended"
    assert "Suspended" in page(client, credential)
    revocation.unsuspend(credential, actor=None)
    credential.refresh_from_db()
    assert credential.state == "active"
    assert listed_status(client, credential, "suspension") == 0
    assert live_report(credential).verdict.value == "valid"
    assert [e.action for e in AuditEvent.objects.order_by("pk")][-2:] == [
        "credential.suspended",
        "credential.unsuspended",
    ]


def test_revocation_is_final(make_organization) -> None:
    credential = issue_sample(make_organization())
    revocation.revoke(credential, actor=None, reason="x")
    with pytest.raises(StatusChangeError, match="revoked already"):
        revocation.revoke(credential, actor=None, reason="again")
    with pytest.raises(StatusChangeError, match="revoked credential cannot"):
        revocation.suspend(credential, actor=None)


def test_suspending_twice_or_lifting_nothing_says_so(make_organization) -> None:
    credential = issue_sample(make_organization())
    with pytest.raises(StatusChangeError, match="not suspended"):
        revocation.unsuspend(credential, actor=None)
    revocation.suspend(credential, actor=None)
    with pytest.raises(StatusChangeError, match="suspended already"):
        revocation.suspend(credential, actor=None)


def test_without_a_suspension_entry_it_cannot_be_suspended(make_organization) -> None:
    credential = issue_sample(make_organization(), suspension=False)
    with pytest.raises(StatusChangeError, match="without a suspension entry"):
        revocation.suspend(credential, actor=None)


def test_the_reason_is_one_tidy_line(make_organization) -> None:
    credential = issue_sample(make_organization())
    revoked = revocation.revoke(credential, actor=None, reason="  two\n\nlines  " + "x" * 600)
    assert revoked.revocation_reason.startswith("two lines x")
    assert len(revoked.revocation_reason) == 500


def test_other_credentials_on_the_same_list_stay_valid(make_organization) -> None:
    organization = make_organization()
    revoked, kept = issue_sample(organization), issue_sample(organization)
    revocation.revoke(revoked, actor=None, reason="x")
    assert live_report(kept).verdict.value == "valid"


def test_an_organization_goes_with_its_credentials_and_lists(make_organization) -> None:
    from microcred.web.statuslists.models import StatusList

    organization = make_organization()
    issue_sample(organization)
    organization.delete()
    assert not StatusList.objects.exists()


def test_a_list_in_use_cannot_be_deleted_alone(make_organization) -> None:
    from django.db.models import RestrictedError

    credential = issue_sample(make_organization())
    with pytest.raises(RestrictedError):
        credential.revocation_list.delete()
