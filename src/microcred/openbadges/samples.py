"""A realistic micro-credential, for the demo, the benchmarks and tests.

It carries what a real training provider's credential carries: an issuer with name, URL and
logo, a MicroCredential achievement with criteria, ECTS credits, three ESCO skill alignments
and a result description, the learner's score, a Bitstring Status List entry and a salted
hash of the learner's e-mail address. Everything not passed in is fixed, except the credential
id, the salt and the validity start, which are fresh unless given.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Final

from microcred.openbadges.achievement import Achievement, Criteria, ResultDescription
from microcred.openbadges.alignment import Alignment
from microcred.openbadges.credential import AchievementCredential, Evidence
from microcred.openbadges.identity import hashed_email
from microcred.openbadges.image import Image
from microcred.openbadges.profile import Address, Profile
from microcred.openbadges.schemas import achievement_credential_schema
from microcred.openbadges.subject import AchievementSubject, Result
from microcred.openbadges.vc import OB3_CONTEXT_WITH_EXTENSIONS, new_credential_id
from microcred.openbadges.vocabulary import AchievementType, ResultType

SAMPLE_ISSUER_ID: Final = "did:web:badges.example.org"
SAMPLE_ACHIEVEMENT_ID: Final = "https://badges.example.org/achievements/data-analysis-python"
SAMPLE_RECIPIENT_EMAIL: Final = "anna.schmidt@example.org"
SAMPLE_STATUS_LIST: Final = "https://badges.example.org/status/revocation/1"
SAMPLE_RESULT_DESCRIPTION_ID: Final = "urn:uuid:4c5b9b9e-3f5e-4d0a-9a53-0d1f6c2b8e71"

_ESCO: Final = "ESCO (European Skills, Competences, Qualifications and Occupations) v1.2"
# (concept URI, preferred label) of real ESCO skills.
ESCO_SKILLS: Final = (
    (
        "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
        "Python (computer programming)",
    ),
    ("http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742", "SQL"),
    ("http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43", "machine learning"),
)


def realistic_issuer(issuer_id: str = SAMPLE_ISSUER_ID) -> Profile:
    return Profile(
        id=issuer_id,
        name="Weiterbildungszentrum Nord – Digital Skills Academy",
        url="https://badges.example.org",
        description="Continuing education for data and software skills, in German and English.",
        email="badges@example.org",
        image=Image(
            id="https://badges.example.org/media/issuer-logo.png",
            caption="Logo of Weiterbildungszentrum Nord",
        ),
        address=Address(
            address_country="Germany",
            address_country_code="DE",
            address_locality="Hamburg",
            postal_code="20095",
            street_address="Mönckebergstraße 7",
        ),
    )


def realistic_achievement(
    achievement_id: str = SAMPLE_ACHIEVEMENT_ID, creator: Profile | None = None
) -> Achievement:
    return Achievement(
        id=achievement_id,
        achievement_type=AchievementType.MICRO_CREDENTIAL,
        name="Data Analysis with Python",
        description=(
            "Recognizes the ability to load, clean, query and model tabular data with Python "
            "and SQL, and to report the findings to a non-specialist audience."
        ),
        criteria=Criteria(
            id=f"{achievement_id}/criteria",
            narrative=(
                "# Requirements\n"
                "1. Attend at least 80 % of the 40 hours of live sessions.\n"
                "2. Complete the six graded exercises.\n"
                "3. Pass the final project (a reproducible analysis of an open data set) "
                "with a score of at least 60 %."
            ),
        ),
        image=Image(
            id="https://badges.example.org/media/achievements/data-analysis-python.png",
            caption="Badge: Data Analysis with Python",
        ),
        creator=creator,
        credits_available=2.0,
        field_of_study="Data science",
        human_code="DA-PY-101",
        in_language="en",
        version="2024.1",
        tag=("python", "sql", "data analysis", "machine learning"),
        alignment=tuple(
            Alignment(
                target_name=label,
                target_url=uri,
                target_code=uri.rsplit("/", 1)[1],
                target_framework=_ESCO,
                target_description=f"ESCO skill: {label}",
            )
            for uri, label in ESCO_SKILLS
        ),
        result_description=(
            ResultDescription(
                id=SAMPLE_RESULT_DESCRIPTION_ID,
                name="Final project score",
                result_type=ResultType.PERCENT,
                value_min="0",
                value_max="100",
                required_value="60",
            ),
        ),
    )


def realistic_credential_model(
    *,
    credential_id: str | None = None,
    issuer_id: str = SAMPLE_ISSUER_ID,
    recipient_email: str = SAMPLE_RECIPIENT_EMAIL,
    recipient_id: str | None = None,
    salt: str | None = None,
    valid_from: datetime | None = None,
    status_list_credential: str = SAMPLE_STATUS_LIST,
    status_list_index: int = 94567,
) -> AchievementCredential:
    """The sample credential as a model object (see ``realistic_credential``)."""
    valid_from = valid_from or datetime.now(UTC)
    issuer = realistic_issuer(issuer_id)
    return AchievementCredential(
        # The credentialSchema's type lives in the OB 3.0 extensions context.
        context=OB3_CONTEXT_WITH_EXTENSIONS,
        id=credential_id or new_credential_id(),
        name="Data Analysis with Python",
        description="Micro-credential awarded for completing Data Analysis with Python.",
        issuer=issuer,
        valid_from=valid_from,
        valid_until=valid_from + timedelta(days=5 * 365),
        awarded_date=valid_from,
        credential_subject=AchievementSubject(
            id=recipient_id,
            identifier=(hashed_email(recipient_email, salt),),
            achievement=realistic_achievement(),
            activity_start_date=valid_from - timedelta(days=42),
            activity_end_date=valid_from - timedelta(days=1),
            credits_earned=2.0,
            result=(Result(result_description=SAMPLE_RESULT_DESCRIPTION_ID, value="87"),),
        ),
        evidence=(
            Evidence(
                id="https://badges.example.org/evidence/final-project/3f9a1c",
                name="Final project",
                description="A reproducible analysis of Hamburg's open bicycle-count data.",
                genre="Project",
            ),
        ),
        credential_schema=(achievement_credential_schema(),),
        credential_status={
            "id": f"{status_list_credential}#{status_list_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(status_list_index),
            "statusListCredential": status_list_credential,
        },
    )


def realistic_credential(**options: Any) -> dict[str, Any]:
    """The sample credential as a plain, unsigned JSON-LD dict, ready to sign.

    Accepts the keyword arguments of ``realistic_credential_model``.
    """
    return realistic_credential_model(**options).to_json()
