"""The HTML and text a holder pastes elsewhere: an e-mail signature and embed code.

Built with format_html, so every name is escaped. The only style is the iframe's border:0
(the page that embeds it has its own policy; the preview on our pages renders the signature
only, which has none).
"""

from __future__ import annotations

from typing import Final

from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from microcred.web.sharing.facts import ShareFacts

SIGNATURE_BADGE_SIZE: Final = 64
EMBED_WIDTH: Final = 360
EMBED_HEIGHT: Final = 170


def absolute(name: str, public_id: str) -> str:
    return settings.MICROCRED_BASE_URL + reverse(name, args=[public_id])


def signature_html(facts: ShareFacts) -> SafeString:
    return format_html(
        '<a href="{url}"><img src="{image}" width="{size}" height="{size}" alt="{alt}" '
        'border="0"></a><br><a href="{url}">{name}</a><br>{issuer}',
        url=facts.page_url,
        image=absolute("sharing:signature_image", facts.public_id),
        size=SIGNATURE_BADGE_SIZE,
        alt=_("Badge: %(name)s") % {"name": facts.achievement_name},
        name=facts.achievement_name,
        issuer=_("Issued by %(issuer)s") % {"issuer": facts.issuer_name},
    )


def signature_text(facts: ShareFacts) -> str:
    return "\n".join(
        [
            f"{facts.achievement_name} – {facts.issuer_name}",
            _("Verify: %(url)s") % {"url": facts.page_url},
        ]
    )


def embed_code(facts: ShareFacts) -> SafeString:
    return format_html(
        '<iframe src="{src}" width="{width}" height="{height}" title="{title}" '
        'loading="lazy" referrerpolicy="no-referrer" style="border:0;max-width:100%"></iframe>',
        src=absolute("sharing:embed", facts.public_id),
        width=EMBED_WIDTH,
        height=EMBED_HEIGHT,
        title=_("Badge: %(name)s") % {"name": facts.achievement_name},
    )


def plain_link(facts: ShareFacts) -> SafeString:
    return format_html(
        '<a href="{url}">{name} – {issuer}</a>',
        url=facts.page_url,
        name=facts.achievement_name,
        issuer=facts.issuer_name,
    )
