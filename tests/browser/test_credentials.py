"""The whole issuer journey in Chromium: sign up, create the organization, design a badge from
a template, issue it, open its public page, download the baked PNG, verify that PNG on the
verify page, revoke, and see the public page turn to revoked."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def sign_up_and_create_organization(page: Any) -> str:
    page.goto("/accounts/signup/")
    page.get_by_label("Your name").fill("Ada Lovelace")
    page.get_by_label("E-mail address").fill("ada@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/organizations/new/")
    page.get_by_label("Name").fill("Lernwerk Nord")
    page.get_by_label("Country").select_option("DE")
    page.get_by_role("button", name="Create organization").click()
    page.wait_for_url("**/o/lernwerk-nord/")
    return "lernwerk-nord"


def design_badge(page: Any, slug: str) -> None:
    page.goto(f"/o/{slug}/achievements/")
    page.get_by_role("link", name="Design your first badge").click()
    page.wait_for_url("**/achievements/new/")
    page.get_by_label("Name", exact=True).fill("Erste Hilfe am Arbeitsplatz")
    page.get_by_label("Ribbon").check()
    page.get_by_label("Description").fill("Leistet Erste Hilfe, bis der Rettungsdienst kommt.")
    page.get_by_label("Criteria").fill("Kurs mit 9 Unterrichtseinheiten besucht.")
    page.get_by_role("button", name="Create the badge").click()
    page.wait_for_url(re.compile(r".*/achievements/[0-9a-f-]{36}$"))


def issue_badge(page: Any, slug: str) -> None:
    nav = page.get_by_role("navigation", name="Pages of Lernwerk Nord")
    nav.get_by_role("link", name="Credentials").click()
    page.wait_for_url(f"**/o/{slug}/credentials/")
    page.get_by_role("link", name="Issue a credential").click()
    page.get_by_role("link", name="Issue Erste Hilfe am Arbeitsplatz").click()
    page.get_by_label("Recipient's name").fill("Erika Mustermann")
    page.get_by_label("Recipient's e-mail address").fill("erika@example.org")
    page.get_by_label("Result or grade").fill("bestanden")
    page.get_by_role("button", name="Preview").click()
    assert page.get_by_role("heading", name="Check before issuing").is_visible()
    page.get_by_role("button", name="Issue now").click()
    page.wait_for_url(re.compile(rf".*/o/{slug}/credentials/[0-9a-f-]{{36}}/$"))
    assert page.get_by_text("is issued to Erika Mustermann").is_visible()


def test_design_issue_download_verify_revoke(open_page, tmp_path) -> None:
    page = open_page()
    slug = sign_up_and_create_organization(page)
    design_badge(page, slug)
    issue_badge(page, slug)
    detail_url = page.url

    page.locator("section[aria-labelledby=public-heading] p a").first.click()
    page.wait_for_url(re.compile(r".*/c/[0-9a-f-]{36}$"))
    public_url = page.url
    assert page.get_by_role("heading", name="Erste Hilfe am Arbeitsplatz", level=1).is_visible()
    assert page.get_by_role("heading", name="Valid").is_visible()
    assert page.locator("img.badge-image").evaluate("img => img.complete && img.naturalWidth") > 0

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Badge (PNG)").click()
    download = download_info.value
    assert download.suggested_filename == "erste-hilfe-am-arbeitsplatz.png"
    png = tmp_path / download.suggested_filename
    download.save_as(png)

    page.get_by_role("link", name="Verify another badge").click()
    page.wait_for_url("**/verify")
    page.get_by_label("Badge image").set_input_files(str(png))
    page.get_by_role("button", name="Verify", exact=True).click()
    assert page.get_by_role("heading", name="Valid").is_visible()
    assert page.get_by_text("Erste Hilfe am Arbeitsplatz").first.is_visible()
    page.get_by_text("How it was checked").click()
    assert page.get_by_text("The signature is valid").is_visible()

    page.goto(detail_url)
    page.get_by_label("Reason").fill("Teilnahme nicht nachgewiesen")
    page.get_by_role("button", name="Revoke the credential").click()
    assert page.get_by_text("The credential is revoked.").is_visible()

    page.goto(public_url)
    banner = page.get_by_role("alert")
    assert banner.get_by_text("Revoked", exact=True).is_visible()
    assert banner.get_by_text("Teilnahme nicht nachgewiesen").is_visible()
    assert page.get_by_role("heading", name="Not valid").is_visible()
    assert page.get_by_text("The credential has been revoked by its issuer.").is_visible()

    # The downloaded PNG, verified again, now says revoked too.
    page.goto("/verify")
    page.get_by_label("Badge image").set_input_files(str(png))
    page.get_by_role("button", name="Verify", exact=True).click()
    assert page.get_by_role("heading", name="Not valid").is_visible()
