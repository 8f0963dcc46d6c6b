"""The badge designer in Chromium: designing from a template with a live preview, and every
designer page on a phone and a desktop in English and German (screenshots with
MICROCRED_SCREENSHOTS=<folder>)."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PASSWORD, PHONE
from tests.browser.test_pages import check
from tests.web.achievements.conftest import mark_issued

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page: Any, email: str) -> None:
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/$"))


def preview_svg(page: Any) -> str:
    source = page.locator("#badge-preview img").get_attribute("src")
    assert source.startswith("data:image/svg+xml;base64,")
    return base64.b64decode(source.split(",", 1)[1]).decode("utf-8")


@pytest.fixture
def demo_site() -> Any:
    from microcred.web import demo

    return demo.build(password=PASSWORD)


def test_design_a_badge_from_a_template_with_a_live_preview(open_page, demo_site) -> None:
    page = open_page()
    log_in(page, demo_site.email)
    page.goto(f"/o/{demo_site.organization_slug}/achievements/")
    page.get_by_role("link", name="Design a badge").click()
    page.wait_for_url("**/achievements/new/")

    # The preview follows the name as it is typed, without a page load.
    page.get_by_label("Name", exact=True).fill("Erste Hilfe am Arbeitsplatz")
    page.wait_for_function(
        "() => atob(document.querySelector('#badge-preview img').src.split(',')[1])"
        ".includes('Arbeitsplatz')"
    )
    before = preview_svg(page)
    page.get_by_label("Ribbon").check()
    page.get_by_label("Icon").select_option("heart")
    page.locator("#id_image-primary").evaluate(
        "input => { input.value = '#b3261e';"
        " input.dispatchEvent(new Event('change', {bubbles: true})); }"
    )
    page.wait_for_function(
        "() => atob(document.querySelector('#badge-preview img').src.split(',')[1])"
        ".includes('#b3261e')"
    )
    after = preview_svg(page)
    assert after != before
    assert "Erste Hilfe am" in after

    page.get_by_label("Description").fill("Leistet Erste Hilfe bis der Rettungsdienst kommt.")
    page.get_by_label("Criteria").fill("Kurs mit 9 Unterrichtseinheiten besucht.")
    page.get_by_label("Learning outcomes").fill(
        "Sichert die Unfallstelle.\nLeistet Herzdruckmassage."
    )

    # Skill rows come and go through htmx: the page does not reload, the text stays.
    page.get_by_label("Skill", exact=True).fill("Erste Hilfe")
    page.get_by_label("Address (URI)").fill(
        "https://akademie-beispiel.example/kompetenzen/erste-hilfe"
    )
    page.get_by_role("button", name="Add a skill").click()
    page.wait_for_selector("#id_skills-1-name")
    assert page.get_by_label("Name", exact=True).input_value() == "Erste Hilfe am Arbeitsplatz"
    page.get_by_role("button", name="Remove skill 2").click()
    page.wait_for_selector("#id_skills-1-name", state="detached")
    assert page.locator("#id_skills-0-name").input_value() == "Erste Hilfe"

    page.get_by_label("Notional workload in hours").fill("9")
    page.get_by_label("Level in the European Qualifications Framework").select_option("2")
    page.get_by_label("Type of assessment").fill("Praktische Prüfung")
    page.get_by_label("On site", exact=True).check()
    page.get_by_label("Type of quality assurance").fill("Anerkannt nach DGUV Grundsatz 304-001")
    page.get_by_role("button", name="Create the badge").click()

    page.wait_for_url(re.compile(r".*/achievements/[0-9a-f-]{36}$"))
    assert page.get_by_role("heading", name="Erste Hilfe am Arbeitsplatz").is_visible()
    assert page.get_by_text("EU elements complete").is_visible()
    image = page.locator("img.badge-image")
    assert image.evaluate("img => img.complete && img.naturalWidth") == 512
    document = page.request.get(page.url, headers={"Accept": "application/ld+json"}).json()
    assert document["euMicroCredential"]["participationForm"] == "onSite"
    assert document["alignment"][0]["targetName"] == "EQF level 2"


def test_the_design_form_works_without_javascript(browser, live_server, demo_site) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    try:
        page = context.new_page()
        log_in(page, demo_site.email)
        page.goto(f"/o/{demo_site.organization_slug}/achievements/new/")
        page.get_by_label("Name", exact=True).fill("Ohne Skript")
        page.get_by_role("button", name="Add a skill").click()
        page.wait_for_selector("#id_skills-1-name")
        assert page.get_by_label("Name", exact=True).input_value() == "Ohne Skript"
        page.get_by_label("Hexagon").check()
        page.get_by_role("button", name="Update the preview").click()
        page.wait_for_load_state()
        assert "Ohne Skript" in preview_svg(page)
        assert "points=" in preview_svg(page)
    finally:
        context.close()


@pytest.fixture
def designer_site(demo_site) -> dict[str, str]:
    from microcred.web.achievements.models import Achievement
    from microcred.web.achievements.services import archive
    from microcred.web.organizations.models import Organization
    from microcred.web.organizations.services import create_organization

    organization = Organization.objects.get(slug=demo_site.organization_slug)
    badge = Achievement.objects.get(organization=organization, name="Agiles Projektmanagement")
    esg = Achievement.objects.get(organization=organization, name="ESG-Berichterstattung")
    old = Achievement.objects.create(
        organization=organization, name="Alter Kurs", description="Alt.", criteria="Alt."
    )
    archive(old, None)
    owner = organization.memberships.get(role="owner").user
    create_organization(owner=owner, name="Neue Akademie", slug="neue-akademie", country="AT")
    prompting = Achievement.objects.get(organization=organization, name="Prompting für Fachkräfte")
    mark_issued(prompting)
    base = f"/o/{organization.slug}/achievements"
    return {
        "badge-issued": f"{base}/{prompting.public_id}",
        "badges": f"{base}/",
        "badges-archived": f"{base}/?archived=1",
        "badges-empty": "/o/neue-akademie/achievements/",
        "badge-new": f"{base}/new/",
        "badge": f"{base}/{badge.public_id}",
        "badge-incomplete": f"{base}/{esg.public_id}",
        "badge-edit": f"{base}/{badge.public_id}/edit/",
        "badge-delete": f"{base}/{badge.public_id}/delete/",
    }


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_designer_page_renders_cleanly(
    open_page, demo_site, designer_site, screenshot_dir: Path | None, viewport, language
) -> None:
    device = "phone" if viewport is PHONE else "desktop"
    folder = screenshot_dir / "achievements" if screenshot_dir is not None else None
    if folder is not None:
        folder.mkdir(exist_ok=True)
    page = open_page(viewport, language)
    log_in(page, demo_site.email)
    for name, url in designer_site.items():
        if name == "badge-issued":
            continue
        page.goto(url)
        check(page, f"{name}-{language}-{device}", folder)
        assert page.locator("html").get_attribute("lang") == language

    page.goto(designer_site["badge-new"])
    page.locator("button[name=action][value=save]").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() >= 3
    check(page, f"badge-new-errors-{language}-{device}", folder)

    # Once issued, anyone sees the badge's page without logging in.
    visitor = open_page(viewport, language)
    visitor.goto(designer_site["badge-issued"])
    check(visitor, f"badge-public-{language}-{device}", folder)
    assert visitor.locator("img.badge-image").evaluate("img => img.naturalWidth") == 512
    assert visitor.get_by_role("link", name="Edit").count() == 0
