"""`microcred manage check --deploy` says when no key-encryption key is configured."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

from microcred.web.identity.keystore import KEK_SETTING, configured_keks


@register(Tags.security, deploy=True)
def key_encryption_keys_configured(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        configured_keks()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="microcred.E001", hint=f"Set {KEK_SETTING}.")]
    return []
