"""Whether the sharing app's panel can be shown (it is built alongside, by another package).

The claim page includes the panel only when the ``sharing`` template library is installed,
so the page works with and without that app.
"""

from __future__ import annotations

from django.template import engines


def share_panel_available() -> bool:
    return "sharing" in engines["django"].engine.template_libraries  # type: ignore[attr-defined]
