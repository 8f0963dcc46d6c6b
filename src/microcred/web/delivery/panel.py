"""The delivery section of the issuer's credential page (registered in apps.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from django.http import HttpRequest

from microcred.web.delivery.models import Delivery
from microcred.web.delivery.schedule import MAX_ATTEMPTS

SHOWN: Final = 10


def panel_context(request: HttpRequest, credential: Any) -> Mapping[str, Any]:
    deliveries = list(Delivery.objects.filter(credential=credential)[: SHOWN + 1])
    return {
        "deliveries": deliveries[:SHOWN],
        "more_deliveries": len(deliveries) > SHOWN,
        "max_attempts": MAX_ATTEMPTS,
        "can_send": bool(credential.recipient_email) and not credential.is_revoked,
    }
