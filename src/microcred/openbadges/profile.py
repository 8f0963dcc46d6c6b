"""Profile: an issuer, endorser, creator or other person or organization, with its address."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from microcred.openbadges.checks import check_compact_jws, check_country_code
from microcred.openbadges.codec import JsonObject, extra_field, opaque_list
from microcred.openbadges.errors import ModelError
from microcred.openbadges.identifiers import IdentifierEntry
from microcred.openbadges.image import Image


@dataclass(frozen=True, slots=True, kw_only=True)
class GeoCoordinates(JsonObject):
    """A WGS 84 position."""

    FIXED_TYPE = "GeoCoordinates"

    latitude: float
    longitude: float
    extra: Mapping[str, Any] = extra_field()

    def _check(self) -> None:
        if not -90 <= self.latitude <= 90:
            raise ModelError(f"latitude {self.latitude} is not between -90 and 90")
        if not -180 <= self.longitude <= 180:
            raise ModelError(f"longitude {self.longitude} is not between -180 and 180")


@dataclass(frozen=True, slots=True, kw_only=True)
class Address(JsonObject):
    REQUIRED_TYPES = (("Address",),)

    types: Sequence[str] = ("Address",)
    address_country: str | None = None
    address_country_code: str | None = None
    address_region: str | None = None
    address_locality: str | None = None
    street_address: str | None = None
    post_office_box_number: str | None = None
    postal_code: str | None = None
    geo: GeoCoordinates | None = None
    extra: Mapping[str, Any] = extra_field()

    def _check(self) -> None:
        if self.address_country_code is not None:
            check_country_code(self.address_country_code, "addressCountryCode")


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile(JsonObject):
    """Who issues, endorses or creates; the person-name fields serve profiles of people.

    ``endorsement`` holds signed EndorsementCredential documents exactly as they were signed:
    the model never re-serializes a signed document.
    """

    REQUIRED_TYPES = (("Profile",),)
    URI_FIELDS = ("id", "url")

    id: str
    types: Sequence[str] = ("Profile",)
    name: str | None = None
    url: str | None = None
    phone: str | None = None
    description: str | None = None
    endorsement: Sequence[Mapping[str, Any]] = opaque_list()
    endorsement_jwt: Sequence[str] = ()
    image: Image | None = None
    email: str | None = None
    address: Address | None = None
    other_identifier: Sequence[IdentifierEntry] = ()
    official: str | None = None
    parent_org: Profile | None = None
    family_name: str | None = None
    given_name: str | None = None
    additional_name: str | None = None
    patronymic_name: str | None = None
    honorific_prefix: str | None = None
    honorific_suffix: str | None = None
    family_name_prefix: str | None = None
    date_of_birth: date | None = None
    extra: Mapping[str, Any] = extra_field()

    def _check(self) -> None:
        for index, token in enumerate(self.endorsement_jwt):
            check_compact_jws(token, f"endorsementJwt[{index}]")
