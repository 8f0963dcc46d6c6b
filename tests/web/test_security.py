"""The security defaults every response carries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

import microcred.web

pytestmark = pytest.mark.django_db

WEB = Path(microcred.web.__file__).parent


def test_pages_carry_a_strict_content_security_policy(client) -> None:
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_templates_hold_no_inline_scripts_styles_or_handlers() -> None:
    for template in WEB.glob("**/templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template
        assert "<style" not in text, template
        assert not re.search(r"\sstyle=", text), template
        assert not re.search(r"\son[a-z]+=", text), template


def test_forms_need_a_csrf_token(make_user) -> None:
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    make_user("ada@example.org")
    response = strict.post(
        reverse("accounts:login"), {"username": "ada@example.org", "password": "x"}
    )
    assert response.status_code == 403
    assert "The form has expired" in response.text


def test_passwords_are_hashed_with_argon2(settings) -> None:
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_an_https_instance_uses_secure_cookies_and_hsts(tmp_path) -> None:
    import subprocess
    import sys

    code = (
        "import django, os; from django.conf import settings; django.setup();"
        "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,"
        " settings.SECURE_HSTS_SECONDS, settings.SECURE_SSL_REDIRECT, settings.ALLOWED_HOSTS,"
        " settings.CSRF_TRUSTED_ORIGINS)"
    )
    environment = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "microcred.web.settings",
        "MICROCRED_BASE_URL": "https://badges.example.org",
        "MICROCRED_SECRET_KEY": "s" * 50,
        "MICROCRED_DATA_DIR": str(tmp_path),
    }
    out = subprocess.run(  # noqa: S603 (our own interpreter)
        [sys.executable, "-W", "ignore", "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert out.strip() == (
        "True True 31536000 True ['badges.example.org'] ['https://badges.example.org']"
    )


def test_without_a_secret_key_settings_say_what_to_do(tmp_path) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", "import microcred.web.settings"],
        env={"PATH": "/usr/bin:/bin", "MICROCRED_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "MICROCRED_SECRET_KEY is not set" in result.stderr
    assert "microcred demo-web" in result.stderr


def test_the_health_check_answers_ok(client) -> None:
    response = client.get(reverse("front:health"))
    assert response.status_code == 200
    assert response.text == "ok\n"
