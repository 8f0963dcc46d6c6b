"""``{% load sharing %}``: the sharing panel, the public page's share section and its
Open Graph tags, for any page that shows a credential."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from microcred.web.holder.claims import shows_recipient_name
from microcred.web.sharing.facts import share_facts
from microcred.web.sharing.image import HEIGHT, WIDTH
from microcred.web.sharing.panel import panel_context, visitor_context

register = template.Library()

OG_LOCALES = {"de": "de_DE", "en": "en_US"}


@register.inclusion_tag("sharing/_panel.html", takes_context=True)
def share_panel(
    context: template.Context, credential: Any, certificate_url: str | None = None
) -> dict[str, Any]:
    """The holder's full sharing panel (nothing to share for a revoked credential).

    ``certificate_url``: where the holder's own certificate is (the claim page passes its
    token address, whose PDF always names the holder).
    """
    return {
        **panel_context(credential, certificate_url=certificate_url),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("sharing/_visitor.html", takes_context=True)
def share_buttons(context: template.Context, credential: Any) -> dict[str, Any]:
    """What a visitor of the public page may do: post it on LinkedIn, copy the link."""
    return {**visitor_context(credential), "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("sharing/_meta.html")
def share_meta(credential: Any) -> dict[str, Any]:
    """Open Graph and Twitter card tags, with the picture in the page's language."""
    facts = share_facts(credential)
    image = settings.MICROCRED_BASE_URL + reverse("sharing:image", args=[facts.public_id])
    withdrawn = (
        "revoked" if credential.is_revoked else "suspended" if credential.is_suspended else ""
    )
    return {
        "facts": facts,
        # A revoked or suspended credential gets no "X earned Y" and no picture (share.png
        # answers 404 for it).
        "withdrawn": withdrawn,
        "image_url": f"{image}?lang={translation.get_language()}",
        "image_width": WIDTH,
        "image_height": HEIGHT,
        "locale": OG_LOCALES.get(translation.get_language() or "", "en_US"),
    }


@register.simple_tag
def recipient_name_shown(credential: Any) -> bool:
    """Whether the holder lets public pages name them."""
    return shows_recipient_name(credential)
