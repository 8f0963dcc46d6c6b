"""Running the `microcred` command in-process, in a temporary folder, with a throwaway KEK."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from microcred.cli import main
from microcred.cli.keyfile import KEK_ENVIRONMENT_VARIABLE
from microcred.openbadges.samples import realistic_achievement
from microcred.proofs.keystore import KeyEncryptionKey


class Cli:
    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self._capsys = capsys

    def __call__(self, *arguments: str) -> tuple[int, str, str]:
        self._capsys.readouterr()
        code = main([str(argument) for argument in arguments])
        captured = self._capsys.readouterr()
        return code, captured.out, captured.err

    def path(self, name: str) -> Path:
        return self.folder / name


@pytest.fixture
def cli(tmp_path, capsys, monkeypatch) -> Cli:
    monkeypatch.setenv(KEK_ENVIRONMENT_VARIABLE, KeyEncryptionKey.generate().to_secret())
    monkeypatch.chdir(tmp_path)
    return Cli(tmp_path, capsys)


@pytest.fixture
def key(cli) -> Path:
    path = cli.path("issuer.key")
    assert cli("keys", "new", "-o", path)[0] == 0
    return path


@pytest.fixture
def achievement(cli) -> Path:
    path = cli.path("achievement.json")
    path.write_text(json.dumps(realistic_achievement().to_json()), encoding="utf-8")
    return path
