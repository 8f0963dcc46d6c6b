"""The background task that sends a delivery's e-mail (queue "email"; see `microcred worker`)."""

from __future__ import annotations

from django.tasks import task

from microcred.web.delivery.sending import attempt


@task(queue_name="email")
def deliver(delivery_id: int) -> str:
    """One attempt; a failure that may pass schedules the next one itself."""
    return attempt(delivery_id)
