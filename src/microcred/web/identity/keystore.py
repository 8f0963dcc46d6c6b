"""The instance's key-encryption keys (MICROCRED_KEY_ENCRYPTION_KEYS), read when first needed."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from microcred.proofs.keystore import KeyEncryptionKey, SealedKeyError

KEK_SETTING = "MICROCRED_KEY_ENCRYPTION_KEYS"


def configured_keks() -> list[KeyEncryptionKey]:
    """The configured KEKs, the sealing one first; a clear error when there are none."""
    text = getattr(settings, KEK_SETTING, None)
    if not text:
        raise ImproperlyConfigured(
            f"{KEK_SETTING} is not set, so signing keys cannot be created or used. Create one "
            f"with `microcred keys kek` and set {KEK_SETTING} to it (or run `microcred "
            "demo-web`, which keeps one in the data folder for a local demo)."
        )
    try:
        return KeyEncryptionKey.parse_many(text)
    except SealedKeyError as error:
        raise ImproperlyConfigured(f"{KEK_SETTING}: {error}") from None


def sealing_kek() -> KeyEncryptionKey:
    return configured_keks()[0]
