"""Sharing in a real Chromium: copy buttons copy, announce and count; the embed shows on a
foreign site; the public page, the holder's panel and the share pictures look right.
MICROCRED_SCREENSHOTS=<folder> saves screenshots of each (and the share pictures)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_pages import check

pytestmark = pytest.mark.django_db(transaction=True)

LONG_NAME = (
    "Lebensmittelsicherheit und Hygienemanagement für Großküchen und Gemeinschaftsverpflegung"
)


@pytest.fixture(autouse=True)
def _base_url(settings, live_server) -> None:
    # Signature images and embed code carry absolute addresses; the browser must reach them.
    settings.MICROCRED_BASE_URL = live_server.url


@pytest.fixture
def credential() -> Any:
    return issue(LONG_NAME, "Industrie- und Handelskammer Köln Weiterbildung")


def issue(achievement_name: str, organization_name: str) -> Any:
    from microcred.openbadges.award import Recipient, award
    from microcred.web.accounts.models import User
    from microcred.web.credentials.addresses import credential_id_for, new_public_id
    from microcred.web.credentials.issuer import issuer_profile
    from microcred.web.credentials.issuing import issue_credential
    from microcred.web.organizations.services import create_organization
    from tests.web.credentials.helpers import sample_achievement

    owner = User.objects.create_user("owner@example.org", None, name="Olga Owner")
    organization = create_organization(owner=owner, name=organization_name, country="DE")
    public_id = new_public_id()
    document = award(
        sample_achievement(achievement_name),
        issuer_profile(organization),
        Recipient(email="juergen@example.org", name="Jürgen Müller-Lüdenscheidt"),
        credential_id=credential_id_for(public_id),
    ).to_json()
    return issue_credential(
        organization,
        document,
        actor=None,
        recipient_email="juergen@example.org",
        recipient_name="Jürgen Müller-Lüdenscheidt",
        public_id=public_id,
    )


def claim_path(credential: Any) -> str:
    from urllib.parse import urlsplit

    from django.utils import timezone

    from microcred.web.holder.claims import new_claim_link
    from microcred.web.holder.models import ClaimLink

    url = new_claim_link(credential)
    ClaimLink.objects.filter(credential=credential).update(claimed_at=timezone.now())
    return urlsplit(url).path


def shared(credential: Any) -> list[str]:
    from microcred.web.engagement.models import Event

    found = Event.objects.filter(credential=credential, kind="shared", is_bot=False)
    return sorted(found.values_list("channel", flat=True))


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_public_page_and_the_share_panel_render_cleanly(
    open_page, credential, screenshot_dir, viewport: dict[str, int], language: str
) -> None:
    device = "phone" if viewport is PHONE else "desktop"
    page = open_page(viewport, language)
    page.goto(f"/c/{credential.public_id}")
    check(page, f"sharing-public-{language}-{device}", screenshot_dir)
    image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert image.startswith("http") and image.endswith(f"share.png?lang={language}")

    page.goto(claim_path(credential))
    assert page.locator(".share-panel").count() == 1
    check(page, f"sharing-panel-{language}-{device}", screenshot_dir)


class Elements(HTMLParser):
    """Every start tag of a snippet with its attributes, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


HOSTILE_BADGE = 'Der "Große" Kurs" onload="alert(1)'
HOSTILE_ISSUER = 'Akademie "X" & <img src=x onerror=alert(1)>'


def test_the_code_to_copy_keeps_names_escaped(open_page) -> None:
    """A textarea decodes entities once: what the holder copies must still be escaped HTML."""
    credential = issue(HOSTILE_BADGE, HOSTILE_ISSUER)
    page = open_page(DESKTOP, "en")
    page.goto(claim_path(credential))

    def copied(field: str) -> Elements:
        return elements(page.eval_on_selector(f"#{field}", "field => field.value"))

    signature = copied("share-signature-html")
    assert [tag for tag, _ in signature.found] == ["a", "img", "br", "a", "br"]
    assert signature.found[1][1]["alt"] == f"Badge: {HOSTILE_BADGE}"
    assert f"{HOSTILE_BADGE}Issued by {HOSTILE_ISSUER}" == "".join(signature.text)

    embed = copied("share-embed-code")
    assert [tag for tag, _ in embed.found] == ["iframe"]
    assert embed.found[0][1]["title"] == f"Badge: {HOSTILE_BADGE}"

    link = copied("share-embed-link")
    assert [tag for tag, _ in link.found] == ["a"]
    assert "".join(link.text) == f"{HOSTILE_BADGE} – {HOSTILE_ISSUER}"

    for snippet in (signature, embed, link):
        for _tag, attributes in snippet.found:
            assert not {"onload", "onerror"} & set(attributes)
    preview = elements(page.eval_on_selector("#share-signature-preview", "box => box.innerHTML"))
    assert [tag for tag, _ in preview.found] == ["a", "img", "br", "a", "br"]


