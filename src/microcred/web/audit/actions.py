"""What an audit event's action code means, in words; each app registers its own actions."""

from __future__ import annotations

from django.utils.functional import Promise

_LABELS: dict[str, str | Promise] = {}


def register(action: str, label: str | Promise) -> None:
    """``action`` is a dotted code such as ``credential.revoked``; ``label`` a translated verb."""
    if not action or len(action) > 64:
        raise ValueError(f"an audit action code is 1 to 64 characters, not {action!r}")
    _LABELS[action] = label


def label(action: str) -> str:
    return str(_LABELS.get(action, action))


def is_registered(action: str) -> bool:
    return action in _LABELS
