"""Fixtures of the designer's tests: an organization with its people, and form data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from microcred.web.organizations.models import Role

ESCO_SQL = "http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742"


def design_data(**changes: Any) -> dict[str, Any]:
    """What the design form posts for a complete micro-credential."""
    data: dict[str, Any] = {
        "name": "Agiles Projektmanagement",
        "description": "Plant und steuert Projekte mit Scrum.",
        "criteria": "Projektarbeit bestanden.",
        "achievement_type": "MicroCredential",
        "language": "de",
        "learning_outcomes": "Plant Sprints.\nModeriert Retrospektiven.",
        "tags": "Scrum, Agilität",
        "expires": "never",
        "expiry_months": "",
        "workload_hours": "60",
        "ects": "2",
        "eqf_level": "5",
        "assessment_type": "Projektarbeit",
        "participation_form": "blended",
        "quality_assurance": "ISO 9001",
        "prerequisites": "",
        "stackability": "",
        "stackability_note": "",
        "skills-TOTAL_FORMS": "1",
        "skills-INITIAL_FORMS": "0",
        "skills-0-name": "SQL",
        "skills-0-url": ESCO_SQL,
        "image-source": "design",
        "image-shape": "shield",
        "image-primary": "#0b5cad",
        "image-secondary": "#f5b400",
        "image-icon": "chart",
        "image-title": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def academy(make_organization, make_user, add_member) -> Any:
    """An organization with an owner, an issuer and a viewer."""
    organization = make_organization("Akademie Beispiel", region="Bayern")
    organization.issuer = add_member(organization, make_user("issuer@example.org"), Role.ISSUER)
    organization.viewer = add_member(organization, make_user("viewer@example.org"), Role.VIEWER)
    return organization


@pytest.fixture
def make_badge(db: None) -> Callable[..., Any]:
    from microcred.web.achievements import artwork
    from microcred.web.achievements.images import SVG
    from microcred.web.achievements.models import Achievement, BadgeImage
    from microcred.web.achievements.services import save_achievement

    def make(organization: Any, *, image: bool = True, **values: Any) -> Any:
        values.setdefault("name", "Prompting für Fachkräfte")
        values.setdefault("description", "Setzt KI im Beruf zielgerichtet ein.")
        values.setdefault("criteria", "Online-Test bestanden.")
        badge = Achievement(organization=organization, **values)
        picture = None
        if image:
            design = artwork.Design(title=badge.name)
            picture = BadgeImage(
                data=artwork.render_svg(design),
                content_type=SVG,
                png=artwork.render_png(design, size=64),
                design=design.to_dict(),
            )
        owner = organization.memberships.order_by("pk").first().user
        return save_achievement(badge, owner, image=picture)

    return make


def mark_issued(badge: Any) -> Any:
    """A credential row that awards ``badge``, as the credentials app stores one."""
    from django.apps import apps
    from django.utils import timezone

    issued = apps.get_model("credentials", "IssuedCredential")
    return issued.objects.create(
        organization=badge.organization,
        credential_id=f"urn:uuid:{badge.public_id}",
        proof_format="eddsa-rdfc-2022",
        signed_text='{"signed": "bytes"}',
        valid_from=timezone.now(),
        channel="demo",
        achievement=badge,
    )
