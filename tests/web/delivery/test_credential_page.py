"""The issuer sees every e-mail of a credential on its page and can send it again."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from microcred.web.audit.models import AuditEvent
from microcred.web.delivery.models import Delivery, Status
from microcred.web.delivery.queueing import queue_delivery
from microcred.web.holder.claims import find_claim
from microcred.web.organizations.roles import Role
from tests.web.credentials.helpers import issue_sample
from tests.web.delivery.helpers import claim_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential(academy, badge):
    return issue_sample(academy, suspension=False, achievement=badge, email="ada@example.org")


@pytest.fixture
def member(client, academy, make_user, add_member):
    def as_role(role: str):
        person = make_user()
        add_member(academy, person, role)
        client.force_login(person)
        return person

    return as_role


def page(client, academy, credential):
    return client.get(reverse("credentials:detail", args=[academy.slug, credential.public_id]))


def resend_url(academy, credential) -> str:
    return reverse("delivery:resend", args=[academy.slug, credential.public_id])


def test_a_bounce_is_shown_on_the_credential_page(
    client, academy, credential, member, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        queue_delivery(credential)
    smtp_inbox.refuse.add("ada@example.org")
    run_worker()
    member(Role.ISSUER)

    response = page(client, academy, credential)
    assert response.status_code == 200
    assert 'id="delivery-heading"' in response.text
    assert "ada@example.org" in response.text
    assert "bounced" in response.text
    assert "The recipient&#x27;s mail server refused the address" in response.text
    assert "550 5.1.1" in response.text
    assert "1 of 6" in response.text
    assert "Send again" in response.text


def test_the_panel_speaks_german(
    client, academy, credential, member, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        queue_delivery(credential)
    member(Role.ISSUER)
    client.post(reverse("set_language"), {"language": "de"})

    text = page(client, academy, credential).text
    assert "E-Mail an die Person" in text
    assert "in der Warteschlange" in text
    assert "Erneut senden" in text


def test_a_credential_never_sent_offers_to_send_it(client, academy, credential, member) -> None:
    member(Role.ISSUER)
    text = page(client, academy, credential).text
    assert "No e-mail has been sent with this credential." in text
    assert "Send by e-mail" in text


def test_viewers_see_the_deliveries_but_no_button(client, academy, credential, member) -> None:
    queue_delivery(credential)
    member(Role.VIEWER)
    text = page(client, academy, credential).text
    assert "queued" in text
    assert resend_url(academy, credential) not in text
    assert client.post(resend_url(academy, credential)).status_code == 403
    assert Delivery.objects.count() == 1


def test_resending_makes_a_new_delivery_and_a_new_link(
    client, academy, credential, member, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        queue_delivery(credential)
    run_worker()
    first_token = claim_token(smtp_inbox.messages[0])
    person = member(Role.ISSUER)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend_url(academy, credential))
    assert response.status_code == 302
    assert response["Location"].endswith(f"/credentials/{credential.public_id}/#delivery-heading")
    run_worker()

    assert [d.status for d in Delivery.objects.order_by("queued_at")] == [Status.SENT] * 2
    assert len(smtp_inbox.messages) == 2
    second_token = claim_token(smtp_inbox.messages[1])
    assert second_token != first_token
    assert find_claim(first_token) is None
    assert find_claim(second_token).credential == credential
    event = AuditEvent.objects.get(action="credential.delivery_resent")
    assert event.actor == person
    assert event.target_id == str(credential.pk)


def test_a_newer_delivery_replaces_one_waiting_for_a_retry(
    academy, credential, smtp_down, run_worker, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        waiting = queue_delivery(credential)
    run_worker()
    with django_capture_on_commit_callbacks(execute=True):
        queue_delivery(credential)

    waiting.refresh_from_db()
    assert waiting.status == Status.FAILED
    assert waiting.last_error == "A newer e-mail to the recipient replaced this one."


def test_a_failed_resend_keeps_the_link_the_recipient_has(
    settings, credential, smtp_inbox, run_worker, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        queue_delivery(credential)
    run_worker()
    token = claim_token(smtp_inbox.messages[0])
    smtp_inbox.refuse.add("ada@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        queue_delivery(credential)
    run_worker()

    assert Delivery.objects.first().status == Status.BOUNCED
    assert find_claim(token).credential == credential


def test_revoked_credentials_are_not_sent_again(
    client, academy, credential, member, make_user
) -> None:
    from microcred.web.credentials import revocation

    revocation.revoke(credential, actor=make_user(), reason="Fehler")
    member(Role.ISSUER)
    assert resend_url(academy, credential) not in page(client, academy, credential).text
    response = client.post(resend_url(academy, credential), follow=True)
    assert "A revoked credential is not sent again." in response.text
    assert not Delivery.objects.exists()


def test_another_organization_cannot_resend(
    client, credential, academy, make_organization, make_user, add_member
) -> None:
    stranger = make_user()
    other = make_organization("Andere Akademie", owner=stranger)
    client.force_login(stranger)
    assert client.post(resend_url(academy, credential)).status_code == 404
    other_url = reverse("delivery:resend", args=[other.slug, credential.public_id])
    assert client.post(other_url).status_code == 404
    assert not Delivery.objects.exists()


def test_resending_needs_a_csrf_token(academy, credential, make_user, add_member) -> None:
    person = make_user()
    add_member(academy, person, Role.ISSUER)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(person)
    assert strict.post(resend_url(academy, credential)).status_code == 403
    assert not Delivery.objects.exists()


def test_the_list_shows_each_credentials_latest_email(
    client,
    academy,
    badge,
    credential,
    member,
    smtp_inbox,
    run_worker,
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        queue_delivery(credential)
    run_worker()
    issue_sample(academy, suspension=False, achievement=badge, email="bob@example.org")
    member(Role.VIEWER)

    text = client.get(reverse("credentials:list", args=[academy.slug])).text
    assert text.count("E-mail:") == 1
    assert '<span class="tag delivery-sent">sent</span>' in text
