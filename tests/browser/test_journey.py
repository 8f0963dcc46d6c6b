"""A person signs up, creates an organization, sees its DID and switches to German."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import PASSWORD, PHONE

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_up_create_organization_see_did_and_switch_to_german(open_page) -> None:
    page = open_page()
    page.goto("/")
    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Your name").fill("Ada Lovelace")
    page.get_by_label("E-mail address").fill("ada@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    page.wait_for_url("**/organizations/new/")
    page.get_by_label("Name").fill("Akademie Beispiel")
    page.get_by_label("Country").select_option("DE")
    page.get_by_label("Region").fill("Bayern")
    page.get_by_role("button", name="Create organization").click()

    page.wait_for_url("**/o/akademie-beispiel/")
    assert page.get_by_text("Akademie Beispiel is ready.").is_visible()
    did = "did:web:testserver:o:akademie-beispiel"
    assert page.locator("code", has_text=did).is_visible()

    page.get_by_role("navigation", name="Pages of Akademie Beispiel").get_by_role(
        "link", name="Identity & keys"
    ).click()
    page.wait_for_url("**/o/akademie-beispiel/identity/")
    assert page.get_by_role("heading", name="Identity and keys").is_visible()
    assert page.get_by_text("#key-1").is_visible()

    document = page.request.get("/o/akademie-beispiel/did.json").json()
    assert document["id"] == did
    assert document["assertionMethod"] == [f"{did}#key-1"]

    page.get_by_role("button", name="DE").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Identität und Schlüssel").is_visible()
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("button", name="DE").get_attribute("aria-pressed") == "true"


def test_the_organization_switcher_and_logout_work_on_a_phone(open_page, live_server) -> None:
    from microcred.web import demo

    site = demo.build(password=PASSWORD)
    page = open_page(PHONE)
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(site.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r".*/$"))
    assert page.get_by_role("heading", name="Your organizations").is_visible()

    page.locator("details.switcher summary").click()
    page.locator("details.switcher").get_by_role("link", name="Akademie Beispiel").click()
    page.wait_for_url("**/o/akademie-beispiel/")
    page.keyboard.press("Escape")

    page.locator("details.account summary").click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r".*/$"))
    assert (
        page.get_by_role("navigation", name="Account")
        .get_by_role("link", name="Log in")
        .is_visible()
    )
