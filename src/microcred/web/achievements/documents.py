"""An achievement as the Open Badges 3.0 ``Achievement`` object that credentials embed.

The credentials app calls :func:`achievement_document` when it builds a credential, and
``microcred.openbadges.eu.with_eu_context`` on the credential so that its ``@context`` names
the EU extension whenever the achievement carries it.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.urls import reverse

from microcred.openbadges import model as ob
from microcred.openbadges.eu import EuElements, with_eu_elements
from microcred.web.achievements.models import Achievement, BadgeImage
from microcred.web.identity.dids import organization_did
from microcred.web.organizations.models import Organization

ESCO_PREFIX = "http://data.europa.eu/esco/"
ESCO_FRAMEWORK = "ESCO"


def achievement_url(achievement: Achievement) -> str:
    """The achievement's public page, which is also its id in credentials."""
    return settings.MICROCRED_BASE_URL + reverse(
        "achievements:detail", args=[achievement.organization.slug, achievement.public_id]
    )


def image_url(achievement: Achievement, image: BadgeImage, extension: str | None = None) -> str:
    """Where this version of the image stays, unchanged, for as long as the instance runs."""
    return settings.MICROCRED_BASE_URL + image_path(achievement, image, extension)


def image_path(achievement: Achievement, image: BadgeImage, extension: str | None = None) -> str:
    """The same, as a path on this instance (for its own pages)."""
    return reverse(
        "achievements:image",
        args=[
            achievement.organization.slug,
            achievement.public_id,
            image.version,
            extension or image.extension,
        ],
    )


def awarding_body(organization: Organization) -> ob.Profile:
    """The organization as the EU element "awarding body", with its country."""
    return ob.Profile(
        id=organization_did(organization),
        name=organization.name,
        url=organization.url or None,
        address=ob.Address(
            address_country_code=organization.country or None,
            address_region=organization.region or None,
        ),
    )


def skill_alignment(name: str, url: str) -> ob.Alignment:
    if url.startswith(ESCO_PREFIX):
        return ob.Alignment(
            target_name=name,
            target_url=url,
            target_framework=ESCO_FRAMEWORK,
            target_code=url.rstrip("/").rsplit("/", 1)[-1],
        )
    return ob.Alignment(target_name=name, target_url=url)


def eu_elements(achievement: Achievement) -> EuElements:
    return EuElements(
        learning_outcomes=tuple(achievement.learning_outcomes),
        workload_hours=_number(achievement.workload_hours),
        ects=_number(achievement.ects),
        eqf_level=achievement.eqf_level,
        assessment_type=achievement.assessment_type or None,
        participation_form=achievement.participation_form or None,
        quality_assurance=achievement.quality_assurance or None,
        prerequisites=achievement.prerequisites or None,
        stackability=achievement.stackability or None,
        stackability_note=achievement.stackability_note or None,
    )


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def achievement_document(achievement: Achievement) -> ob.Achievement:
    """The OB 3.0 Achievement a credential issued now for ``achievement`` embeds."""
    image = achievement.image
    document = ob.Achievement(
        id=achievement_url(achievement),
        achievement_type=achievement.achievement_type,
        name=achievement.name,
        description=achievement.description,
        criteria=ob.Criteria(narrative=achievement.criteria),
        alignment=tuple(skill_alignment(item["name"], item["url"]) for item in achievement.skills),
        image=ob.Image(id=image_url(achievement, image), caption=achievement.name)
        if image is not None
        else None,
        in_language=achievement.language or None,
        tag=tuple(achievement.tags),
        version=str(achievement.revision),
    )
    return with_eu_elements(
        document, eu_elements(achievement), awarding_body=awarding_body(achievement.organization)
    )


def credential_valid_until(achievement: Achievement, valid_from: datetime) -> datetime | None:
    """When a credential issued at ``valid_from`` expires under the achievement's rule."""
    if not achievement.expiry_months:
        return None
    month = valid_from.month - 1 + achievement.expiry_months
    year, month = valid_from.year + month // 12, month % 12 + 1
    # The same day of the month, or the month's last day when it is shorter (31 Jan + 1).
    for day in range(valid_from.day, 0, -1):
        try:
            return valid_from.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a first day")


def images_for_baking(achievement: Achievement) -> dict[str, bytes]:
    """The current image as the formats a credential can be baked into: "svg", "png" or both.

    A designed image has both; an uploaded PNG only "png"; an uploaded SVG only "svg" (no
    SVG is rasterized that microcred did not draw itself); no image, nothing.
    """
    image = achievement.image
    if image is None:
        return {}
    found: dict[str, bytes] = {}
    if image.content_type == "image/svg+xml":
        found["svg"] = bytes(image.data)
    if image.png is not None:
        found["png"] = bytes(image.png)
    return found
