"""pytest-django for the web suite: settings, database choice and shared fixtures."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.web.environment import configure, sqlite_test_databases_in_files, unique_suffix
from tests.web.smtp import Inbox, serving

DATABASE = configure()

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session", autouse=True)
def _database_available() -> None:
    if DATABASE.problem is None:
        return
    if DATABASE.required:
        pytest.fail(
            f"{DATABASE.problem}. MICROCRED_REQUIRE_POSTGRES=1 makes the PostgreSQL pass "
            "mandatory; start the server or unset it.",
            pytrace=False,
        )
    pytest.skip(
        f"{DATABASE.problem}; the PostgreSQL pass is skipped "
        "(MICROCRED_REQUIRE_POSTGRES=1 makes this an error)"
    )


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    if DATABASE.engine != "postgres":
        sqlite_test_databases_in_files()
        return
    from django.conf import settings

    suffix = unique_suffix()
    for database in settings.DATABASES.values():
        test = database.setdefault("TEST", {})
        test["NAME"] = f"{test.get('NAME') or 'test_' + database['NAME']}_{suffix}"


@pytest.fixture(autouse=True)
def _english_by_default() -> Iterator[None]:
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    from microcred.web.accounts.models import User

    counter = iter(range(1, 10_000))

    def make(email: str | None = None, *, name: str | None = None, password: str = PASSWORD) -> Any:
        from django.contrib.auth.hashers import make_password

        number = next(counter)
        user = User.objects.create_user(
            email or f"person{number}@example.org", None, name=name or f"Person {number}"
        )
        user.password = make_password(password, hasher="md5")
        user.save(update_fields=["password"])
        return user

    return make


@pytest.fixture
def make_organization(db: None, make_user: Callable[..., Any]) -> Callable[..., Any]:
    from microcred.web.organizations.services import create_organization

    def make(name: str = "Akademie Beispiel", *, owner: Any = None, **profile: Any) -> Any:
        profile.setdefault("country", "DE")
        return create_organization(owner=owner or make_user(), name=name, **profile)

    return make


@pytest.fixture
def add_member(db: None) -> Callable[..., Any]:
    from microcred.web.organizations.models import Membership

    def add(organization: Any, user: Any, role: str) -> Any:
        return Membership.objects.create(organization=organization, user=user, role=role)

    return add


@pytest.fixture
def login(client: Any) -> Callable[[Any], Any]:
    def as_user(user: Any) -> Any:
        client.force_login(user)
        return client

    return as_user


@pytest.fixture
def smtp_inbox(settings: Any) -> Iterator[Inbox]:
    """A real SMTP server for this test, with Django's mailer pointed at it."""
    with serving(settings) as inbox:
        yield inbox
