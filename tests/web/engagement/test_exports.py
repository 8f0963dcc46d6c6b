"""The dashboard's CSV: per day × kind × channel, and one row per credential; Excel-safe."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from microcred.web.engagement.models import Event
from microcred.web.engagement.spreadsheet import csv_lines, safe_cell
from tests.web.credentials.helpers import designed_badge, issue_sample
from tests.web.engagement.helpers import copies, event

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(make_user):
    return make_user()


@pytest.fixture
def badge(make_organization, owner):
    return designed_badge(make_organization(owner=owner))


@pytest.fixture
def credentials(badge):
    template = issue_sample(badge.organization, suspension=False, achievement=badge)
    issued = timezone.now() - timedelta(days=3)
    rows = copies(template, 2, issued=[issued, issued + timedelta(minutes=1)])
    template.delete()
    return rows


def download(client, badge, name: str, days: int = 30):
    path = f"/o/{badge.organization.slug}/achievements/{badge.public_id}/engagement/{name}"
    response = client.get(f"{path}?days={days}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return b"".join(response.streaming_content)


def rows_of(body: bytes) -> list[list[str]]:
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_daily_export_has_a_row_per_day_kind_and_channel(login, owner, badge, credentials):
    first, second = credentials
    day = timezone.now() - timedelta(days=2)
    Event.objects.bulk_create(
        [
            event(first, "viewed", at=day),
            event(second, "viewed", at=day),
            event(first, "viewed", at=day, bot=True),
            event(first, "downloaded", "pdf", at=day),
            event(first, "downloaded", "png", at=day),
            event(first, "viewed", at=day - timedelta(days=60)),  # outside 30 days
        ]
    )

    rows = rows_of(download(login(owner), badge, "days.csv"))

    date = timezone.localdate(day).isoformat()
    assert rows[0] == ["Date", "Event", "Channel", "People", "Crawlers and scripts"]
    assert rows[1:] == [
        [date, "downloaded", "pdf", "1", "0"],
        [date, "downloaded", "png", "1", "0"],
        [date, "viewed", "", "2", "1"],
    ]


def test_the_credential_export_has_timestamps_counts_and_umlauts(login, owner, badge, credentials):
    first, second = credentials
    first.recipient_name = "Jürgen Weiß"
    first.save(update_fields=["recipient_name"])
    opened = timezone.now() - timedelta(days=2, hours=3)
    Event.objects.bulk_create(
        [
            event(first, "delivered", at=opened - timedelta(hours=1)),
            event(first, "opened", at=opened),
            event(first, "viewed", at=opened),
            event(first, "viewed", at=opened),
            event(first, "viewed", at=opened, bot=True),
            event(first, "shared", "linkedin_add", at=opened),
            event(first, "verified", "api", at=opened),
        ]
    )

    rows = rows_of(download(login(owner), badge, "credentials.csv"))

    assert rows[0][:3] == ["Credential", "Recipient", "Issued at"]
    by_id = {row[0]: row for row in rows[1:]}
    assert len(by_id) == 2
    row = by_id[str(first.public_id)]
    assert row[1] == "Jürgen Weiß"
    assert row[4] == timezone.localtime(opened).strftime("%Y-%m-%d %H:%M")
    assert row[5] == ""  # not claimed
    assert row[6:] == ["2", "1", "0", "1"]
    assert by_id[str(second.public_id)][3:] == ["", "", "", "0", "0", "0", "0"]


def test_names_that_look_like_formulas_are_defused(login, owner, badge, credentials):
    first, second = credentials
    first.recipient_name = '=HYPERLINK("http://evil.example","Klick")'
    first.save(update_fields=["recipient_name"])
    second.recipient_name = "@SUM(A1)"
    second.save(update_fields=["recipient_name"])

    rows = rows_of(download(login(owner), badge, "credentials.csv"))

    names = sorted(row[1] for row in rows[1:])
    assert names == ['\'=HYPERLINK("http://evil.example","Klick")', "'@SUM(A1)"]


@pytest.mark.parametrize("text", ["=1+2", "+49 30 1234", "-5", "@cmd", "\tTab", "\rCR"])
def test_every_formula_start_gets_an_apostrophe(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Müller", "a=b", "", 5, -5, None])
def test_other_cells_stay_as_they_are(value):
    assert safe_cell(value) == value


def test_lines_are_written_one_at_a_time():
    lines = csv_lines(["a", "b"], iter([[1, "ü"], [2, "=x"]]))

    assert next(lines) == "\ufeffa,b\r\n"
    assert list(lines) == ["1,ü\r\n", "2,'=x\r\n"]


def test_another_organization_cannot_export(login, make_user, make_organization, badge):
    stranger = make_user()
    make_organization("Fremde GmbH", owner=stranger)
    path = f"/o/{badge.organization.slug}/achievements/{badge.public_id}/engagement/days.csv"

    assert login(stranger).get(path).status_code == 404
