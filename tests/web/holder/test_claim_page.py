"""The page behind the personal link: the credential, its live status, accept, the name."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from microcred.web.engagement.models import Event
from microcred.web.holder.models import ClaimLink

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
LINKEDIN = "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"


def events(credential, kind: str, *, bot: bool = False) -> int:
    return Event.objects.filter(credential=credential, kind=kind, is_bot=bot).count()


def test_it_shows_the_credential_without_an_account(client, credential, claim_path) -> None:
    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER)

    assert page.status_code == 200
    assert "Datenanalyse mit Python" in page.text
    assert "Akademie Beispiel" in page.text
    assert "Erika Mustermann" in page.text
    assert "verdict-valid" in page.text
    assert "Accept this badge" in page.text


def test_its_badge_picture_is_shown_not_counted_as_a_download(client, credential, claim_path):
    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).text
    image = reverse("credentials:image", args=[credential.public_id])
    download = reverse("credentials:png", args=[credential.public_id])

    assert re.search(rf'<img class="badge-image" src="{re.escape(image)}"', page)
    assert f'src="{download}"' not in page
    client.get(image, HTTP_USER_AGENT=BROWSER)
    assert events(credential, "downloaded") == 0


def test_it_links_to_the_public_page_and_every_download(client, credential, claim_path) -> None:
    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).text

    for name in ("credentials:public", "credentials:png", "credentials:svg", "credentials:json"):
        assert reverse(name, args=[credential.public_id]) in page
    assert reverse("credentials:jwt", args=[credential.public_id]) not in page


def test_it_offers_the_jwt_of_a_jwt_credential(client, organization) -> None:
    from microcred.web.credentials.models import IssuingSettings
    from microcred.web.holder.claims import new_claim_link
    from tests.web.credentials.helpers import issue_sample
    from tests.web.holder.conftest import path_of

    IssuingSettings.objects.update_or_create(
        organization=organization, defaults={"proof_format": "vc-jwt"}
    )
    credential = issue_sample(organization, suspension=False)
    assert credential.is_jwt

    page = client.get(path_of(new_claim_link(credential)), HTTP_USER_AGENT=BROWSER).text

    assert reverse("credentials:jwt", args=[credential.public_id]) in page


def test_the_first_visit_of_a_person_counts_as_opened_once(client, credential, claim_path):
    client.get(claim_path, HTTP_USER_AGENT=BROWSER)
    first = ClaimLink.objects.get(credential=credential).first_opened_at
    client.get(claim_path, HTTP_USER_AGENT=BROWSER)

    assert first is not None
    assert ClaimLink.objects.get(credential=credential).first_opened_at == first
    assert events(credential, "opened") == 1


def test_a_link_preview_bot_does_not_count_as_opened(client, credential, claim_path) -> None:
    page = client.get(claim_path, HTTP_USER_AGENT=LINKEDIN)

    assert page.status_code == 200
    assert ClaimLink.objects.get(credential=credential).first_opened_at is None
    assert events(credential, "opened") == 0
    assert events(credential, "opened", bot=True) == 1


def test_accepting_marks_it_claimed_and_shows_the_next_steps(client, credential, claim_path):
    client.get(claim_path, HTTP_USER_AGENT=BROWSER)
    response = client.post(claim_path, {"action": "accept"}, HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 302
    assert response["Location"] == claim_path
    claim = ClaimLink.objects.get(credential=credential)
    assert claim.claimed_at is not None
    assert claim.claimed_by is None
    assert events(credential, "claimed") == 1
    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).text
    assert "You accepted this badge on" in page
    assert "What you can do next" in page
    assert 'value="accept"' not in page
    assert 'class="claim-share"' in page


def test_the_sharing_panel_waits_until_the_badge_is_accepted(client, claim_path) -> None:
    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).text

    assert 'class="claim-share"' not in page


def test_a_logged_in_person_becomes_the_holder(client, make_user, credential, claim_path):
    person = make_user("erika@example.org")
    client.force_login(person)

    client.post(claim_path, {"action": "accept"}, HTTP_USER_AGENT=BROWSER)

    assert ClaimLink.objects.get(credential=credential).claimed_by == person


def test_accepting_twice_counts_once_and_keeps_the_first_date(client, credential, claim_path):
    client.post(claim_path, {"action": "accept"}, HTTP_USER_AGENT=BROWSER)
    first = ClaimLink.objects.get(credential=credential).claimed_at
    client.post(claim_path, {"action": "accept"}, HTTP_USER_AGENT=BROWSER)

    assert ClaimLink.objects.get(credential=credential).claimed_at == first
    assert events(credential, "claimed") == 1


def test_accepting_needs_the_csrf_token(credential, claim_path) -> None:
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(claim_path, {"action": "accept"})

    assert response.status_code == 403
    assert ClaimLink.objects.get(credential=credential).claimed_at is None


def test_an_unknown_action_is_a_bad_request(client, claim_path) -> None:
    assert client.post(claim_path, {"action": "delete"}).status_code == 400


def test_the_holder_can_hide_and_show_their_name(client, credential, claim_path) -> None:
    from microcred.web.holder.claims import shows_recipient_name

    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).text
    assert re.search(r'name="show_name" checked', page)
    assert "still contains your name as it was issued" in page

    client.post(claim_path, {"action": "name"})
    assert not shows_recipient_name(credential)
    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).text
    assert not re.search(r'name="show_name"[^>]* checked', page)
    assert "no longer shows your name" in page

    client.post(claim_path, {"action": "name", "show_name": "on"})
    assert shows_recipient_name(credential)


def test_the_token_stays_private(client, claim_path) -> None:
    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER)

    # Requests from this page name only the site: a click to LinkedIn never carries the token.
    assert page["Referrer-Policy"] == "strict-origin"
    assert '<meta name="referrer" content="strict-origin">' in page.text
    assert page["Cache-Control"] == "private, no-store"
    assert "noindex" in page["X-Robots-Tag"]


def test_an_unknown_link_says_what_may_have_happened(client) -> None:
    page = client.get("/claim/not-a-real-token", HTTP_USER_AGENT=BROWSER)

    assert page.status_code == 404
    assert "This link is not known" in page.text
    assert "newer e-mail" in page.text
    assert page["Referrer-Policy"] == "strict-origin"


def test_an_expired_link_asks_the_issuer_to_resend(client, credential, claim_path) -> None:
    from django.utils import timezone

    ClaimLink.objects.filter(credential=credential).update(expires_at=timezone.now())

    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER)

    assert page.status_code == 410
    assert "This link has expired" in page.text
    assert "Please ask Akademie Beispiel to send you a new link." in page.text
    assert "mailto:kontakt@akademie.example" in page.text
    assert events(credential, "opened") == 0
    assert client.post(claim_path, {"action": "accept"}).status_code == 410
    assert ClaimLink.objects.get(credential=credential).claimed_at is None


def test_the_name_can_still_be_hidden_and_shown_with_an_expired_link(
    client, credential, claim_path
) -> None:
    from django.utils import timezone

    from microcred.web.holder.claims import shows_recipient_name

    ClaimLink.objects.filter(credential=credential).update(expires_at=timezone.now())
    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).text
    assert f'action="{claim_path}"' in page
    assert re.search(r'name="show_name" checked', page)

    hidden = client.post(claim_path, {"action": "name"}, HTTP_USER_AGENT=BROWSER)

    assert hidden.status_code == 302
    assert not shows_recipient_name(credential)
    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER)
    assert page.status_code == 410
    assert "no longer shows your name" in page.text
    assert not re.search(r'name="show_name"[^>]* checked', page.text)
    client.post(claim_path, {"action": "name", "show_name": "on"})
    assert shows_recipient_name(credential)


def test_the_name_choice_on_an_expired_link_needs_the_csrf_token(credential, claim_path):
    from django.test import Client
    from django.utils import timezone

    ClaimLink.objects.filter(credential=credential).update(expires_at=timezone.now())

    response = Client(enforce_csrf_checks=True).post(claim_path, {"action": "name"})

    assert response.status_code == 403
    assert ClaimLink.objects.get(credential=credential).show_name


def test_a_revoked_credential_shows_it_and_offers_no_sharing(client, credential, claim_path):
    from microcred.web.credentials.revocation import revoke

    client.post(claim_path, {"action": "accept"}, HTTP_USER_AGENT=BROWSER)
    revoke(credential, actor=None, reason="Prüfung wiederholt")

    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER)

    assert page.status_code == 200
    assert "state-revoked" in page.text
    assert "Prüfung wiederholt" in page.text
    assert "verdict-invalid" in page.text
    assert "can no longer be shared" in page.text
    assert 'class="claim-share"' not in page.text
    assert reverse("credentials:png", args=[credential.public_id]) + '" download' not in page.text


def test_a_revoked_credential_cannot_be_accepted(client, credential, claim_path) -> None:
    from microcred.web.credentials.revocation import revoke

    revoke(credential, actor=None, reason="")

    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).text
    assert 'value="accept"' not in page
    assert "can no longer be accepted" in page
    client.post(claim_path, {"action": "accept"})
    assert ClaimLink.objects.get(credential=credential).claimed_at is None


def test_a_suspended_credential_says_so_and_is_not_shared(client, credential, claim_path):
    from microcred.web.credentials.revocation import suspend

    suspend(credential, actor=None)
    client.post(claim_path, {"action": "accept"}, HTTP_USER_AGENT=BROWSER)

    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).text

    assert "state-suspended" in page
    assert "sharing it is switched off" in page
    assert 'class="claim-share"' not in page


def test_guessing_tokens_is_stopped(client) -> None:
    from microcred.web.holder.views import CLAIM_MISSES

    for number in range(CLAIM_MISSES.limit):
        assert client.get(f"/claim/guess-{number}").status_code == 404

    blocked = client.get(f"/claim/guess-{CLAIM_MISSES.limit}")
    assert blocked.status_code == 429
    assert "Retry-After" in blocked
    assert client.get(f"/claim/guess-{CLAIM_MISSES.limit}/certificate.pdf").status_code == 429


def test_misses_from_a_shared_address_do_not_lock_out_valid_links(
    client, credential, claim_path
) -> None:
    """Everyone behind one company NAT shares an address: mistyped links of some must not
    stop the others' links."""
    from microcred.web.holder.views import CLAIM_MISSES

    for number in range(CLAIM_MISSES.limit + 1):
        client.get(f"/claim/mistyped-{number}")
    assert client.get("/claim/mistyped-again").status_code == 429

    assert client.get(claim_path, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert client.post(claim_path, {"action": "accept"}).status_code == 302
    assert ClaimLink.objects.get(credential=credential).claimed_at is not None
    assert client.get(claim_path + "/certificate.pdf").status_code == 200


def test_the_overall_limit_per_client_still_holds_for_valid_links(client, claim_path) -> None:
    from microcred.web.holder.views import CLAIM_PER_CLIENT

    for _ in range(CLAIM_PER_CLIENT.limit):
        client.head(claim_path)

    assert client.head(claim_path).status_code == 429


def test_the_page_comes_in_german(client, claim_path) -> None:
    client.post(reverse("set_language"), {"language": "de"})

    page = client.get(claim_path, HTTP_USER_AGENT=BROWSER).text

    assert "Dieses Badge annehmen" in page
    assert "Meinen Namen auf der öffentlichen Seite zeigen" in page
