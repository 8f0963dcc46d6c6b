"""Single-value checks: URIs, credential ids, language codes, compact JWS, country codes."""

from __future__ import annotations

import pytest

from microcred.openbadges.checks import (
    check_compact_jws,
    check_country_code,
    check_credential_id,
    check_language,
    check_uri,
)
from microcred.openbadges.errors import ModelError


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/badges/1",
        "urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c",
        "did:web:example.org",
        "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "data:image/png;base64,iVBORw0KGgo=",
        "https://bücher.example/ä",
        "mailto:someone@example.org",
    ],
)
def test_absolute_uris_pass(value: str):
    check_uri(value, "id")


@pytest.mark.parametrize(
    "value", ["badge-1", "/badges/1", "", "https://example.org/a b", "https://x/\x00", ":x"]
)
def test_anything_else_is_refused_with_its_key(value: str):
    with pytest.raises(ModelError, match=r"^id .* is not an absolute URI"):
        check_uri(value, "id")


def test_long_values_are_shortened_in_messages():
    with pytest.raises(ModelError) as caught:
        check_uri("x" * 10_000, "id")
    assert len(str(caught.value)) < 300


@pytest.mark.parametrize(
    "value",
    [
        "urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c",
        "urn:uuid:F6AB24CD-86E8-4EAF-B8C6-DED74E8FD41C",
        "https://badges.example.org/credentials/3732",
    ],
)
def test_credential_ids_are_uuid_urns_or_https_urls(value: str):
    check_credential_id(value)


@pytest.mark.parametrize(
    "value",
    [
        "http://example.org/credentials/1",
        "urn:uuid:not-a-uuid",
        "urn:uuid:f6ab24cd86e84eafb8c6ded74e8fd41c",
        "https:///no-host",
        "did:example:123",
        "3732",
    ],
)
def test_other_credential_ids_are_refused(value: str):
    with pytest.raises(ModelError, match="urn:uuid: URN or an https:// URL"):
        check_credential_id(value)


@pytest.mark.parametrize("value", ["de", "en-GB", "zh-Hant-TW", "es-419", "haw"])
def test_language_codes(value: str):
    check_language(value, "inLanguage")


@pytest.mark.parametrize("value", ["DE", "en_GB", "english", "de-de", "de\n"])
def test_bad_language_codes(value: str):
    with pytest.raises(ModelError, match="inLanguage"):
        check_language(value, "inLanguage")


def test_compact_jws():
    check_compact_jws("eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ.c2ln", "endorsementJwt[0]")
    check_compact_jws("eyJhbGciOiJFZERTQSJ9..c2ln", "endorsementJwt[0]")
    with pytest.raises(ModelError, match=r"endorsementJwt\[0\]"):
        check_compact_jws("eyJhbGciOiJFZERTQSJ9.eyJ4IjoxfQ", "endorsementJwt[0]")


def test_country_codes():
    check_country_code("DE", "addressCountryCode")
    for value in ("de", "DEU", "D"):
        with pytest.raises(ModelError, match="ISO 3166-1 alpha-2"):
            check_country_code(value, "addressCountryCode")
