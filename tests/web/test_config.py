"""The instance's configuration comes from environment variables, with clear refusals."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from microcred.proofs.keystore import KeyEncryptionKey
from microcred.web.config import (
    ConfigurationError,
    from_environment,
    parse_base_url,
    parse_email_url,
)


def test_it_defaults_to_localhost_sqlite_in_the_data_folder(tmp_path: Path) -> None:
    config = from_environment({"MICROCRED_DATA_DIR": str(tmp_path)})
    assert config.base_url == "http://localhost:8000"
    assert config.host == "localhost:8000"
    assert not config.secure
    assert config.database["ENGINE"] == "django.db.backends.sqlite3"
    assert config.database["NAME"] == str(tmp_path / "microcred.sqlite3")
    assert config.database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config.email.backend.endswith("console.EmailBackend")
    assert config.redis_url is None
    assert set(config.allowed_hosts) == {"localhost", "127.0.0.1", "[::1]"}


def test_it_derives_hosts_and_security_from_an_https_base_url(tmp_path: Path) -> None:
    config = from_environment(
        {"MICROCRED_BASE_URL": "https://Badges.Example.org/", "MICROCRED_DATA_DIR": str(tmp_path)}
    )
    assert config.base_url == "https://badges.example.org"
    assert config.secure
    assert config.allowed_hosts == ["badges.example.org"]


def test_it_keeps_a_port_in_the_host_but_not_in_allowed_hosts() -> None:
    base_url, host, secure = parse_base_url("https://badges.example.org:8443")
    assert (base_url, host, secure) == (
        "https://badges.example.org:8443",
        "badges.example.org:8443",
        True,
    )


def test_it_reads_postgresql_from_database_url(tmp_path: Path) -> None:
    config = from_environment(
        {
            "DATABASE_URL": "postgres://app:s3cret@db.internal:5433/microcred",
            "MICROCRED_DATA_DIR": str(tmp_path),
        }
    )
    assert config.database["ENGINE"] == "django.db.backends.postgresql"
    assert config.database["HOST"] == "db.internal"
    assert config.database["PORT"] == 5433
    assert config.database["NAME"] == "microcred"


def test_it_reads_secrets_from_the_environment_before_the_data_folder(tmp_path: Path) -> None:
    (tmp_path / "secret_key").write_text("from-file\n")
    kek = KeyEncryptionKey.generate().to_secret()
    (tmp_path / "key_encryption_keys").write_text(kek)
    from_file = from_environment({"MICROCRED_DATA_DIR": str(tmp_path)})
    assert from_file.secret_key == "from-file"
    assert from_file.key_encryption_keys == kek
    from_env = from_environment(
        {"MICROCRED_DATA_DIR": str(tmp_path), "MICROCRED_SECRET_KEY": "from-env"}
    )
    assert from_env.secret_key == "from-env"


def test_it_has_no_secret_when_neither_variable_nor_file_holds_one(tmp_path: Path) -> None:
    config = from_environment({"MICROCRED_DATA_DIR": str(tmp_path)})
    assert config.secret_key is None
    assert config.key_encryption_keys is None


def test_it_rejects_a_malformed_key_encryption_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="MICROCRED_KEY_ENCRYPTION_KEYS"):
        from_environment(
            {"MICROCRED_DATA_DIR": str(tmp_path), "MICROCRED_KEY_ENCRYPTION_KEYS": "hunter2"}
        )


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org",
        "example.org",
        "https://example.org/microcred",
        "https://u:p@example.org",
        "https://example.org?x=1",
        "https://example.org:99999",
    ],
)
def test_it_rejects_base_urls_that_are_not_an_origin(url: str) -> None:
    with pytest.raises(ConfigurationError, match="MICROCRED_BASE_URL"):
        parse_base_url(url)


def test_it_reads_smtp_urls() -> None:
    plain = parse_email_url("smtp://mailer:p%40ss@mail.example.org:2525")
    assert (plain.host, plain.port, plain.user, plain.password) == (
        "mail.example.org",
        2525,
        "mailer",
        "p@ss",
    )
    assert not plain.use_tls and not plain.use_ssl
    starttls = parse_email_url("smtp+starttls://mail.example.org")
    assert starttls.use_tls and starttls.port == 587
    implicit = parse_email_url("smtps://mail.example.org")
    assert implicit.use_ssl and implicit.port == 465
    assert parse_email_url("smtp://mail.example.org?starttls=1").use_tls


@pytest.mark.parametrize(
    "url", ["mailto:someone@example.org", "smtp://", "http://mail.example.org"]
)
def test_it_rejects_unusable_email_urls(url: str) -> None:
    with pytest.raises(ConfigurationError, match="MICROCRED_EMAIL_URL"):
        parse_email_url(url)


def test_it_rejects_an_unclear_debug_flag(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="MICROCRED_DEBUG"):
        from_environment({"MICROCRED_DATA_DIR": str(tmp_path), "MICROCRED_DEBUG": "maybe"})


@given(st.text(max_size=200))
def test_any_base_url_text_is_accepted_or_refused_clearly(text: str) -> None:
    try:
        base_url, host, _ = parse_base_url(text)
    except ConfigurationError:
        return
    assert base_url.endswith(host)


@given(st.text(max_size=200))
def test_any_email_url_text_is_accepted_or_refused_clearly(text: str) -> None:
    with contextlib.suppress(ConfigurationError):
        parse_email_url(text)
