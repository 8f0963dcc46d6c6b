"""Every page on a phone and a desktop, in English and German: no console errors, nothing
wider than the screen, every input labelled. With MICROCRED_SCREENSHOTS=<folder> set, a
full-page screenshot of each is saved there to be looked at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PASSWORD, PHONE

pytestmark = pytest.mark.django_db(transaction=True)

LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" '
    b'rx="12" fill="#14213d"/><path d="M14 46 32 14l18 32z" fill="#f5b400"/></svg>'
)
ANONYMOUS_PAGES = {
    "landing": "/",
    "login": "/accounts/login/",
    "signup": "/accounts/signup/",
    "password-reset": "/accounts/password-reset/",
    "password-reset-sent": "/accounts/password-reset/sent/",
    "not-found": "/o/nowhere/",
}
MEMBER_PAGES = {
    "dashboard": "/",
    "organization-new": "/organizations/new/",
    "overview": "/o/akademie-beispiel/",
    "profile": "/o/akademie-beispiel/profile/",
    "members": "/o/akademie-beispiel/members/",
    "identity": "/o/akademie-beispiel/identity/",
    "audit": "/o/akademie-beispiel/audit/",
}

UNLABELLED_INPUTS = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(e => !['hidden', 'submit', 'button'].includes(e.type))
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
  .map(e => e.name)"""


@pytest.fixture
def sample_site() -> dict[str, str]:
    from microcred.web import demo
    from microcred.web.accounts.models import User
    from microcred.web.identity.keys import create_key
    from microcred.web.organizations.logos import clean_logo
    from microcred.web.organizations.models import Membership, Organization, Role
    from microcred.web.organizations.services import invite

    site = demo.build(password=PASSWORD)
    organization = Organization.objects.get(slug=site.organization_slug)
    organization.set_logo(*clean_logo(LOGO))
    organization.save()
    colleague = User.objects.create_user("jonas.weber@example.org", None, name="Jonas Weber")
    Membership.objects.create(organization=organization, user=colleague, role=Role.ISSUER)
    owner = organization.memberships.get(role=Role.OWNER)
    _invitation, token = invite(owner, "lena.schmidt@example.org", Role.VIEWER)
    create_key(organization, actor=owner.user)
    return {"email": site.email, "invitation": f"/invitations/{token}/"}


def check(page: Any, name: str, screenshot_dir: Path | None) -> None:
    page.wait_for_load_state("load")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} is {overflow}px wider than the screen"
    assert page.evaluate(UNLABELLED_INPUTS) == [], f"{name} has inputs without a label"
    assert page.locator("main h1").count() == 1, f"{name} needs exactly one main heading"
    if screenshot_dir is not None:
        page.screenshot(path=str(screenshot_dir / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_renders_cleanly(
    open_page, sample_site, screenshot_dir, viewport: dict[str, int], language: str
) -> None:
    device = "phone" if viewport is PHONE else "desktop"
    page = open_page(viewport, language)
    for name, url in {**ANONYMOUS_PAGES, "invitation": sample_site["invitation"]}.items():
        page.goto(url)
        check(page, f"{name}-{language}-{device}", screenshot_dir)
        assert page.locator("html").get_attribute("lang") == language

    page.goto("/accounts/signup/")
    page.locator("form.form button[type=submit]").click()
    check(page, f"signup-errors-{language}-{device}", screenshot_dir)

    page.goto("/accounts/login/")
    page.locator("#id_username").fill(sample_site["email"])
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url("**/")
    for name, url in MEMBER_PAGES.items():
        page.goto(url)
        check(page, f"{name}-{language}-{device}", screenshot_dir)

    page.goto("/organizations/new/")
    page.locator("#id_url").fill("not a website")
    page.locator("form.form button[type=submit]").click()
    check(page, f"organization-new-errors-{language}-{device}", screenshot_dir)

    page.goto("/o/akademie-beispiel/")
    page.locator("details.switcher summary").click()
    check(page, f"switcher-open-{language}-{device}", screenshot_dir)
