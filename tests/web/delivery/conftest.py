"""Fixtures of the delivery tests: an SMTP server, an organization with a badge, the worker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest

from tests.web.credentials.helpers import designed_badge
from tests.web.smtp import Inbox, free_port, serving, smtp_mailer


@pytest.fixture
def smtp_down(settings: Any) -> None:
    settings.MAILERS = smtp_mailer(free_port())


@pytest.fixture
def academy(make_organization: Callable[..., Any]) -> Any:
    return make_organization(
        "Akademie Beispiel", email="kontakt@akademie-beispiel.example", slug="akademie"
    )


@pytest.fixture
def badge(academy: Any) -> Any:
    return designed_badge(
        academy,
        name="Datenschutz im Büro",
        description="Kennt die DSGVO-Grundlagen & wendet sie im Arbeitsalltag an.",
        language="de",
    )


@pytest.fixture
def run_worker(
    django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> Callable[[], None]:
    """Run every e-mail task that is due with django-tasks-db's worker (`db_worker --batch`)."""
    from django.core.management import call_command

    # The worker drops database connections it thinks are stale between tasks; inside the
    # test's transaction that would close the connection the test itself is using.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run() -> None:
        # Retries are queued on commit; the test's transaction never commits, so run them.
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "db_worker",
                queue_name="email",
                batch=True,
                interval=0,
                reload=False,
                startup_delay=False,
                worker_id="delivery-test-worker",
                verbosity=0,
            )

    return run


@pytest.fixture
def smtp_inbox_later(settings: Any) -> Iterator[Callable[[], Inbox]]:
    """Starts the SMTP server when called (for tests that begin with it down)."""
    with ExitStack() as servers:
        yield lambda: servers.enter_context(serving(settings))
