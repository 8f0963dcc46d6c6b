"""Sections other apps add to the issuer's credential page (delivery, engagement, …).

Each app registers a template and a function that gives its context in AppConfig.ready(),
the way it registers menu items, so the credentials app never imports the apps that build
on it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

PanelContext = Callable[[HttpRequest, Any], Mapping[str, Any]]


@dataclass(frozen=True)
class Panel:
    template: str
    context: PanelContext
    order: int


_PANELS: dict[str, Panel] = {}


def register(name: str, template: str, context: PanelContext, *, order: int = 50) -> None:
    """Show ``template`` on every credential page, rendered with ``context(request, credential)``.

    The template also gets ``credential``, ``organization`` and ``can_change`` (whether the
    member may issue and revoke).
    """
    _PANELS[name] = Panel(template, context, order)


def render_panels(request: HttpRequest, credential: Any, base: Mapping[str, Any]) -> SafeString:
    parts = []
    for panel in sorted(_PANELS.values(), key=lambda panel: (panel.order, panel.template)):
        context = {**base, **panel.context(request, credential)}
        parts.append(render_to_string(panel.template, context, request=request))
    # Each part is a rendered template with auto-escaping on.
    return mark_safe("".join(parts))  # noqa: S308
