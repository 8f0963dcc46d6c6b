"""LinkedIn's "Add to profile" and share links: every parameter, exactly."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qsl, urlsplit

from microcred.web.sharing.linkedin import (
    Certification,
    add_to_profile_url,
    share_post_url,
)

PAGE = "https://badges.example.org/c/6f1c2a4e-0000-4000-8000-000000000001"


def certification(**changes) -> Certification:
    values = {
        "name": "Lebensmittelsicherheit & Hygiene für Küchenchef:innen",
        "organization_name": "Akademie Müller & Söhne",
        "issued": date(2026, 3, 9),
        "url": PAGE,
        "credential_id": "6f1c2a4e-0000-4000-8000-000000000001",
    }
    return Certification(**{**values, **changes})


def parameters(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)


def test_it_names_the_organization_when_no_id_is_set_and_leaves_out_the_expiry() -> None:
    url = add_to_profile_url(certification())

    assert url.startswith("https://www.linkedin.com/profile/add?")
    assert parameters(url) == [
        ("startTask", "CERTIFICATION_NAME"),
        ("name", "Lebensmittelsicherheit & Hygiene für Küchenchef:innen"),
        ("organizationName", "Akademie Müller & Söhne"),
        ("issueYear", "2026"),
        ("issueMonth", "3"),
        ("certUrl", PAGE),
        ("certId", "6f1c2a4e-0000-4000-8000-000000000001"),
    ]


def test_it_uses_the_organization_id_instead_of_the_name_when_set() -> None:
    url = add_to_profile_url(certification(organization_id="1337"))

    names = [name for name, _ in parameters(url)]
    assert ("organizationId", "1337") in parameters(url)
    assert "organizationName" not in names


def test_it_gives_year_and_month_of_the_expiry_when_the_credential_expires() -> None:
    url = add_to_profile_url(certification(expires=date(2029, 12, 31)))

    assert parameters(url)[5:7] == [("expirationYear", "2029"), ("expirationMonth", "12")]


def test_it_escapes_ampersands_and_encodes_umlauts_as_utf8() -> None:
    query = urlsplit(add_to_profile_url(certification())).query

    assert "M%C3%BCller+%26+S%C3%B6hne" in query
    assert "&" not in query.split("organizationName=")[1].split("&issueYear")[0]


def test_the_post_link_carries_only_the_page() -> None:
    url = share_post_url(PAGE)

    assert url.startswith("https://www.linkedin.com/sharing/share-offsite/?")
    assert parameters(url) == [("url", PAGE)]
