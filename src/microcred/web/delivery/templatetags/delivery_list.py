"""The newest delivery of each credential on a page of the credential list, in one query."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

from microcred.web.delivery.models import Delivery

register = template.Library()


@register.simple_tag
def latest_deliveries(credentials: Iterable[Any]) -> dict[int, Delivery]:
    ids = [credential.pk for credential in credentials]
    newest: dict[int, Delivery] = {}
    found = Delivery.objects.filter(credential_id__in=ids).only(
        "credential_id", "status", "queued_at"
    )
    for delivery in found.order_by("credential_id", "-queued_at", "-pk"):
        newest.setdefault(delivery.credential_id, delivery)
    return newest


@register.filter
def delivery_of(deliveries: dict[int, Delivery], credential_pk: int) -> Delivery | None:
    return deliveries.get(credential_pk)
