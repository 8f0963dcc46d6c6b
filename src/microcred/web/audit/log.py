"""``record()``: the one way apps write to the audit log."""

from __future__ import annotations

from typing import Any

from django.db import models

from microcred.web.audit import actions
from microcred.web.audit.models import AuditEvent


def record(
    organization: models.Model,
    actor: models.Model | None,
    action: str,
    *,
    target: models.Model | None = None,
    label: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Log that ``actor`` (a person, or None for the system) did ``action`` to ``target``.

    ``label`` names the object when there is no row to point at (an e-mail address invited).
    """
    if not actions.is_registered(action):
        # An unregistered code would show as a raw code in the log; catch it in tests.
        raise ValueError(f"the audit action {action!r} is not registered")
    return AuditEvent.objects.create(
        organization=organization,
        actor=actor,
        actor_label=_describe_actor(actor),
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=(label if label is not None else str(target or ""))[:300],
        details=details or {},
    )


def _describe_actor(actor: models.Model | None) -> str:
    if actor is None:
        return ""
    email = getattr(actor, "email", "")
    name = str(actor)
    return f"{name} <{email}>" if email and name != email else name
