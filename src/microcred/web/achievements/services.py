"""Saving, archiving and deleting achievements, each written to the audit log."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.utils import timezone

from microcred.web.accounts.models import User
from microcred.web.achievements.models import Achievement, BadgeImage
from microcred.web.audit.log import record


def is_in_use(achievement: Achievement) -> bool:
    """Whether any row of another app (an issued credential, a batch…) points at it.

    Every relation is asked instead of naming the credentials app, so that whatever refers
    to an achievement later keeps it from being deleted too.
    """
    for relation in achievement._meta.related_objects:
        if relation.related_model is BadgeImage or not relation.one_to_many:
            continue
        manager = relation.related_model._base_manager
        if manager.filter(**{relation.field.name: achievement}).exists():
            return True
    return False


def save_achievement(
    achievement: Achievement,
    actor: User,
    *,
    image: BadgeImage | None = None,
    changed: list[str] | None = None,
) -> Achievement:
    """Create (no pk yet) or update an achievement, with a new image version if given."""
    created = achievement.pk is None
    with transaction.atomic():
        if created:
            achievement.created_by = actor
        else:
            achievement.revision = models.F("revision") + 1
        achievement.updated_at = timezone.now()
        achievement.save()
        if image is not None:
            image.achievement = achievement
            stored = store_image(image)
            Achievement.objects.filter(pk=achievement.pk).update(image=stored)
            achievement.image = stored
        achievement.refresh_from_db(fields=["revision"])
        details: dict[str, Any] = {"revision": achievement.revision}
        if changed:
            details["changed"] = sorted(changed)
        record(
            achievement.organization,
            actor,
            "achievement.created" if created else "achievement.updated",
            target=achievement,
            details=details,
        )
    return achievement


def store_image(image: BadgeImage) -> BadgeImage:
    """The stored version with the same bytes, or ``image`` saved as a new version."""
    image.version = BadgeImage.version_of(bytes(image.data))
    existing = BadgeImage.objects.filter(
        achievement=image.achievement, version=image.version
    ).first()
    if existing is not None:
        return existing
    image.save()
    return image


def archive(achievement: Achievement, actor: User) -> None:
    with transaction.atomic():
        achievement.archived_at = timezone.now()
        achievement.save(update_fields=["archived_at"])
        record(achievement.organization, actor, "achievement.archived", target=achievement)


def restore(achievement: Achievement, actor: User) -> None:
    with transaction.atomic():
        achievement.archived_at = None
        achievement.save(update_fields=["archived_at"])
        record(achievement.organization, actor, "achievement.restored", target=achievement)


def delete_or_archive(achievement: Achievement, actor: User) -> bool:
    """Delete an achievement nothing was issued for (True); archive one in use (False)."""
    with transaction.atomic():
        # Lock the row, so that nothing is issued for it between the check and the delete.
        Achievement.objects.select_for_update().filter(pk=achievement.pk).first()
        if is_in_use(achievement):
            archive(achievement, actor)
            return False
        label, public_id = achievement.name, str(achievement.public_id)
        try:
            with transaction.atomic():
                achievement.delete()
        except (models.ProtectedError, models.RestrictedError):
            archive(achievement, actor)
            return False
        record(
            achievement.organization,
            actor,
            "achievement.deleted",
            label=label,
            details={"public_id": public_id},
        )
    return True
