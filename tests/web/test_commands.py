"""`microcred serve / worker / manage / demo-web` and what they run."""

from __future__ import annotations

import argparse
import threading
import urllib.request
from pathlib import Path

import pytest
from django.tasks import task

from microcred.web import commands, demo
from microcred.web.accounts.models import User
from microcred.web.organizations.models import Organization, Role
from microcred.web.runtime import pending_migrations


@task()
def add(a: int, b: int) -> int:
    return a + b


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="microcred")
    commands.register(top.add_subparsers(dest="command", required=True))
    return top


def test_it_registers_the_four_commands_with_handlers() -> None:
    top = parser()
    for line in (
        ["serve", "--port", "9000", "--no-worker"],
        ["worker", "--batch"],
        ["manage", "check", "--deploy"],
        ["demo-web", "--no-serve"],
    ):
        arguments = top.parse_args(line)
        assert callable(arguments.handler)
    assert top.parse_args(["manage", "migrate", "--plan"]).django_arguments == ["migrate", "--plan"]
    assert top.parse_args(["serve"]).with_worker is True


def test_the_demo_writes_its_secrets_once_and_privately(tmp_path: Path) -> None:
    folder = demo.ensure_secrets(tmp_path)
    secret = (folder / "secret_key").read_text()
    kek = (folder / "key_encryption_keys").read_text()
    assert (folder / "secret_key").stat().st_mode & 0o777 == 0o600
    demo.ensure_secrets(tmp_path)
    assert (folder / "secret_key").read_text() == secret
    assert (folder / "key_encryption_keys").read_text() == kek


@pytest.mark.django_db
def test_the_demo_builds_the_academy_and_a_login_again_and_again() -> None:
    first = demo.build()
    second = demo.build()
    assert first.organization_slug == second.organization_slug == "akademie-beispiel"
    user = User.objects.get(email=demo.DEMO_EMAIL)
    assert user.check_password(second.password)
    organization = Organization.objects.get(slug="akademie-beispiel")
    assert organization.name == "Akademie Beispiel"
    assert organization.memberships.get(user=user).role == Role.OWNER
    assert organization.signing_keys.count() == 1


@pytest.mark.django_db
def test_the_test_database_has_every_migration() -> None:
    assert pending_migrations() == []


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_queued_tasks_from_the_database() -> None:
    from django_tasks_db.models import DBTaskResult

    result = add.enqueue(2, 3)
    assert DBTaskResult.objects.get(id=result.id).status == "READY"
    assert commands.run_worker(parser().parse_args(["worker", "--batch"])) == 0
    result.refresh()
    assert result.return_value == 5


@pytest.mark.django_db(transaction=True)
def test_the_background_worker_thread_stops_when_asked() -> None:
    from microcred.web.server import BackgroundWorker

    worker = BackgroundWorker(interval=0.05)
    worker.start()
    assert worker.alive
    worker.stop(timeout=30)
    assert not worker.alive


def test_waitress_serves_the_app() -> None:
    from microcred.web.server import create_server

    server = create_server(host="127.0.0.1", port=0, threads=2, trusted_proxy=None)
    port = server.effective_port
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/static/microcred/app.css", timeout=30
        ) as response:
            assert response.status == 200
            assert b"--brand" in response.read()
    finally:
        server.close()
        thread.join(10)


@pytest.mark.django_db
def test_manage_passes_the_command_line_to_django(capsys) -> None:
    assert commands.run_manage(parser().parse_args(["manage", "check"])) == 0
    assert "System check identified no issues" in capsys.readouterr().out


def test_waitress_accepts_the_trusted_proxy_settings() -> None:
    from microcred.web.server import create_server

    server = create_server(host="127.0.0.1", port=0, threads=1, trusted_proxy="127.0.0.1")
    try:
        assert server.adj.trusted_proxy == "127.0.0.1"
        assert "x-forwarded-proto" in server.adj.trusted_proxy_headers
    finally:
        server.close()
