"""The recipient's pages in Chromium: the claim journey, no Referer leaving the personal
link, and every holder page on a phone and a desktop in both languages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import timezone

from tests.browser.conftest import DESKTOP, PASSWORD, PHONE
from tests.browser.test_pages import check

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _base_url(settings, live_server) -> None:
    # The sharing panel's signature image has an absolute address; the browser must reach it.
    settings.MICROCRED_BASE_URL = live_server.url
    # Its did:web names the same host, so the page's live verdict resolves the key in-process.
    settings.MICROCRED_HOST = live_server.url.split("://", 1)[1]


@pytest.fixture
def links() -> dict[str, str]:
    from microcred.web import demo
    from microcred.web.accounts.models import User
    from microcred.web.credentials.models import IssuedCredential
    from microcred.web.holder.claims import new_claim_link
    from microcred.web.holder.models import ClaimLink, HolderAddress

    built = demo.build(password=PASSWORD)
    credentials = IssuedCredential.objects.filter(organization__slug=built.organization_slug)
    by_state = {credential.state: credential for credential in credentials}

    def path(credential: Any) -> str:
        return "/claim/" + new_claim_link(credential).rsplit("/", 1)[1]

    active = by_state["active"]
    # The demo's recipients have accepted their badges; this one is opened for the first time.
    ClaimLink.objects.filter(credential=active).delete()
    expired = credentials.exclude(pk=active.pk).filter(revoked_at=None, suspended_at=None)[0]
    found = {
        "claim": path(active),
        "claim-revoked": path(by_state["revoked"]),
        "claim-expired": path(expired),
        "claim-unknown": "/claim/no-such-link",
        "public": f"/c/{active.public_id}",
    }
    ClaimLink.objects.filter(credential=expired).update(expires_at=timezone.now())
    person = User.objects.create_user("holder@example.org", PASSWORD, name="Erika Mustermann")
    for credential in credentials:
        HolderAddress.objects.get_or_create(
            user=person,
            email=credential.recipient_email.lower(),
            defaults={"verified_at": timezone.now()},
        )
    return found


def test_bad_links_get_their_own_pages(browser, live_server, links, screenshot_dir) -> None:
    """Outside open_page: Chromium reports a 404 or 410 document as a console error."""
    for language in ("en", "de"):
        for device, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            context = browser.new_context(
                viewport=viewport,
                locale="de-DE" if language == "de" else "en-US",
                base_url=live_server.url,
            )
            page = context.new_page()
            for name, status in (("claim-expired", 410), ("claim-unknown", 404)):
                assert page.goto(links[name]).status == status
                check(page, f"holder-{name}-{language}-{device}", screenshot_dir)
            context.close()


def log_in(page: Any) -> None:
    page.goto("/accounts/login/")
    page.locator("#id_username").fill("holder@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/$"))


def test_a_recipient_accepts_and_no_request_carries_the_personal_link(open_page, links):
    page = open_page(DESKTOP, "en")
    referers: list[str] = []
    page.on("request", lambda request: referers.append(request.headers.get("referer", "")))

    page.goto(links["claim"])
    page.get_by_role("button", name="Accept this badge").click()
    page.wait_for_selector("text=You accepted this badge on")
    page.get_by_role("link", name="Open the public page").click()
    page.wait_for_url(f"**{links['public']}")

    assert len(referers) > 3
    assert all("/claim/" not in referer for referer in referers), referers


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_holder_page_renders_cleanly(
    open_page, links, screenshot_dir, viewport: dict[str, int], language: str
) -> None:
    device = "phone" if viewport is PHONE else "desktop"
    page = open_page(viewport, language)
    for name in ("claim-revoked", "claim"):
        page.goto(links[name])
        check(page, f"holder-{name}-{language}-{device}", screenshot_dir)
    page.locator("form.inline-form button[type=submit]").click()
    page.wait_for_selector(".claim-done")
    check(page, f"holder-claimed-{language}-{device}", screenshot_dir)

    log_in(page)
    for name, url in {"my-badges": "/me/badges/", "my-addresses": "/me/addresses/"}.items():
        page.goto(url)
        check(page, f"holder-{name}-{language}-{device}", screenshot_dir)


def test_a_person_confirms_an_address_from_the_mailed_link(open_page, links) -> None:
    from datetime import timedelta

    from microcred.web.accounts.models import User
    from microcred.web.holder.models import HolderAddress, token_hash

    address = HolderAddress.objects.create(
        user=User.objects.get(email="holder@example.org"),
        email="erika@uni.example",
        token_hash=token_hash("a-mailed-token"),
        token_expires_at=timezone.now() + timedelta(days=1),
    )
    page = open_page(PHONE, "de")
    log_in(page)

    page.goto("/me/addresses/verify/a-mailed-token")
    page.get_by_role("button", name="Ja, diese Adresse gehört mir").click()
    page.wait_for_url("**/me/badges/")

    assert page.locator(".messages").inner_text().startswith("erika@uni.example ist bestätigt")
    address.refresh_from_db()
    assert address.is_verified