def test_copy_buttons_copy_announce_and_count_once(open_page, credential, live_server) -> None:
    page = open_page(DESKTOP, "en")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(f"/c/{credential.public_id}")

    with page.expect_response(lambda answer: "/share/link" in answer.url) as counted:
        page.get_by_role("button", name="Copy link").click()

    assert counted.value.status == 204
    status = page.locator(".share-visitor [data-share-status]")
    expect(status).to_have_text("Copied to the clipboard.")
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"/c/{credential.public_id}")
    assert shared(credential) == ["link"]

    page.goto(claim_path(credential))
    with page.expect_response(lambda answer: "/share/embed" in answer.url):
        page.get_by_role("button", name="Copy embed code").click()
    assert page.evaluate("navigator.clipboard.readText()").startswith("<iframe src=")
    with page.expect_response(lambda answer: "/share/signature" in answer.url):
        page.get_by_role("button", name="Copy signature", exact=True).click()
    assert shared(credential) == ["embed", "link", "signature"]


@pytest.fixture
def foreign_site() -> Iterator[Callable[[str], str]]:
    """Another origin on this machine serving one page: ``serve(html)`` gives its URL."""
    pages: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path, b"")
            # 204 for the favicon and the like: a 404 would be a console error.
            self.send_response(200 if body else 204)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def serve(html: str) -> str:
        pages["/blog"] = html.encode("utf-8")
        return f"http://127.0.0.1:{server.server_address[1]}/blog"

    yield serve
    server.shutdown()
    server.server_close()


def test_the_embed_shows_on_a_foreign_site(
    open_page, credential, foreign_site, screenshot_dir
) -> None:
    from microcred.web.sharing.facts import share_facts
    from microcred.web.sharing.snippets import embed_code

    url = foreign_site(
        "<!doctype html><html lang=de><title>Mein Blog</title><body><h1>Mein Blog</h1>"
        f"<p>Meine Weiterbildung:</p>{embed_code(share_facts(credential))}</body></html>"
    )
    page = open_page(DESKTOP, "de")
    page.goto(url)

    frame = page.frame_locator("iframe")
    expect(frame.locator(".embed-state")).to_have_text("✓ Geprüft")
    assert frame.locator(".embed-card").get_attribute("target") == "_top"
    if screenshot_dir is not None:
        page.screenshot(path=str(screenshot_dir / "sharing-embed-foreign.png"))


def test_share_pictures(client, credential, screenshot_dir: Path | None) -> None:
    for language in ("de", "en"):
        response = client.get(f"/c/{credential.public_id}/share.png?lang={language}")
        assert response.status_code == 200
        if screenshot_dir is not None:
            (screenshot_dir / f"sharing-image-{language}.png").write_bytes(response.content)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_settings_page_renders_cleanly(
    open_page, credential, live_server, screenshot_dir, viewport: dict[str, int], language: str
) -> None:
    from django.conf import settings
    from django.test import Client

    from microcred.web.organizations.models import Organization

    device = "phone" if viewport is PHONE else "desktop"
    # A long name must not widen the header's organization switcher on a phone.
    Organization.objects.filter(pk=credential.organization_id).update(
        name="Industrie- und Handelskammer Köln Weiterbildungszentrum Mülheim"
    )
    client = Client()
    client.force_login(credential.organization.memberships.get().user)
    page = open_page(viewport, language)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto(f"/o/{credential.organization.slug}/sharing/")
    page.locator("#id_linkedin_organization_id").fill("linkedin.com/company/acme")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator(".errorlist").count() == 1
    check(page, f"sharing-settings-{language}-{device}", screenshot_dir)
