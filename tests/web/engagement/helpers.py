"""Credentials and events in bulk, for the dashboard's tests and screenshots."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

PERSON = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36"
LINKEDIN = "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"

NAMES = (
    "Jürgen Müller",
    "Zoë Schäfer",
    "Ayşe Yılmaz",
    "Łukasz Nowak",
    "Ana García",
    "Grete Weiß",
    "Olaf Ødegård",
    "Sönke Brüggemann",
)


def copies(template: Any, count: int, *, issued: Iterable[datetime] | None = None) -> list[Any]:
    """``count`` stored copies of an issued credential, each with its own ids and recipient.

    Signing hundreds of credentials would make the tests slow and tells the dashboard nothing
    new: it reads rows, not signatures.
    """
    from microcred.web.credentials.models import IssuedCredential

    times = list(issued) if issued is not None else [template.issued_at] * count
    rows = []
    for number, when in zip(range(count), times, strict=True):
        public_id = uuid.uuid4()
        rows.append(
            IssuedCredential(
                organization_id=template.organization_id,
                achievement_id=template.achievement_id,
                public_id=public_id,
                credential_id=f"urn:uuid:{public_id}",
                proof_format=template.proof_format,
                signed_text=template.signed_text,
                name=template.name,
                recipient_name=f"{NAMES[number % len(NAMES)]} {number}",
                recipient_email=f"person{number}@example.org",
                valid_from=template.valid_from,
                channel=template.channel,
                issued_at=when,
            )
        )
    return IssuedCredential.objects.bulk_create(rows)


def event(credential: Any, kind: str, channel: str = "", *, at: datetime, bot: bool = False) -> Any:
    from microcred.web.engagement.models import Event

    return Event(
        organization_id=credential.organization_id,
        credential=credential,
        achievement_id=credential.achievement_id,
        kind=kind,
        channel=channel,
        is_bot=bot,
        occurred_at=at,
    )


def realistic_events(credentials: list[Any], *, days: int = 90, seed: int = 5) -> int:
    """A plausible life for each credential: most are delivered and opened, fewer shared."""
    from microcred.web.engagement.models import Event

    chance = random.Random(seed)
    now = timezone.now()
    rows = []
    for credential in credentials:
        start = credential.issued_at
        span = max((now - start).total_seconds(), 3600)

        def later(fraction: float, start: datetime = start, span: float = span) -> datetime:
            return start + timedelta(seconds=span * fraction * chance.random())

        if chance.random() < 0.95:
            rows.append(event(credential, "delivered", at=later(0.01)))
            if chance.random() < 0.8:
                rows.append(event(credential, "opened", at=later(0.1)))
                if chance.random() < 0.75:
                    rows.append(event(credential, "claimed", at=later(0.2)))
        for _ in range(chance.choice((0, 1, 1, 2, 3, 5))):
            rows.append(event(credential, "viewed", at=later(1)))
        if chance.random() < 0.4:
            channel = chance.choice(("linkedin_add", "linkedin_post", "link", "signature", "embed"))
            rows.append(event(credential, "shared", channel, at=later(1)))
            rows.append(event(credential, "viewed", at=later(1), bot=True))
        if chance.random() < 0.5:
            channel = chance.choice(("png", "png", "pdf", "pdf", "svg", "json"))
            rows.append(event(credential, "downloaded", channel, at=later(1)))
        if chance.random() < 0.2:
            channel = chance.choice(("page", "page", "upload", "api"))
            rows.append(event(credential, "verified", channel, at=later(1)))
    Event.objects.bulk_create(rows)
    return len(rows)
