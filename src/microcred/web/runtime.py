"""Starting Django from the `microcred` command, with configuration errors as plain sentences."""

from __future__ import annotations

import os

SETTINGS_MODULE = "microcred.web.settings"


class WebSetupError(ValueError):
    """The web workspace cannot start; the message says what to set or run."""


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        raise WebSetupError(str(error)) from None


def pending_migrations() -> list[str]:
    """Names of migrations not yet applied to the configured database."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def migrate() -> None:
    """Bring the database up to date and create the cache table (both are idempotent)."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
