"""`microcred serve`, `worker`, `manage` and `demo-web`: the web workspace from the command line.

The lead's ``microcred.cli`` calls ``register(commands)``; each handler takes the parsed
arguments and returns an exit status.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any
from urllib.parse import urlsplit

from microcred.web.runtime import WebSetupError, migrate, pending_migrations, setup_django

DEFAULT_PORT = 8000


def register(commands: Any) -> None:
    serve = commands.add_parser(
        "serve",
        help="run the web workspace and its task worker",
        description="Serve the web workspace with waitress, with the background task worker "
        "in the same process (the embedded default). At scale, run several with --no-worker "
        "behind a proxy and separate `microcred worker` processes. Configuration comes from "
        "environment variables (MICROCRED_BASE_URL, DATABASE_URL, ...).",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    serve.add_argument(
        "--port",
        type=int,
        default=None,
        help="port to listen on (default: the port of MICROCRED_BASE_URL, else 8000)",
    )
    serve.add_argument("--threads", type=int, default=8, help="request threads (default 8)")
    serve.add_argument(
        "--no-worker",
        dest="with_worker",
        action="store_false",
        help="do not run the task worker in this process",
    )
    serve.add_argument(
        "--migrate", action="store_true", help="bring the database up to date before serving"
    )
    serve.set_defaults(handler=run_serve)

    worker = commands.add_parser(
        "worker",
        help="run the background task worker",
        description="Run tasks (e-mail, bulk issuing) from the database queue. Start as many "
        "as needed; each takes one task at a time.",
    )
    worker.add_argument("--batch", action="store_true", help="run every waiting task, then exit")
    worker.add_argument(
        "--interval",
        type=float,
        default=1.0,
        help="seconds to wait when the queue is empty (default 1)",
    )
    worker.add_argument(
        "--queues", default="*", help="comma-separated queue names to take tasks from (default all)"
    )
    worker.set_defaults(handler=run_worker)

    manage = commands.add_parser(
        "manage",
        help="run a Django management command (migrate, createsuperuser, ...)",
        description="Pass the rest of the command line to django-admin with the microcred "
        "settings, e.g. `microcred manage migrate`.",
        add_help=False,
    )
    manage.add_argument("django_arguments", nargs=argparse.REMAINDER, metavar="ARGUMENTS")
    manage.set_defaults(handler=run_manage)

    demo = commands.add_parser(
        "demo-web",
        help="set up a local demo instance and serve it",
        description="Create secrets in the data folder (if absent), migrate, create the demo "
        "organization 'Akademie Beispiel' and a demo login, print them and serve.",
    )
    demo.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    demo.add_argument("--port", type=int, default=None, help="port (default from the base URL)")
    demo.add_argument(
        "--no-serve", dest="serve", action="store_false", help="set up and print, but do not serve"
    )
    demo.set_defaults(handler=run_demo)


def run_serve(arguments: argparse.Namespace) -> int:
    setup_django()
    if arguments.migrate:
        migrate()
    else:
        _require_migrated()
    _serve(
        arguments.host, arguments.port, threads=arguments.threads, with_worker=arguments.with_worker
    )
    return 0


def run_worker(arguments: argparse.Namespace) -> int:
    setup_django()
    _require_migrated()
    from django.core.management import call_command

    from microcred.web.lib.worker_start import run_hooks
    from microcred.web.server import worker_id

    run_hooks()
    call_command(
        "db_worker",
        queue_name=arguments.queues,
        interval=arguments.interval,
        batch=arguments.batch,
        reload=False,
        worker_id=worker_id("worker"),
    )
    return 0


def run_manage(arguments: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["microcred manage", *arguments.django_arguments])
    return 0


def run_demo(arguments: argparse.Namespace) -> int:
    from microcred.web import demo

    data_dir = demo.ensure_secrets()
    setup_django()
    migrate()
    site = demo.build()
    from django.conf import settings

    print(f"microcred demo: data folder {data_dir}")
    print(f"  open      {settings.MICROCRED_BASE_URL}/o/{site.organization_slug}/")
    print(f"  e-mail    {site.email}")
    print(f"  password  {site.password}")
    sys.stdout.flush()
    if arguments.serve:
        _serve(arguments.host, arguments.port, threads=8, with_worker=True)
    return 0


def _serve(host: str, port: int | None, *, threads: int, with_worker: bool) -> None:
    from django.conf import settings

    from microcred.web.server import serve

    port = port or urlsplit(settings.MICROCRED_BASE_URL).port or DEFAULT_PORT
    print(
        f"microcred: serving {settings.MICROCRED_BASE_URL} on http://{host}:{port} "
        f"({'with' if with_worker else 'without'} the task worker); Ctrl+C stops."
    )
    sys.stdout.flush()
    serve(
        host=host,
        port=port,
        threads=threads,
        with_worker=with_worker,
        trusted_proxy=settings.MICROCRED_TRUSTED_PROXY,
    )


def _require_migrated() -> None:
    pending = pending_migrations()
    if pending:
        raise WebSetupError(
            f"the database is missing {len(pending)} migration(s) (first: {pending[0]}); run "
            "`microcred manage migrate` or start with `microcred serve --migrate`"
        )
