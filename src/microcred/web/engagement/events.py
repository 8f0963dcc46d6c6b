"""``record()``: the one way any app counts something that happened to a credential."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from microcred.web.engagement.bots import is_bot
from microcred.web.engagement.kinds import CHANNELS, ONCE_PER_CREDENTIAL, EventKind
from microcred.web.engagement.models import Event


def record(
    credential: object,
    kind: EventKind | str,
    channel: str = "",
    *,
    request: HttpRequest | None = None,
) -> Event | None:
    """Count ``kind`` (through ``channel``) for an ``IssuedCredential``.

    With a ``request``, its User-Agent decides whether a person or a machine did it; without
    one (the task worker, the SMTP answer) it counts as a person. Delivered, opened and
    claimed count once per credential for people: the second time returns None.
    """
    kind = EventKind(kind)
    allowed = CHANNELS.get(kind)
    if allowed is not None and channel not in allowed:
        raise ValueError(f"{channel!r} is not a channel of {kind.value!r}")
    if allowed is None and channel:
        raise ValueError(f"{kind.value!r} has no channels")
    bot = is_bot(request.headers.get("User-Agent")) if request is not None else False
    if kind in ONCE_PER_CREDENTIAL and not bot:
        done = Event.objects.filter(credential=credential, kind=kind, is_bot=False).exists()
        if done:
            return None
    try:
        with transaction.atomic():
            return Event.objects.create(
                organization_id=credential.organization_id,  # type: ignore[attr-defined]
                credential=credential,
                achievement_id=credential.achievement_id,  # type: ignore[attr-defined]
                kind=kind,
                channel=channel,
                is_bot=bot,
            )
    except IntegrityError:
        # Two first visits at once: the other one counted it.
        return None
