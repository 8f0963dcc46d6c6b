"""Which language a credential's e-mail is written in: the badge's, if the instance has it."""

from __future__ import annotations

from django.conf import settings


def delivery_language(credential: object) -> str:
    achievement = getattr(credential, "achievement", None)
    wanted = (getattr(achievement, "language", "") or "").strip().lower()
    offered = {code for code, _ in settings.LANGUAGES}
    # "de-AT" is written in German too.
    primary = wanted.split("-", 1)[0]
    if wanted in offered:
        return wanted
    if primary in offered:
        return primary
    return settings.LANGUAGE_CODE
