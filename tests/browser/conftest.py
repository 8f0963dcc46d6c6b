"""Playwright driving Debian's Chromium against pytest-django's live server.

No browser is ever downloaded: the tests use /usr/bin/chromium. Without it they are
skipped with a note, unless MICROCRED_REQUIRE_BROWSER=1 (as in CI) makes that a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.environment import configure, sqlite_test_databases_in_files

configure()
# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
# still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("MICROCRED_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    sqlite_test_databases_in_files()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = (
            f"{CHROMIUM} not found: the browser tests are skipped "
            "(install Debian's chromium; MICROCRED_REQUIRE_BROWSER=1 makes this an error)"
        )
        if os.environ.get("MICROCRED_REQUIRE_BROWSER", "") not in {"", "0"}:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


class PageProblems:
    """Console errors and uncaught exceptions of every page a test opened."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def watch(self, page: Any) -> Any:
        page.on(
            "console", lambda message: message.type == "error" and self.errors.append(message.text)
        )
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        return page


@pytest.fixture
def open_page(browser: Any, live_server: Any) -> Iterator[Callable[..., Any]]:
    """``open_page(viewport=DESKTOP, language="en")``: a fresh browser context and page."""
    from django.core.cache import cache

    # Every browser test comes from 127.0.0.1 and signs up or logs in; each test is a new
    # visitor, so the rate limits (tested in tests/web) start from zero for it.
    cache.clear()
    contexts: list[Any] = []
    problems = PageProblems()

    def open_(viewport: dict[str, int] = DESKTOP, language: str = "en") -> Any:
        context = browser.new_context(
            viewport=viewport,
            locale="de-DE" if language == "de" else "en-US",
            base_url=live_server.url,
            service_workers="block",
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return problems.watch(context.new_page())

    yield open_
    for context in contexts:
        context.close()
    assert problems.errors == [], f"the browser reported errors: {problems.errors}"


@pytest.fixture
def screenshot_dir() -> Path | None:
    """Where to save screenshots (MICROCRED_SCREENSHOTS), or None to take none."""
    folder = os.environ.get("MICROCRED_SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path
