"""`microcred serve`: waitress serving the WSGI app, and the task worker in a thread beside it.

One process is the embedded default (SQLite in the data folder). At scale, run several
`microcred serve --no-worker` behind a proxy and separate `microcred worker` processes.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
from types import FrameType
from typing import Any

logger = logging.getLogger("microcred.web.server")

FORWARDED_HEADERS = {"x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"}


def worker_id(kind: str) -> str:
    """Unique across the worker pool (the database backend requires it), at most 64 characters."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{kind}"[:64]


class BackgroundWorker:
    """django-tasks-db's worker loop on a thread; ``stop()`` lets the running task finish."""

    def __init__(self, *, interval: float = 1.0) -> None:
        from django_tasks_db.management.commands.db_worker import Worker

        self._worker = Worker(
            queue_names=["*"],
            excluded_queue_names=[],
            interval=interval,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id("serve"),
        )
        self._thread = threading.Thread(target=self._run, name="microcred-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._worker.running = False
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        from django.db import connections

        from microcred.web.lib.worker_start import run_hooks

        try:
            run_hooks()
            self._worker.run()
        except Exception:
            logger.exception("the task worker stopped after an error")
        finally:
            connections.close_all()


def create_server(*, host: str, port: int, threads: int, trusted_proxy: str | None) -> Any:
    from waitress.server import create_server as waitress_server

    from microcred.web.wsgi import application

    options: dict[str, Any] = {"host": host, "port": port, "threads": threads, "ident": "microcred"}
    if trusted_proxy:
        options.update(
            trusted_proxy=trusted_proxy,
            trusted_proxy_headers=FORWARDED_HEADERS,
            clear_untrusted_proxy_headers=True,
        )
    return waitress_server(application, **options)


def serve(
    *, host: str, port: int, threads: int = 8, with_worker: bool = True, trusted_proxy: str | None
) -> None:
    server = create_server(host=host, port=port, threads=threads, trusted_proxy=trusted_proxy)
    worker = BackgroundWorker() if with_worker else None

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    if worker is not None:
        worker.start()
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        if worker is not None:
            worker.stop()
