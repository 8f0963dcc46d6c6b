"""Creating, finding and revoking API tokens."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any, Final

from django.db import transaction
from django.utils import timezone

from microcred.web.audit.log import record
from microcred.web.organizations.models import Organization
from microcred.web.vcapi.models import ApiToken, token_hash

PREFIX: Final = "mcat_"
MAX_TOKEN_CHARS: Final = 200
# Writing "last used" on every request would turn each API call into a write.
LAST_USED_PRECISION: Final = timedelta(minutes=1)


def create_token(organization: Organization, name: str, *, actor: Any) -> tuple[ApiToken, str]:
    """A new token and its secret, which is never stored and cannot be shown again."""
    secret = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            organization=organization,
            name=name.strip()[:100],
            token_hash=token_hash(secret),
            prefix=secret[: len(PREFIX) + 6],
            created_by=actor,
        )
        record(organization, actor, "apitoken.created", target=token)
    return token, secret


def revoke_token(token: ApiToken, *, actor: Any) -> None:
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(token.organization, actor, "apitoken.revoked", target=token)


def find_token(secret: str) -> ApiToken | None:
    """The active token with this secret (and its organization), or None."""
    if not secret or len(secret) > MAX_TOKEN_CHARS or not secret.startswith(PREFIX):
        return None
    token = (
        ApiToken.objects.active()
        .select_related("organization")
        .defer("organization__logo")
        .filter(token_hash=token_hash(secret))
        .first()
    )
    if token is not None:
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
    return token
