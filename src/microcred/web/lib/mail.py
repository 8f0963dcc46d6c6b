"""Plain-text e-mail rendered from templates, in the language of the person it goes to."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_mail(
    to: str, template: str, context: Mapping[str, Any], *, language: str | None = None
) -> None:
    """Send ``<template>_subject.txt`` / ``<template>_body.txt`` to one address."""
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        full_context = {"base_url": settings.MICROCRED_BASE_URL, **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", full_context).split())
        body = render_to_string(f"{template}_body.txt", full_context)
    EmailMessage(subject=subject, body=body, to=[to]).send()
