"""What sharing says about a credential, read once: the same facts for LinkedIn, the share
image, the Open Graph tags, the embed card and the e-mail signature."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from microcred.web.credentials.addresses import public_url
from microcred.web.holder.claims import shows_recipient_name
from microcred.web.sharing.linkedin import Certification
from microcred.web.sharing.models import linkedin_organization_id


@dataclass(frozen=True)
class ShareFacts:
    achievement_name: str
    issuer_name: str
    # "" when the holder chose not to be named in public.
    recipient_name: str
    issued: date
    expires: date | None
    page_url: str
    public_id: str


def share_facts(credential: object) -> ShareFacts:
    """The public facts of an ``IssuedCredential``, honouring the holder's choice of name."""
    recipient = credential.recipient_name if shows_recipient_name(credential) else ""  # type: ignore[attr-defined]
    return ShareFacts(
        achievement_name=credential.name,  # type: ignore[attr-defined]
        issuer_name=credential.organization.name,  # type: ignore[attr-defined]
        recipient_name=recipient,
        issued=credential.valid_from.date(),  # type: ignore[attr-defined]
        expires=credential.valid_until.date() if credential.valid_until else None,  # type: ignore[attr-defined]
        page_url=public_url(credential.public_id),  # type: ignore[attr-defined]
        public_id=str(credential.public_id),  # type: ignore[attr-defined]
    )


def certification(credential: object, facts: ShareFacts | None = None) -> Certification:
    facts = facts or share_facts(credential)
    return Certification(
        name=facts.achievement_name,
        organization_name=facts.issuer_name,
        issued=facts.issued,
        expires=facts.expires,
        url=facts.page_url,
        credential_id=facts.public_id,
        organization_id=linkedin_organization_id(credential.organization_id),  # type: ignore[attr-defined]
    )


def can_share(credential: object) -> bool:
    """Revoked and suspended credentials are not offered for sharing: the page would say
    they are not valid."""
    return not (credential.is_revoked or credential.is_suspended)  # type: ignore[attr-defined]
