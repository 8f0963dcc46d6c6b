"""The recipient's whole path in Chromium, with a real SMTP server and the real task worker:
issue → the e-mail arrives → the personal link opens → claim → LinkedIn → PDF with a QR code
→ share image behind the Open Graph tags → the issuer's dashboard counts each step once."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD, PHONE
from tests.web.credentials.helpers import designed_badge
from tests.web.smtp import Inbox, serving

pytestmark = pytest.mark.django_db(transaction=True)

RECIPIENT = "Jürgen Müller-Lüdenscheidt"
RECIPIENT_EMAIL = "juergen@example.org"


@pytest.fixture
def inbox(settings: Any) -> Iterator[Inbox]:
    with serving(settings) as received:
        yield received


@pytest.fixture(autouse=True)
def _base_url(settings: Any, live_server: Any) -> None:
    # Links in e-mails and QR codes are absolute: they must lead to this live server.
    settings.MICROCRED_BASE_URL = live_server.url
    settings.MICROCRED_HOST = urlsplit(live_server.url).netloc


@pytest.fixture
def academy(transactional_db: None) -> Any:
    from microcred.web.accounts.models import User
    from microcred.web.organizations.services import create_organization
    from microcred.web.sharing.models import SharingSettings

    owner = User.objects.create_user("ada@example.org", PASSWORD, name="Ada Lovelace")
    organization = create_organization(
        owner=owner,
        name="Akademie Beispiel",
        slug="akademie",
        country="DE",
        email="kontakt@akademie-beispiel.example",
    )

    SharingSettings.objects.create(organization=organization, linkedin_organization_id="1337")
    return organization


def run_email_worker() -> None:
    from django.core.management import call_command

    call_command(
        "db_worker",
        queue_name="email",
        batch=True,
        interval=0,
        reload=False,
        startup_delay=False,
        worker_id="journey-worker",
        verbosity=0,
    )


def log_in(page: Any, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r".*/$"))


def decode_qr(png: bytes) -> str:
    import zxingcpp
    from PIL import Image

    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(found) == 1
    return found[0].text


def pdf_first_page_png(pdf: bytes) -> tuple[bytes, tuple[float, float], int]:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    page = document[0]
    size = page.get_size()
    rendered = io.BytesIO()
    page.render(scale=3).to_pil().save(rendered, format="PNG")
    return rendered.getvalue(), size, len(document)


def test_issue_deliver_claim_share_download_and_count(
    open_page, live_server, inbox, academy, tmp_path
) -> None:
    from PIL import Image

    from microcred.web.credentials.addresses import public_url
    from microcred.web.credentials.models import IssuedCredential

    badge = designed_badge(academy, name="Datenschutz im Büro", language="de")
    issuer = open_page()
    log_in(issuer, academy.memberships.get().user.email)

    # Issue through the form; the e-mail is the worker's job, not the request's.
    issuer.goto(f"/o/{academy.slug}/achievements/{badge.public_id}/issue/")
    issuer.get_by_label("Recipient's name").fill(RECIPIENT)
    issuer.get_by_label("Recipient's e-mail address").fill(RECIPIENT_EMAIL)
    issuer.get_by_role("button", name="Preview").click()
    issuer.get_by_role("button", name="Issue now").click()
    issuer.wait_for_url(re.compile(r".*/credentials/[0-9a-f-]{36}/$"))
    assert inbox.messages == []
    credential = IssuedCredential.objects.get(organization=academy)

    run_email_worker()

    # The e-mail arrives, in the achievement's language, with the personal link.
    [message] = inbox.messages
    assert message["To"] == RECIPIENT_EMAIL
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert RECIPIENT in text and "Datenschutz im Büro" in text
    link = re.search(r"https?://\S+/claim/\S+", text).group(0)

    # The recipient opens it (on a phone) and accepts the badge.
    holder = open_page(PHONE, language="de")
    holder.goto(link)
    holder.get_by_role("button", name="Dieses Badge annehmen").click()
    assert holder.get_by_role("heading", name=re.compile("Sie haben dieses Badge")).is_visible()

    # LinkedIn "add to profile" carries the certification fields.
    add = holder.get_by_role("link", name="Zum LinkedIn-Profil hinzufügen")
    redirect = holder.request.get(add.get_attribute("href"), max_redirects=0)
    assert redirect.status == 302
    target = urlsplit(redirect.headers["location"])
    fields = {key: values[0] for key, values in parse_qs(target.query).items()}
    page_url = public_url(credential.public_id)
    assert (target.netloc, target.path) == ("www.linkedin.com", "/profile/add")
    assert fields["startTask"] == "CERTIFICATION_NAME"
    assert fields["name"] == "Datenschutz im Büro"
    assert fields["organizationId"] == "1337"
    assert fields["certUrl"] == page_url
    assert fields["certId"] == str(credential.public_id)
    assert (fields["issueYear"], fields["issueMonth"]) == (
        str(credential.valid_from.year),
        str(credential.valid_from.month),
    )

    # The PDF certificate downloads; its QR code leads to the public page.
    with holder.expect_download() as download_info:
        holder.get_by_role("link", name="Zertifikat (PDF)").click()
    pdf_path = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf_path)
    png, (width, height), pages = pdf_first_page_png(pdf_path.read_bytes())
    assert pages == 1 and width > height
    assert decode_qr(png) == page_url

    # The public page previews well: Open Graph tags and a 1200×627 share image.
    visitor = open_page()
    visitor.goto(page_url)
    og_image = visitor.locator('meta[property="og:image"]').get_attribute("content")
    assert visitor.locator('meta[property="og:url"]').get_attribute("content") == page_url
    assert visitor.locator('meta[name="twitter:card"]').get_attribute("content") == (
        "summary_large_image"
    )
    image = visitor.request.get(og_image)
    assert image.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(image.body())).size == (1200, 627)

    # An employer checks it on the verify page, for the recipient's address.
    visitor.goto("/verify")
    visitor.get_by_label("Link, credential JSON or JWT").fill(page_url)
    visitor.get_by_label("The person's e-mail address (optional)").fill(RECIPIENT_EMAIL)
    visitor.get_by_role("button", name="Verify", exact=True).click()
    expect(visitor.locator("#verdict-heading")).to_have_text("Valid")

    # The issuer's dashboard counts each step once.
    issuer.goto(f"/o/{academy.slug}/achievements/{badge.public_id}/engagement/")
    funnel = issuer.locator("table.funnel")
    steps = ("issued", "E-mail delivered", "Opened", "Claimed", "Public page viewed", "Shared")
    for step in (*steps, "Downloaded", "Verified"):
        row = funnel.get_by_role("row", name=re.compile(f"^{step}", re.IGNORECASE))
        assert row.locator("td").first.inner_text() == "1", step
    tiles = {
        tile.locator(".stat-label").inner_text(): tile.locator(".stat-number").inner_text()
        for tile in issuer.locator(".stat-tiles li").all()
    }
    assert tiles == {
        "issued": "1",
        "page views": "1",
        "shares": "1",
        "downloads": "1",
        "verifications": "1",
        "by crawlers and scripts (not counted above)": "0",
    }
    shares = issuer.get_by_role("region", name="Shares by channel")
    assert shares.get_by_role("row", name="LinkedIn profile").locator("td").inner_text() == "1"
    downloads = issuer.get_by_role("region", name="Downloads by format")
    assert downloads.get_by_role("row", name="PDF certificate").locator("td").inner_text() == "1"
    verifications = issuer.get_by_role("region", name="Verifications by channel")
    assert (
        verifications.get_by_role("row", name="Verification page").locator("td").inner_text() == "1"
    )
