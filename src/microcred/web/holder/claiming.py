"""What a recipient does with their credential: open the link, accept it, hide their name.

Engagement counts come from here, first-party only: "opened" is the first visit of the
personal link by a person (a link-preview crawler's visit is recorded apart and sets
nothing), "claimed" is the press of the button.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from microcred.web.engagement.bots import is_bot
from microcred.web.engagement.events import record
from microcred.web.engagement.kinds import EventKind
from microcred.web.holder.claims import new_claim_link
from microcred.web.holder.models import ClaimLink


def note_opened(claim: ClaimLink, request: HttpRequest) -> None:
    if is_bot(request.headers.get("User-Agent")):
        record(claim.credential, EventKind.OPENED, request=request)
        return
    if claim.first_opened_at is None:
        now = timezone.now()
        # Only the request that sets it counts, so two tabs opened at once count once.
        if ClaimLink.objects.filter(pk=claim.pk, first_opened_at__isnull=True).update(
            first_opened_at=now
        ):
            claim.first_opened_at = now
    record(claim.credential, EventKind.OPENED, request=request)


def accept(claim: ClaimLink, request: HttpRequest) -> None:
    """The recipient accepts the credential; a logged-in person becomes its holder."""
    if claim.credential.is_revoked:
        return
    user = request.user if request.user.is_authenticated else None
    fields = {}
    if claim.claimed_at is None:
        fields["claimed_at"] = claim.claimed_at = timezone.now()
    if user is not None and claim.claimed_by_id is None:
        claim.claimed_by = user
        fields["claimed_by"] = user
    if fields:
        ClaimLink.objects.filter(pk=claim.pk).update(**fields)
    record(claim.credential, EventKind.CLAIMED, request=request)


def set_show_name(claim: ClaimLink, show: bool) -> None:
    claim.show_name = show
    ClaimLink.objects.filter(pk=claim.pk).update(show_name=show)


def claim_of(credential: Any) -> ClaimLink:
    """The credential's claim link row, made (with a token nobody is told) if it had none.

    For a holder's own list: accepting there must not cut off the link in their e-mail.
    """
    found = ClaimLink.objects.filter(credential=credential).first()
    if found is None:
        new_claim_link(credential)
        found = ClaimLink.objects.get(credential=credential)
    return found
