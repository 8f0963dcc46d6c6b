"""Shared fixtures: the reference standards data that lies beside the repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# No test may depend on how fast the machine is: hypothesis' per-example deadline and its
# "too slow" health check are timing assertions, so they are off for the whole suite.
settings.register_profile(
    "microcred",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("microcred")

STANDARDS = Path(__file__).resolve().parents[2] / "shared" / "standards"


def _standards() -> Path:
    if not STANDARDS.is_dir():
        pytest.fail(f"the reference standards data is missing at {STANDARDS}")
    return STANDARDS


def load_json(relative: str) -> Any:
    return json.loads((_standards() / relative).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def standards() -> Path:
    return _standards()
