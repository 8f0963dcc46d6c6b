"""The environment the web tests run Django in: SQLite by default, PostgreSQL on request.

``MICROCRED_TEST_DATABASE=postgres`` runs the web suite against the PostgreSQL server at
``MICROCRED_TEST_POSTGRES_URL`` (default ``postgres://postgres@127.0.0.1:5432/microcred``);
each run and each xdist worker gets its own test database, created and dropped by
pytest-django. If the server cannot be reached the tests are skipped, or fail when
``MICROCRED_REQUIRE_POSTGRES=1`` (as in CI).
"""

from __future__ import annotations

import os
import secrets
import tempfile
from dataclasses import dataclass
from functools import cache

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/microcred"
BASE_URL = "http://testserver"
FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"
# Variables a developer's shell may hold that would make the tests depend on that shell.
_CLEARED = (
    "MICROCRED_REDIS_URL",
    "MICROCRED_EMAIL_URL",
    "MICROCRED_EMAIL_FROM",
    "MICROCRED_DEBUG",
    "MICROCRED_TRUSTED_PROXY",
    "MICROCRED_ALLOWED_HOSTS",
)


@dataclass(frozen=True)
class DatabaseChoice:
    engine: str
    url: str
    problem: str | None = None
    required: bool = False


def uses_postgres() -> bool:
    return os.environ.get("MICROCRED_TEST_DATABASE", "").lower() in {"postgres", "postgresql"}


@cache
def configure() -> DatabaseChoice:
    """Set the environment variables the settings read, then set Django up (once a process)."""
    from microcred.proofs.keystore import KeyEncryptionKey

    for name in _CLEARED:
        os.environ.pop(name, None)
    data_dir = tempfile.mkdtemp(prefix="microcred-test-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "microcred.web.settings"
    os.environ["MICROCRED_BASE_URL"] = BASE_URL
    os.environ["MICROCRED_DATA_DIR"] = data_dir
    os.environ["MICROCRED_SECRET_KEY"] = "test-" + secrets.token_urlsafe(40)
    os.environ["MICROCRED_KEY_ENCRYPTION_KEYS"] = KeyEncryptionKey.generate("test").to_secret()
    choice = database_choice(data_dir)
    os.environ["DATABASE_URL"] = choice.url

    import django
    from django.conf import settings

    django.setup()
    # Test people get cheap hashes (see conftest.make_user); what the app itself hashes
    # still uses argon2, the first hasher, and tests check that.
    settings.PASSWORD_HASHERS = [*settings.PASSWORD_HASHERS, FAST_HASHER]
    return choice


@cache
def database_choice(data_dir: str) -> DatabaseChoice:
    if not uses_postgres():
        return DatabaseChoice("sqlite", f"sqlite:///{data_dir}/microcred.sqlite3")
    url = os.environ.get("MICROCRED_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL
    required = os.environ.get("MICROCRED_REQUIRE_POSTGRES", "") not in {"", "0"}
    return DatabaseChoice("postgres", url, _postgres_problem(url), required)


def _postgres_problem(url: str) -> str | None:
    """Why the PostgreSQL server cannot be used, or None when it can."""
    import dj_database_url
    import psycopg

    database = dj_database_url.parse(url)
    try:
        # The maintenance database: the test databases are created from there.
        with psycopg.connect(
            host=database["HOST"] or "127.0.0.1",
            port=int(database["PORT"] or 5432),
            user=database["USER"] or "postgres",
            password=database["PASSWORD"] or None,
            dbname="postgres",
            connect_timeout=5,
        ) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        return f"PostgreSQL at {database['HOST']}:{database['PORT']} is unreachable: {first_line}"
    return None


def unique_suffix() -> str:
    """Keeps concurrent runs on one server (two developers, CI) out of each other's way."""
    return secrets.token_hex(4)


def sqlite_test_databases_in_files() -> None:
    """Test databases in files in this worker's data folder, never in memory.

    The browser tests' live server answers in several threads; with an in-memory database
    they would all share the test's one SQLite connection ("bad parameter or other API
    misuse"). The choice is made once per session by whichever test sets the database up
    first, so every suite on SQLite makes the same one.
    """
    import os
    from pathlib import Path

    from django.conf import settings

    for alias, database in settings.DATABASES.items():
        if database["ENGINE"].endswith("sqlite3"):
            name = Path(os.environ["MICROCRED_DATA_DIR"]) / f"test-{alias}.sqlite3"
            database.setdefault("TEST", {})["NAME"] = str(name)
