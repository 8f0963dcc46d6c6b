"""Shared fixtures: the reference standards data that lies beside the repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

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
