"""Every page of issuing, credentials, verifying and API tokens, on a phone and a desktop in
English and German: no console errors, nothing wider than the screen, every input labelled,
one main heading. MICROCRED_SCREENSHOTS=<folder> saves a full-page screenshot of each."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PASSWORD, PHONE
from tests.browser.test_pages import check

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(tmp_path: Path) -> dict[str, Any]:
    from microcred.web import demo
    from microcred.web.credentials.models import IssuedCredential

    built = demo.build(password=PASSWORD)
    credentials = IssuedCredential.objects.filter(organization__slug=built.organization_slug)
    by_state = {credential.state: credential for credential in credentials}
    badge = credentials.first().achievement
    return {
        "email": built.email,
        "slug": built.organization_slug,
        "valid": by_state["active"].public_id,
        "revoked": by_state["revoked"].public_id,
        "suspended": by_state["suspended"].public_id,
        "badge": badge.public_id,
        "png": tmp_path / "badge.png",
    }


def log_in(page: Any, email: str) -> None:
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/$"))


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_credential_page_renders_cleanly(
    open_page, site, screenshot_dir, viewport: dict[str, int], language: str
) -> None:
    device = "phone" if viewport is PHONE else "desktop"
    page = open_page(viewport, language)

    def shot(name: str) -> None:
        check(page, f"{name}-{language}-{device}", screenshot_dir)
        assert page.locator("html").get_attribute("lang") == language

    for name, state in (("public-valid", "valid"), ("public-revoked", "revoked")):
        page.goto(f"/c/{site[state]}")
        shot(name)
    page.goto(f"/c/{site['suspended']}")
    shot("public-suspended")

    page.goto("/verify")
    shot("verify")
    page.locator("form.verify-form button[type=submit]").click()
    shot("verify-errors")
    site["png"].write_bytes(page.request.get(f"/c/{site['valid']}/badge.png").body())
    page.locator("#id_image").set_input_files(str(site["png"]))
    page.locator("form.verify-form button[type=submit]").click()
    page.locator("details.checks-details summary").click()
    shot("verify-valid")
    site["png"].write_bytes(page.request.get(f"/c/{site['revoked']}/badge.png").body())
    page.locator("#id_image").set_input_files(str(site["png"]))
    page.locator("form.verify-form button[type=submit]").click()
    shot("verify-revoked")

    log_in(page, site["email"])
    slug = site["slug"]
    for name, url in {
        "credentials": f"/o/{slug}/credentials/",
        "credential-detail": f"/o/{slug}/credentials/{site['valid']}/",
        "credential-detail-revoked": f"/o/{slug}/credentials/{site['revoked']}/",
        "credential-detail-suspended": f"/o/{slug}/credentials/{site['suspended']}/",
        "issuing-settings": f"/o/{slug}/credentials/settings/",
        "issue-choose": f"/o/{slug}/credentials/new/",
        "issue-form": f"/o/{slug}/achievements/{site['badge']}/issue/",
        "api-tokens": f"/o/{slug}/api-tokens/",
    }.items():
        page.goto(url)
        shot(name)

    page.goto(f"/o/{slug}/achievements/{site['badge']}/issue/")
    page.locator("#id_recipient_email").fill("not an address")
    page.locator("button[name=preview]").click()
    shot("issue-form-errors")
    page.locator("#id_recipient_name").fill("Erika Mustermann")
    page.locator("#id_recipient_email").fill("erika@example.org")
    page.locator("#id_evidence_url").fill("https://portfolio.example/erika/projekt-agile-teams")
    page.locator("button[name=preview]").click()
    shot("issue-preview")

    page.goto(f"/o/{slug}/credentials/{site['valid']}/")
    page.locator("button.danger").click()
    shot("credential-revoke-errors")

    page.goto(f"/o/{slug}/api-tokens/")
    page.locator("#id_name").fill("LMS-Anbindung")
    page.locator("form.form button[type=submit]").click()
    shot("api-token-created")
