"""AchievementSubject and Result: the recipient and what they reached."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from microcred.openbadges.model import (
    Achievement,
    AchievementSubject,
    Criteria,
    ModelError,
    Result,
    ResultStatus,
    hashed_email,
)

ACHIEVEMENT = Achievement(
    id="https://example.org/achievements/1",
    name="Teamwork",
    description="Works well in a team.",
    criteria=Criteria(narrative="Nominated by peers."),
)


def test_a_subject_named_by_a_did():
    subject = AchievementSubject(
        id="did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH", achievement=ACHIEVEMENT
    )
    written = subject.to_json()
    assert written["type"] == ["AchievementSubject"]
    assert "identifier" not in written


def test_a_subject_named_by_a_hashed_e_mail():
    subject = AchievementSubject(
        identifier=[hashed_email("a@example.com", "Kosher")], achievement=ACHIEVEMENT
    )
    assert subject.to_json()["identifier"][0]["identityType"] == "emailAddress"


def test_a_subject_needs_an_id_or_an_identifier():
    with pytest.raises(ModelError, match="needs an id or at least one identifier"):
        AchievementSubject(achievement=ACHIEVEMENT)


def test_every_subject_field_is_written():
    subject = AchievementSubject(
        id="did:web:example.org:learners:42",
        achievement=ACHIEVEMENT,
        activity_start_date=datetime(2024, 3, 1, 9, tzinfo=UTC),
        activity_end_date=datetime(2024, 4, 30, 17, tzinfo=UTC),
        credits_earned=5,
        license_number="A-9320041",
        narrative="Led the final project team.",
        role="Team lead",
        term="Spring 2024",
        image={"id": "https://example.org/baked/42.png"},
        source={"id": "https://example.org/departments/7", "name": "Department 7"},
        result=[Result(status=ResultStatus.COMPLETED)],
    )
    written = subject.to_json()
    assert written["activityStartDate"] == "2024-03-01T09:00:00Z"
    assert written["activityEndDate"] == "2024-04-30T17:00:00Z"
    assert written["creditsEarned"] == 5
    assert written["licenseNumber"] == "A-9320041"
    assert written["source"]["type"] == ["Profile"]
    assert written["result"] == [{"type": ["Result"], "status": "Completed"}]
    assert AchievementSubject.from_json(written) == subject


def test_the_activity_cannot_end_before_it_starts():
    with pytest.raises(ModelError, match="activityEndDate is before activityStartDate"):
        AchievementSubject(
            id="did:web:example.org",
            achievement=ACHIEVEMENT,
            activity_start_date=datetime(2024, 3, 1, tzinfo=UTC),
            activity_end_date=datetime(2024, 2, 1, tzinfo=UTC),
        )


def test_activity_dates_need_a_time_zone():
    with pytest.raises(ModelError, match=r"activityStartDate: .* has no time zone"):
        AchievementSubject(
            id="did:web:example.org",
            achievement=ACHIEVEMENT,
            activity_start_date=datetime(2024, 3, 1),
        )


def test_a_result_status_is_one_of_the_specs():
    with pytest.raises(ModelError, match="status 'Passed' is not one of: Completed"):
        Result(status="Passed")


def test_a_result_refers_to_its_description_by_uri():
    with pytest.raises(ModelError, match="resultDescription 'grade' is not an absolute URI"):
        Result(result_description="grade", value="A")
