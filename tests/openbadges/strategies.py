"""Hypothesis strategies for valid Open Badges 3.0 documents.

``credentials()`` draws plain, unsigned AchievementCredential dicts, ready to sign: random
Unicode text (control characters, emoji, combining marks, right-to-left overrides), random
optional fields, one to five alignments, hashed or DID recipients. Every document validates
against the official schema and uses only properties the OB 3.0 data model defines.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum
from typing import Any

from hypothesis import strategies as st

from microcred.openbadges.model import (
    ACHIEVEMENT_CREDENTIAL_TYPES,
    OPEN_BADGE_CREDENTIAL_TYPES,
    Achievement,
    AchievementCredential,
    AchievementSubject,
    AchievementType,
    Address,
    Alignment,
    AlignmentTargetType,
    Criteria,
    EndorsementCredential,
    EndorsementSubject,
    Evidence,
    GeoCoordinates,
    IdentifierEntry,
    IdentifierType,
    IdentityObject,
    Image,
    Profile,
    RefreshService,
    Related,
    Result,
    ResultDescription,
    ResultStatus,
    ResultType,
    RubricCriterionLevel,
    TermsOfUse,
    hashed_email,
)
from microcred.openbadges.schemas import achievement_credential_schema
from microcred.openbadges.vc import OB3_CONTEXT_WITH_EXTENSIONS

_EMOJI = ["🎓", "👩🏽‍💻", "🇩🇪", "🏅", "✅", "❤️", "🧑‍🤝‍🧑", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"]
_AWKWARD = ["\x00", "\x07", "\x1b", "\x7f", "\t", "\n", "\r", "\u2028", "\u202e", "\ufeff"]
_AWKWARD += ["ß", "İ", "ǅ", "e\u0301", '"', "\\", "<script>", "Ünïcödé"]


def optional[T](strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


_CHARACTERS = st.characters(codec="utf-8")


def human_text(max_size: int = 30) -> st.SearchStrategy[str]:
    """Any Unicode text (no lone surrogates), often with an awkward piece in the middle."""
    half = st.text(_CHARACTERS, max_size=max(max_size // 2, 1))
    return st.builds(
        lambda head, piece, tail: head + piece + tail,
        half,
        st.sampled_from(["", *_EMOJI, *_AWKWARD]),
        half,
    )


_HOSTS = ["badges.example.org", "example.com", "xn--bcher-kva.example", "uni.example.de"]
_SEGMENT = st.text(string.ascii_letters + string.digits + "-._~", min_size=1, max_size=12)
https_urls = st.builds(
    lambda host, parts: f"https://{host}/" + "/".join(parts),
    st.sampled_from(_HOSTS),
    st.lists(_SEGMENT, max_size=3),
)
uuid_urns = st.uuids().map(lambda value: f"urn:uuid:{value}")
dids = st.one_of(
    st.sampled_from(_HOSTS).map(lambda host: f"did:web:{host}"),
    st.text(string.ascii_letters + string.digits, min_size=8, max_size=48).map(
        lambda tail: f"did:key:z6Mk{tail}"
    ),
)
esco_skills = st.uuids().map(lambda value: f"http://data.europa.eu/esco/skill/{value}")
uris = st.one_of(https_urls, uuid_urns, dids)
credential_ids = st.one_of(uuid_urns, https_urls)
data_uris = st.binary(max_size=24).map(lambda raw: f"data:image/png;base64,{raw.hex()}")
language_codes = st.sampled_from(["de", "en", "en-GB", "de-AT", "zh-Hant-TW", "es-419", "fr"])
compact_jws = st.from_regex(
    r"[a-zA-Z0-9_-]{4,24}\.[a-zA-Z0-9_-]{0,24}\.[a-zA-Z0-9_-]{4,24}", fullmatch=True
)
extension_values = st.from_regex(r"ext:[A-Za-z0-9._][A-Za-z0-9._-]{0,15}", fullmatch=True)
amounts = st.one_of(st.integers(0, 500), st.floats(0, 500, allow_nan=False, allow_infinity=False))
aware_datetimes = st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2090, 1, 1),
    timezones=st.sampled_from(
        [UTC, timezone(timedelta(hours=2)), timezone(-timedelta(hours=5, minutes=30))]
    ),
)


def extensible(vocabulary: type[StrEnum]) -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from([member.value for member in vocabulary]), extension_values)


def _few[T](strategy: st.SearchStrategy[T], max_size: int = 2) -> st.SearchStrategy[list[T]]:
    return st.lists(strategy, max_size=max_size)


images = st.builds(Image, id=st.one_of(https_urls, data_uris), caption=optional(human_text()))
identifier_entries = st.builds(
    IdentifierEntry, identifier=human_text(), identifier_type=extensible(IdentifierType)
)
alignments = st.builds(
    Alignment,
    target_name=human_text(),
    target_url=st.one_of(esco_skills, https_urls),
    target_code=optional(human_text(12)),
    target_description=optional(human_text()),
    target_framework=optional(human_text()),
    target_type=optional(extensible(AlignmentTargetType)),
)
addresses = st.builds(
    Address,
    address_country=optional(human_text()),
    address_country_code=optional(st.sampled_from(["DE", "AT", "CH", "US", "FR"])),
    address_region=optional(human_text()),
    address_locality=optional(human_text()),
    street_address=optional(human_text()),
    post_office_box_number=optional(human_text(6)),
    postal_code=optional(human_text(8)),
    geo=optional(
        st.builds(
            GeoCoordinates,
            latitude=st.floats(-90, 90, allow_nan=False),
            longitude=st.floats(-180, 180, allow_nan=False),
        )
    ),
)


brief_profiles = st.builds(
    Profile,
    id=uris,
    name=optional(human_text()),
    url=optional(https_urls),
    image=optional(images),
)
profiles = st.builds(
    Profile,
    id=uris,
    name=optional(human_text()),
    url=optional(https_urls),
    phone=optional(st.from_regex(r"\+[0-9]{6,14}", fullmatch=True)),
    description=optional(human_text()),
    endorsement_jwt=_few(compact_jws, 1),
    image=optional(images),
    email=optional(st.emails()),
    address=optional(addresses),
    other_identifier=_few(identifier_entries),
    official=optional(human_text()),
    parent_org=optional(brief_profiles),
    family_name=optional(human_text()),
    given_name=optional(human_text()),
    additional_name=optional(human_text()),
    patronymic_name=optional(human_text()),
    honorific_prefix=optional(human_text(5)),
    honorific_suffix=optional(human_text(5)),
    family_name_prefix=optional(human_text(5)),
    date_of_birth=optional(st.dates()),
)


@st.composite
def result_descriptions(draw: Callable[[st.SearchStrategy[Any]], Any]) -> ResultDescription:
    levels = draw(
        _few(
            st.builds(
                RubricCriterionLevel,
                id=uuid_urns,
                name=human_text(),
                description=optional(human_text()),
                level=optional(human_text(12)),
                points=optional(st.integers(0, 10).map(str)),
                alignment=_few(alignments, 1),
            ),
            3,
        )
    )
    allowed = draw(_few(human_text(4), 4))
    return ResultDescription(
        id=draw(uuid_urns),
        name=draw(human_text()),
        result_type=draw(extensible(ResultType)),
        alignment=draw(_few(alignments, 1)),
        allowed_value=allowed,
        required_value=draw(optional(st.sampled_from(allowed))) if allowed else None,
        rubric_criterion_level=levels,
        required_level=draw(optional(st.sampled_from([level.id for level in levels])))
        if levels
        else None,
        value_min=draw(optional(st.integers(0, 10).map(str))),
        value_max=draw(optional(st.integers(10, 100).map(str))),
    )


criteria = st.one_of(
    st.builds(Criteria, id=https_urls),
    st.builds(Criteria, narrative=human_text(200)),
    st.builds(Criteria, id=https_urls, narrative=human_text(200)),
)

achievements = st.builds(
    Achievement,
    id=uris,
    name=human_text(),
    description=human_text(120),
    criteria=criteria,
    alignment=st.lists(alignments, min_size=1, max_size=5),
    achievement_type=optional(extensible(AchievementType)),
    creator=optional(brief_profiles),
    credits_available=optional(amounts),
    endorsement_jwt=_few(compact_jws, 1),
    field_of_study=optional(human_text()),
    human_code=optional(human_text(10)),
    image=optional(images),
    in_language=optional(language_codes),
    other_identifier=_few(identifier_entries),
    related=_few(
        st.builds(
            Related,
            id=uris,
            in_language=optional(language_codes),
            version=optional(human_text(6)),
        )
    ),
    result_description=_few(result_descriptions()),
    specialization=optional(human_text()),
    tag=_few(human_text(12), 4),
    version=optional(human_text(8)),
)

results = st.builds(
    Result,
    achieved_level=optional(uuid_urns),
    alignment=_few(alignments, 1),
    result_description=optional(uuid_urns),
    status=optional(st.sampled_from([member.value for member in ResultStatus])),
    value=optional(human_text(8)),
)

hashed_identities = st.builds(
    hashed_email, st.emails(), optional(st.text(string.hexdigits, max_size=32))
)
plain_identities = st.builds(
    IdentityObject,
    hashed=st.just(False),
    identity_hash=human_text(),
    identity_type=extensible(IdentifierType),
    salt=optional(human_text(8)),
)


@st.composite
def subjects(draw: Callable[[st.SearchStrategy[Any]], Any]) -> AchievementSubject:
    identifiers = draw(_few(st.one_of(hashed_identities, plain_identities)))
    subject_id = draw(dids if not identifiers else optional(dids))
    start = draw(optional(aware_datetimes))
    end = draw(optional(aware_datetimes))
    if start and end and end < start:
        start, end = end, start
    return AchievementSubject(
        id=subject_id,
        identifier=identifiers,
        achievement=draw(achievements),
        activity_start_date=start,
        activity_end_date=end,
        credits_earned=draw(optional(amounts)),
        image=draw(optional(images)),
        license_number=draw(optional(human_text(10))),
        narrative=draw(optional(human_text(100))),
        result=draw(_few(results)),
        role=draw(optional(human_text())),
        source=draw(optional(brief_profiles)),
        term=draw(optional(human_text(10))),
    )


evidence = st.builds(
    Evidence,
    id=optional(https_urls),
    narrative=optional(human_text(100)),
    name=optional(human_text()),
    description=optional(human_text()),
    genre=optional(human_text(10)),
    audience=optional(human_text(10)),
)


@st.composite
def _validity(draw: Callable[[st.SearchStrategy[Any]], Any]) -> tuple[datetime, datetime | None]:
    valid_from = draw(aware_datetimes)
    lasting = draw(optional(st.timedeltas(timedelta(seconds=1), timedelta(days=3650))))
    return valid_from, (valid_from + lasting if lasting else None)


@st.composite
def endorsements(draw: Callable[[st.SearchStrategy[Any]], Any]) -> dict[str, Any]:
    """An unsigned EndorsementCredential dict, as embedded in ``endorsement`` lists."""
    valid_from, valid_until = draw(_validity())
    return EndorsementCredential(
        id=draw(credential_ids),
        name=draw(human_text()),
        description=draw(optional(human_text())),
        issuer=draw(brief_profiles),
        credential_subject=EndorsementSubject(
            id=draw(uris), endorsement_comment=draw(optional(human_text(100)))
        ),
        valid_from=valid_from,
        valid_until=valid_until,
    ).to_json()


def _status_entry(list_url: str, index: int, purpose: str) -> dict[str, Any]:
    return {
        "id": f"{list_url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": list_url,
    }


status_entries = st.builds(
    _status_entry,
    https_urls,
    st.integers(0, 131_071),
    st.sampled_from(["revocation", "suspension"]),
)


@st.composite
def credential_models(draw: Callable[[st.SearchStrategy[Any]], Any]) -> AchievementCredential:
    valid_from, valid_until = draw(_validity())
    return AchievementCredential(
        # Always with the extensions context: credentialSchema and refreshService types need it.
        context=OB3_CONTEXT_WITH_EXTENSIONS,
        id=draw(credential_ids),
        types=draw(st.sampled_from([OPEN_BADGE_CREDENTIAL_TYPES, ACHIEVEMENT_CREDENTIAL_TYPES])),
        name=draw(optional(human_text())),
        description=draw(optional(human_text(100))),
        image=draw(optional(images)),
        issuer=draw(profiles),
        valid_from=valid_from,
        valid_until=valid_until,
        awarded_date=draw(optional(aware_datetimes)),
        credential_subject=draw(subjects()),
        evidence=draw(_few(evidence)),
        endorsement=draw(_few(endorsements(), 1)),
        endorsement_jwt=draw(_few(compact_jws, 1)),
        credential_schema=draw(st.sampled_from([(), (achievement_credential_schema(),)])),
        credential_status=draw(optional(status_entries)),
        refresh_service=draw(
            optional(
                st.builds(RefreshService, id=https_urls, type=st.just("1EdTechCredentialRefresh"))
            )
        ),
        terms_of_use=draw(
            _few(
                st.builds(
                    TermsOfUse,
                    id=optional(https_urls),
                    # No context defines a terms-of-use type; an IRI needs none.
                    type=st.just("https://badges.example.org/terms#TrustFrameworkPolicy"),
                ),
                1,
            )
        ),
    )


def credentials() -> st.SearchStrategy[dict[str, Any]]:
    """Unsigned AchievementCredential dicts, each valid against the official schema."""
    return credential_models().map(lambda credential: credential.to_json())
