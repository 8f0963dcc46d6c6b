"""The engagement dashboard, the overview and the credential panel with a few hundred
credentials' worth of events, on a phone and a desktop in English and German.
MICROCRED_SCREENSHOTS=<folder> saves a full-page screenshot of each."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.browser.conftest import PASSWORD, PHONE
from tests.browser.test_credential_pages import log_in
from tests.browser.test_pages import check

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP_1280 = {"width": 1280, "height": 900}


@pytest.fixture
def site() -> dict[str, Any]:
    from django.utils import timezone

    from microcred.web import demo
    from microcred.web.credentials.models import IssuedCredential
    from tests.web.engagement.helpers import copies, realistic_events

    built = demo.build(password=PASSWORD)
    template = (
        IssuedCredential.objects.filter(organization__slug=built.organization_slug)
        .exclude(achievement=None)
        .first()
    )
    now = timezone.now()
    issued = [now - timedelta(days=n % 88, hours=n % 17) for n in range(300)]
    credentials = copies(template, 300, issued=issued)
    realistic_events(credentials)
    return {
        "email": built.email,
        "slug": built.organization_slug,
        "badge": template.achievement.public_id,
        "credential": credentials[0].public_id,
    }


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP_1280], ids=["phone", "desktop"])
def test_the_engagement_pages_render_cleanly(
    open_page, site, screenshot_dir, viewport: dict[str, int], language: str
) -> None:
    device = "phone" if viewport is PHONE else "desktop"
    page = open_page(viewport, language)
    log_in(page, site["email"])
    slug = site["slug"]
    pages = {
        "engagement-dashboard": f"/o/{slug}/achievements/{site['badge']}/engagement/",
        "engagement-dashboard-30": f"/o/{slug}/achievements/{site['badge']}/engagement/?days=30",
        "engagement-overview": f"/o/{slug}/engagement/",
        "engagement-panel": f"/o/{slug}/credentials/{site['credential']}/",
    }
    for name, url in pages.items():
        page.goto(url)
        check(page, f"{name}-{language}-{device}", screenshot_dir)
