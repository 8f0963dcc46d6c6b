"""The certificate design page on a phone and a desktop in English and German, and a saved
design reaching the preview PDF. MICROCRED_SCREENSHOTS=<folder> saves a screenshot of each."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import PASSWORD, PHONE
from tests.browser.test_credential_pages import log_in
from tests.browser.test_pages import check

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP_1280 = {"width": 1280, "height": 900}


@pytest.fixture
def site() -> Any:
    from microcred.web import demo

    return demo.build(password=PASSWORD)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP_1280], ids=["phone", "desktop"])
def test_the_design_page_renders_cleanly_and_saves(
    open_page, site, screenshot_dir, viewport: dict[str, int], language: str
) -> None:
    device = "phone" if viewport is PHONE else "desktop"
    page = open_page(viewport, language)
    log_in(page, site.email)
    page.goto(f"/o/{site.organization_slug}/certificate/")
    check(page, f"certificate-design-{language}-{device}", screenshot_dir)

    page.locator("#id_signature_name").fill("Dr. Anna Beispiel")
    page.locator("#id_primary_colour").fill("#ffd700")
    page.locator("form.form button[type=submit]").click()
    assert page.locator(".errorlist").first.is_visible()
    check(page, f"certificate-design-error-{language}-{device}", screenshot_dir)
    page.locator("#id_primary_colour").fill("#1f3a5f")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**/o/{site.organization_slug}/certificate/")
    preview = page.request.get(f"/o/{site.organization_slug}/certificate/preview.pdf?lang=de")
    assert preview.headers["content-type"] == "application/pdf"
