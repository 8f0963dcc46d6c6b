"""What can happen to a credential after it is issued, and through which channel.

The kinds are the steps of the funnel an issuer watches: delivered → opened → claimed →
viewed → shared → downloaded → verified. A channel says how (which download format, which
sharing button, which verification path); kinds without channels use "".
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    DELIVERED = "delivered", _("e-mail delivered")
    # Only by first-party means: the first visit of the personal link, never a pixel.
    OPENED = "opened", _("opened")
    CLAIMED = "claimed", _("claimed")
    VIEWED = "viewed", _("public page viewed")
    SHARED = "shared", _("shared")
    DOWNLOADED = "downloaded", _("downloaded")
    VERIFIED = "verified", _("verified")


class ShareChannel(models.TextChoices):
    LINKEDIN_ADD = "linkedin_add", _("LinkedIn profile")
    LINKEDIN_POST = "linkedin_post", _("LinkedIn post")
    SIGNATURE = "signature", _("e-mail signature")
    EMBED = "embed", _("embed on a website")
    LINK = "link", _("link copied")


class DownloadChannel(models.TextChoices):
    PNG = "png", _("PNG image")
    SVG = "svg", _("SVG image")
    JSON = "json", _("credential JSON")
    JWT = "jwt", _("VC-JWT")
    PDF = "pdf", _("PDF certificate")


class VerifyChannel(models.TextChoices):
    PAGE = "page", _("verification page")
    API = "api", _("API")
    UPLOAD = "upload", _("uploaded file")


CHANNELS: dict[str, frozenset[str]] = {
    EventKind.SHARED: frozenset(ShareChannel.values),
    EventKind.DOWNLOADED: frozenset(DownloadChannel.values),
    EventKind.VERIFIED: frozenset(VerifyChannel.values),
}

# Kinds counted at most once per credential: a second claim or first visit is not news.
ONCE_PER_CREDENTIAL: frozenset[str] = frozenset(
    {EventKind.DELIVERED, EventKind.OPENED, EventKind.CLAIMED}
)
