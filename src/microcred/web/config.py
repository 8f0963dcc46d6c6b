"""The instance's configuration, read from environment variables and nothing else.

``from_environment`` is a pure function of a mapping, so every rule here is tested without
reloading Django settings. Secrets that a demo needs (the Django secret key and a
key-encryption key) may also live as files in the data folder, written there by
``microcred demo-web``; an environment variable always wins over the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url

from microcred.proofs.keystore import KeyEncryptionKey, SealedKeyError

DEFAULT_BASE_URL: Final = "http://localhost:8000"
DEFAULT_DATA_DIR: Final = "./data"
DEFAULT_EMAIL_FROM: Final = "microcred <noreply@localhost>"
SECRET_KEY_FILE: Final = "secret_key"  # noqa: S105 (a file name)
KEK_FILE: Final = "key_encryption_keys"
LOOPBACK_NAMES: Final = ("localhost", "127.0.0.1", "[::1]")
_TRUE: Final = frozenset({"1", "true", "yes", "on"})
_FALSE: Final = frozenset({"", "0", "false", "no", "off"})


class ConfigurationError(ValueError):
    """An environment variable (or data-folder file) holds a value the instance cannot use."""


@dataclass(frozen=True)
class EmailSettings:
    """The default mailer of Django's MAILERS setting, from ``MICROCRED_EMAIL_URL``."""

    backend: str
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = field(default="", repr=False)
    use_tls: bool = False
    use_ssl: bool = False

    def mailer(self, timeout: int = 20) -> dict[str, Any]:
        if not self.backend.endswith("smtp.EmailBackend"):
            return {"BACKEND": self.backend}
        return {
            "BACKEND": self.backend,
            "OPTIONS": {
                "host": self.host,
                "port": self.port,
                "username": self.user,
                "password": self.password,
                "use_tls": self.use_tls,
                "use_ssl": self.use_ssl,
                "timeout": timeout,
            },
        }


@dataclass(frozen=True)
class Config:
    base_url: str
    host: str
    secure: bool
    debug: bool
    data_dir: Path
    database: dict[str, Any]
    secret_key: str | None = field(repr=False)
    key_encryption_keys: str | None = field(repr=False)
    email: EmailSettings
    email_from: str
    redis_url: str | None
    allowed_hosts: list[str]
    trusted_proxy: str | None


def from_environment(environ: Mapping[str, str]) -> Config:
    base_url, host, secure = parse_base_url(environ.get("MICROCRED_BASE_URL", DEFAULT_BASE_URL))
    data_dir = Path(environ.get("MICROCRED_DATA_DIR") or DEFAULT_DATA_DIR).resolve()
    extra_hosts = split_list(environ.get("MICROCRED_ALLOWED_HOSTS", ""))
    return Config(
        base_url=base_url,
        host=host,
        secure=secure,
        debug=parse_bool(environ.get("MICROCRED_DEBUG", ""), "MICROCRED_DEBUG"),
        data_dir=data_dir,
        database=parse_database_url(
            environ.get("DATABASE_URL") or f"sqlite:///{data_dir / 'microcred.sqlite3'}"
        ),
        secret_key=_secret(environ, "MICROCRED_SECRET_KEY", data_dir / SECRET_KEY_FILE),
        key_encryption_keys=_key_encryption_keys(environ, data_dir),
        email=parse_email_url(environ.get("MICROCRED_EMAIL_URL") or "console://"),
        email_from=environ.get("MICROCRED_EMAIL_FROM") or DEFAULT_EMAIL_FROM,
        redis_url=environ.get("MICROCRED_REDIS_URL") or None,
        allowed_hosts=[*_hosts_of(host), *extra_hosts],
        trusted_proxy=environ.get("MICROCRED_TRUSTED_PROXY") or None,
    )


