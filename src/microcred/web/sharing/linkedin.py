"""LinkedIn's two doors for a credential: the "Add to profile" form and a post.

Pure functions with no Django: the URLs are built from plain values, with urllib doing the
percent-encoding (umlauts as UTF-8, ``&`` and ``=`` inside names escaped).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final
from urllib.parse import urlencode

ADD_TO_PROFILE: Final = "https://www.linkedin.com/profile/add"
SHARE_OFFSITE: Final = "https://www.linkedin.com/sharing/share-offsite/"


@dataclass(frozen=True)
class Certification:
    """What LinkedIn's "Licenses & certifications" form asks for."""

    name: str
    organization_name: str
    issued: date
    url: str
    credential_id: str
    expires: date | None = None
    # LinkedIn links the entry to the company page only with its numeric id.
    organization_id: str = ""


def add_to_profile_url(certification: Certification) -> str:
    """The "Add to profile" deep link, prefilled with the certification."""
    params: list[tuple[str, str]] = [
        ("startTask", "CERTIFICATION_NAME"),
        ("name", certification.name),
    ]
    if certification.organization_id:
        params.append(("organizationId", certification.organization_id))
    else:
        params.append(("organizationName", certification.organization_name))
    params += [
        ("issueYear", str(certification.issued.year)),
        ("issueMonth", str(certification.issued.month)),
    ]
    if certification.expires is not None:
        params += [
            ("expirationYear", str(certification.expires.year)),
            ("expirationMonth", str(certification.expires.month)),
        ]
    params += [("certUrl", certification.url), ("certId", certification.credential_id)]
    return f"{ADD_TO_PROFILE}?{urlencode(params)}"


def share_post_url(page_url: str) -> str:
    """A new LinkedIn post with the page as its link (LinkedIn reads the Open Graph tags)."""
    return f"{SHARE_OFFSITE}?{urlencode({'url': page_url})}"
