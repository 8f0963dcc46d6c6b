"""Issuing from the form sends the credential by e-mail through a real SMTP server."""

from __future__ import annotations

import re
from email.headerregistry import Address

import pytest

from microcred.web.credentials.models import IssuedCredential
from microcred.web.delivery.models import Delivery, Status
from microcred.web.engagement.models import Event
from microcred.web.holder.claims import find_claim
from microcred.web.organizations.roles import Role
from tests.web.delivery.helpers import claim_token, form_data, html_of, issue_url, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def issuer(client, academy, make_user, add_member):
    person = make_user("issuer@example.org", name="Ina Issuer")
    add_member(academy, person, Role.ISSUER)
    client.force_login(person)
    return person


def issue(client, academy, badge, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(issue_url(academy, badge), form_data(**changes))
    assert response.status_code == 302
    return IssuedCredential.objects.get()


def test_it_queues_the_email_and_sends_nothing_in_the_request(
    client, academy, badge, issuer, smtp_inbox, django_capture_on_commit_callbacks
) -> None:
    credential = issue(client, academy, badge, django_capture_on_commit_callbacks)
    delivery = Delivery.objects.get(credential=credential)
    assert delivery.status == Status.QUEUED
    assert delivery.to_address == "juergen@example.org"
    assert delivery.attempts == 0
    assert smtp_inbox.messages == []


def test_it_sends_text_html_and_the_badge_inline_in_german(
    client, academy, badge, issuer, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    credential = issue(client, academy, badge, django_capture_on_commit_callbacks)
    run_worker()

    [message] = smtp_inbox.messages
    assert message["X-Envelope-To"] == "juergen@example.org"
    assert message["Subject"] == "Akademie Beispiel hat Ihnen „Datenschutz im Büro“ verliehen"
    assert message.get_content_type() == "multipart/alternative"
    plain, related = message.get_payload()
    assert plain.get_content_type() == "text/plain"
    assert related.get_content_type() == "multipart/related"
    html_part, image = related.get_payload()
    assert html_part.get_content_type() == "text/html"
    assert image.get_content_type() == "image/png"
    assert image.get_content().startswith(b"\x89PNG\r\n\x1a\n")
    assert image.get_content_disposition() == "inline"
    cid = image["Content-ID"].strip("<>")
    html = html_of(message)
    assert f'src="cid:{cid}"' in html
    assert not re.search(r"<img[^>]+src=\"https?:", html)
    assert not re.search(r"url\(", html)

    text = text_of(message)
    for part in (text, html):
        assert "Guten Tag Jürgen Müller-Lüdenscheidt," in part
        assert "Datenschutz im Büro" in part
        assert "Akademie Beispiel" in part
        assert f"http://testserver/c/{credential.public_id}" in part
    assert "Kennt die DSGVO-Grundlagen & wendet sie im Arbeitsalltag an." in text
    assert "Kennt die DSGVO-Grundlagen &amp; wendet sie im Arbeitsalltag an." in html
    assert '<html lang="de">' in html


def test_the_personal_link_in_the_email_finds_the_credential(
    client, academy, badge, issuer, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    credential = issue(client, academy, badge, django_capture_on_commit_callbacks)
    run_worker()

    claim = find_claim(claim_token(smtp_inbox.messages[0]))
    assert claim is not None
    assert claim.credential == credential
    assert not claim.is_expired


def test_it_comes_from_the_instance_in_the_name_of_the_organization(
    client, academy, badge, issuer, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    issue(client, academy, badge, django_capture_on_commit_callbacks)
    run_worker()

    message = smtp_inbox.messages[0]
    [sender] = message["From"].addresses
    assert sender == Address("Akademie Beispiel via microcred", addr_spec="noreply@localhost")
    assert message["X-Envelope-From"] == "noreply@localhost"
    assert [str(a) for a in message["Reply-To"].addresses] == ["kontakt@akademie-beispiel.example"]
    assert message["Message-ID"].endswith("@testserver>")
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Content-Language"] == "de"


def test_the_display_name_is_encoded_for_umlauts(
    client, academy, badge, issuer, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    academy.name = "Bildungswerk Köln, Süd"
    academy.email = ""
    academy.save()
    issue(client, academy, badge, django_capture_on_commit_callbacks)
    run_worker()

    message = smtp_inbox.messages[0]
    assert message["From"].addresses[0].display_name == "Bildungswerk Köln, Süd via microcred"
    raw = message.as_bytes(policy=message.policy.clone(utf8=False))
    assert raw.isascii()
    assert message["Reply-To"] is None


def test_it_writes_in_english_when_the_badge_is_english(
    client, academy, badge, issuer, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    badge.language = "en"
    badge.save(update_fields=["language"])
    issue(client, academy, badge, django_capture_on_commit_callbacks)
    run_worker()

    message = smtp_inbox.messages[0]
    assert message["Subject"] == "Akademie Beispiel has awarded you “Datenschutz im Büro”"
    assert "Hello Jürgen Müller-Lüdenscheidt," in text_of(message)
    assert "Accept your credential" in html_of(message)
    assert message["Content-Language"] == "en"


def test_a_language_the_instance_lacks_falls_back_to_its_default(
    client, academy, badge, issuer, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    badge.language = "fr"
    badge.save(update_fields=["language"])
    credential = issue(client, academy, badge, django_capture_on_commit_callbacks)
    assert Delivery.objects.get(credential=credential).language == "en"


def test_it_marks_the_delivery_sent_and_counts_it_delivered(
    client, academy, badge, issuer, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    credential = issue(client, academy, badge, django_capture_on_commit_callbacks)
    run_worker()

    delivery = Delivery.objects.get(credential=credential)
    assert delivery.status == Status.SENT
    assert delivery.attempts == 1
    assert delivery.sent_at is not None
    assert delivery.next_attempt_at is None
    assert delivery.last_error == ""
    assert Event.objects.filter(credential=credential, kind="delivered").count() == 1


def test_unticking_the_box_sends_nothing(
    client, academy, badge, issuer, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    data = form_data()
    del data["send_email"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(issue_url(academy, badge), data)
    run_worker()

    assert IssuedCredential.objects.count() == 1
    assert not Delivery.objects.exists()
    assert smtp_inbox.messages == []


def test_the_box_is_ticked_on_the_form_and_kept_through_the_preview(
    client, academy, badge, issuer
) -> None:
    form = client.get(issue_url(academy, badge))
    assert re.search(r'<input type="checkbox" name="send_email"[^>]* checked', form.text)
    data = form_data(preview="1")
    del data["issue"]
    preview = client.post(issue_url(academy, badge), data)
    assert '<input type="hidden" name="send_email" value="True"' in preview.text
    del data["send_email"]
    unticked = client.post(issue_url(academy, badge), data)
    assert '<input type="hidden" name="send_email" value="False"' in unticked.text
