"""Work a task worker does once when it starts, before it takes tasks (apps register it).

A worker that was killed mid-task leaves rows behind that no queued task will touch again;
the next worker to start (a supervisor restarts it) is the natural moment to pick them up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

logger = logging.getLogger("microcred.web.worker")

_HOOKS: dict[str, Callable[[], object]] = {}


def register(name: str, hook: Callable[[], object]) -> None:
    _HOOKS[name] = hook


def run_hooks() -> None:
    """Run every registered hook; one that fails is logged and does not stop the worker."""
    for name, hook in sorted(_HOOKS.items()):
        try:
            outcome = hook()
        except Exception:
            logger.exception("the worker start-up step %r failed", name)
        else:
            logger.info("worker start-up step %r: %s", name, outcome)
