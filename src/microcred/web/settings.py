"""Django settings of the issuer workspace, from environment variables only (see config.py).

Every value a deployment may change is an environment variable that ``config`` reads; the
rest are the secure defaults of this product and are not meant to be tuned per instance.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from microcred.web import config

CONFIG = config.from_environment(os.environ)
WEB_DIR = Path(__file__).resolve().parent

if importlib.util.find_spec("django_tasks_db") is None:
    raise ImproperlyConfigured(
        "the package django-tasks-db (the database backend of Django's tasks) is not "
        "installed; it is a dependency of microcred's web workspace"
    )

if not CONFIG.secret_key:
    raise ImproperlyConfigured(
        "MICROCRED_SECRET_KEY is not set and there is no secret_key file in the data folder "
        f"{CONFIG.data_dir}. Set it to a long random string (for example the output of "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`), or run "
        "`microcred demo-web` once to create one for a local demo."
    )

SECRET_KEY = CONFIG.secret_key
DEBUG = CONFIG.debug
MICROCRED_BASE_URL = CONFIG.base_url
MICROCRED_HOST = CONFIG.host
MICROCRED_DATA_DIR = CONFIG.data_dir
# Text form of the key-encryption keys; microcred.web.identity.keystore parses it on use.
MICROCRED_KEY_ENCRYPTION_KEYS = CONFIG.key_encryption_keys
MICROCRED_TRUSTED_PROXY = CONFIG.trusted_proxy
ALLOWED_HOSTS = CONFIG.allowed_hosts
CSRF_TRUSTED_ORIGINS = [CONFIG.base_url]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    "microcred.web.front",
    "microcred.web.accounts",
    "microcred.web.organizations",
    "microcred.web.identity",
    "microcred.web.audit",
    "microcred.web.achievements",
    "microcred.web.statuslists",
    "microcred.web.credentials",
    "microcred.web.verify",
    "microcred.web.vcapi",
    "microcred.web.engagement",
    "microcred.web.holder",
    "microcred.web.sharing",
    "microcred.web.delivery",
    "microcred.web.certificates",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "microcred.web.urls"
WSGI_APPLICATION = "microcred.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "microcred.web.organizations.context_processors.organizations",
            ],
        },
    }
]

DATABASES = {"default": CONFIG.database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if CONFIG.redis_url:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CONFIG.redis_url,
            "KEY_PREFIX": "microcred",
        }
    }
else:
    # In the database, so rate limits hold across every web process without another service.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "microcred_cache",
        }
    }

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "email", "bulk"],
    }
}

# --- accounts ------------------------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "front:home"
LOGOUT_REDIRECT_URL = "front:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# --- security ------------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = CONFIG.secure
CSRF_COOKIE_SECURE = CONFIG.secure
LANGUAGE_COOKIE_SECURE = CONFIG.secure
LANGUAGE_COOKIE_SAMESITE = "Lax"
if CONFIG.secure:
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_SSL_REDIRECT = True
    # Load balancers probe over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    # Behind a TLS-terminating proxy, waitress takes the scheme from X-Forwarded-Proto only
    # when the proxy is named in MICROCRED_TRUSTED_PROXY; without it every request would
    # look like plain HTTP and be redirected.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Uploads are small (logos, badge images); anything bigger is refused before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- languages -----------------------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

# --- static files --------------------------------------------------------------------------

STATIC_URL = "/static/"
# Only where `microcred manage collectstatic` has filled it; otherwise served from the package.
STATIC_ROOT = CONFIG.data_dir / "static" if (CONFIG.data_dir / "static").is_dir() else None
STATICFILES_DIRS = [WEB_DIR / "static"]
# Served from the package itself, so no collectstatic step is needed to run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# --- e-mail --------------------------------------------------------------------------------

MAILERS = {"default": CONFIG.email.mailer()}
DEFAULT_FROM_EMAIL = CONFIG.email_from
SERVER_EMAIL = CONFIG.email_from

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"secret_paths": {"()": "microcred.web.lib.redaction.RedactSecretPaths"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["secret_paths"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "microcred": {"level": "INFO"},
        "django.tasks": {"level": "INFO"},
        "django_tasks_db": {"level": "INFO"},
    },
}
