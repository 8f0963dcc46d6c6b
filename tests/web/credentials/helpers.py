"""Issuing real credentials in tests, the way the issue form does (without the designer)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from microcred.openbadges import model as ob
from microcred.openbadges.award import Recipient, award


def sample_achievement(name: str = "Datenanalyse mit Python") -> ob.Achievement:
    return ob.Achievement(
        id="https://akademie.example/achievements/python",
        name=name,
        description="Daten laden, bereinigen, auswerten und verständlich berichten.",
        criteria=ob.Criteria(narrative="Abschlussprojekt mit mindestens 60 % bestanden."),
        achievement_type="MicroCredential",
        credits_available=2.0,
    )


def allow_suspension(organization: Any, allowed: bool = True) -> None:
    """Switch the organization's suspension entries on (they are off by default)."""
    from microcred.web.credentials.models import IssuingSettings

    IssuingSettings.objects.update_or_create(
        organization=organization, defaults={"suspension": allowed}
    )


def issue_sample(
    organization: Any,
    *,
    actor: Any = None,
    suspension: bool = True,
    email: str = "erika.mustermann@example.org",
    name: str = "Erika Mustermann",
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    **options: Any,
) -> Any:
    """An OB 3.0 credential for ``organization``, issued through issue_credential().

    Issued with a suspension entry unless ``suspension=False``, so tests can suspend it.
    """
    if suspension:
        allow_suspension(organization)
    from microcred.web.credentials.addresses import credential_id_for, new_public_id
    from microcred.web.credentials.issuer import issuer_profile
    from microcred.web.credentials.issuing import issue_credential

    public_id = new_public_id()
    document = award(
        sample_achievement(),
        issuer_profile(organization),
        Recipient(email=email, name=name),
        credential_id=credential_id_for(public_id),
        valid_from=valid_from,
        valid_until=valid_until,
    ).to_json()
    return issue_credential(
        organization,
        document,
        actor=actor,
        recipient_email=email,
        recipient_name=name,
        public_id=public_id,
        **options,
    )


def designed_badge(organization: Any, *, image: bool = True, **values: Any) -> Any:
    """An achievement as the designer saves it, with a drawn image (SVG and PNG)."""
    from microcred.web.achievements import artwork
    from microcred.web.achievements.images import SVG
    from microcred.web.achievements.models import Achievement, BadgeImage
    from microcred.web.achievements.services import save_achievement

    values.setdefault("name", "Agiles Projektmanagement")
    values.setdefault("description", "Plant und steuert Projekte mit Scrum.")
    values.setdefault("criteria", "Projektarbeit bestanden.")
    badge = Achievement(organization=organization, **values)
    picture = None
    if image:
        design = artwork.Design(title=badge.name)
        picture = BadgeImage(
            data=artwork.render_svg(design),
            content_type=SVG,
            png=artwork.render_png(design, size=128),
            design=design.to_dict(),
        )
    owner = organization.memberships.order_by("pk").first().user
    return save_achievement(badge, owner, image=picture)