def parse_base_url(text: str) -> tuple[str, str, bool]:
    """(base URL without trailing slash, host[:port], is https) of ``MICROCRED_BASE_URL``."""
    parts = urlsplit(text.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ConfigurationError(
            f"MICROCRED_BASE_URL must be an http or https URL like https://badges.example.org, "
            f"not {text!r}"
        )
    if parts.path not in {"", "/"} or parts.query or parts.fragment or parts.username:
        raise ConfigurationError(
            "MICROCRED_BASE_URL is the origin the instance is served at (scheme, host and "
            f"optional port), without path, query or login: {text!r}"
        )
    try:
        port = parts.port
    except ValueError:
        raise ConfigurationError(f"the port in MICROCRED_BASE_URL {text!r} is invalid") from None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None:
        host = f"{host}:{port}"
    return f"{parts.scheme}://{host}", host, parts.scheme == "https"


def host_name(host: str) -> str:
    """``host[:port]`` without the port, as Django's ALLOWED_HOSTS wants it."""
    if host.startswith("["):
        return host.partition("]")[0] + "]"
    return host.partition(":")[0]


def _hosts_of(host: str) -> list[str]:
    name = host_name(host)
    # A local instance answers on every loopback spelling, as browsers and curl use them all.
    return list(LOOPBACK_NAMES) if name in LOOPBACK_NAMES else [name]


def parse_database_url(url: str) -> dict[str, Any]:
    try:
        database = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    except (ValueError, KeyError) as error:
        raise ConfigurationError(f"DATABASE_URL cannot be used: {error}") from None
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # One process serves pages and runs the worker: let writers wait for each other
        # instead of failing, and let readers go on while one writes.
        database["CONN_MAX_AGE"] = 0
        database["CONN_HEALTH_CHECKS"] = False
        database["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return database


def parse_email_url(url: str) -> EmailSettings:
    """``smtp://user:pass@host:port`` (plain), ``smtp+starttls://…``, ``smtps://…`` or ``console://``."""
    parts = urlsplit(url.strip())
    if parts.scheme == "console":
        return EmailSettings(backend="django.core.mail.backends.console.EmailBackend")
    if parts.scheme not in {"smtp", "smtp+starttls", "smtps"}:
        raise ConfigurationError(
            "MICROCRED_EMAIL_URL must start with smtp://, smtp+starttls://, smtps:// or console://"
        )
    if not parts.hostname:
        raise ConfigurationError("MICROCRED_EMAIL_URL names no mail server host")
    try:
        port = parts.port
    except ValueError:
        raise ConfigurationError("the port in MICROCRED_EMAIL_URL is invalid") from None
    query = parse_qs(parts.query)
    starttls = parts.scheme == "smtp+starttls" or query.get("starttls", [""])[0] in _TRUE
    ssl = parts.scheme == "smtps"
    return EmailSettings(
        backend="django.core.mail.backends.smtp.EmailBackend",
        host=parts.hostname,
        port=port or (465 if ssl else 587 if starttls else 25),
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=starttls,
        use_ssl=ssl,
    )


def parse_bool(text: str, name: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigurationError(f"{name} must be 1/true/yes/on or 0/false/no/off, not {text!r}")


def split_list(text: str) -> list[str]:
    return [item.strip() for item in text.replace(",", " ").split() if item.strip()]


def _secret(environ: Mapping[str, str], name: str, file: Path) -> str | None:
    value = environ.get(name, "").strip()
    if value:
        return value
    try:
        return file.read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ConfigurationError(f"cannot read {file} ({name}): {error.strerror}") from None


def _key_encryption_keys(environ: Mapping[str, str], data_dir: Path) -> str | None:
    text = _secret(environ, "MICROCRED_KEY_ENCRYPTION_KEYS", data_dir / KEK_FILE)
    if text is not None:
        try:
            KeyEncryptionKey.parse_many(text)
        except SealedKeyError as error:
            raise ConfigurationError(f"MICROCRED_KEY_ENCRYPTION_KEYS: {error}") from None
    return text
