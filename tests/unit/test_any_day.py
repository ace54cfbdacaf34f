"""The date-sensitive paths, run on the hard days of the calendar.

Each test here runs once per day in ``HARD_DAYS`` (year end, 1 January inside ISO week 53, the
Monday of week 53, 29 February, and the two daylight-saving changes in a zone that has them), with
the one clock pinned to it. Together with the ``faketime`` run in CI, a test or a feature that
works only on the day it was written cannot land.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from workbook import clock, reviews
from workbook.cli import main
from workbook.models import Checkin, Pathway, Profile
from workbook.storage import DataRoot, list_backups, open_store
from workbook.storage.backups import DAILY
from workbook.weeks import week_of

HARD_DAYS = {
    "year-end": (date(2026, 12, 31), None),
    "new-year-in-iso-week-53": (date(2027, 1, 1), None),
    "monday-of-iso-week-53": (date(2026, 12, 28), None),
    "leap-day": (date(2028, 2, 29), None),
    "dst-spring-new-york": (date(2027, 3, 14), "America/New_York"),
    "dst-autumn-london": (date(2027, 10, 31), "Europe/London"),
}


@pytest.fixture(params=list(HARD_DAYS), ids=list(HARD_DAYS))
def day(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[date]:
    """A hard day, pinned on the one clock (in its time zone where it has one)."""
    when, zone = HARD_DAYS[request.param]
    if zone:
        monkeypatch.setenv("TZ", zone)
        time.tzset()
    try:
        with clock.pinned(when):
            yield when
    finally:
        monkeypatch.undo()
        time.tzset()


def cli(root: DataRoot, *args: str) -> int:
    return main(["--data-dir", str(root.path), *args])


def test_one_daily_backup_a_day_named_for_that_day(root: DataRoot, day: date) -> None:
    files = root.files(root.create(Profile(display_name="Sam")))
    for _ in range(3):
        open_store(files).close()
    [backup] = list_backups(files.backups)
    assert backup.kind == DAILY and backup.taken.date() == day
    with clock.pinned(day + timedelta(days=1)):
        open_store(files).close()
    assert [b.taken.date() for b in list_backups(files.backups)] == [day + timedelta(days=1), day]


def test_checkin_from_the_command_line_lands_on_that_day(
    root: DataRoot, day: date, capsys: pytest.CaptureFixture[str]
) -> None:
    root.create(Profile(display_name="Sam", pathway=Pathway.STOP))
    assert cli(root, "checkin", "--mood", "4", "--craving", "1", "--used", "no") == 0
    yesterday = (day - timedelta(days=1)).isoformat()
    assert cli(root, "checkin", "--mood", "2", "--craving", "3", "--date", yesterday) == 0
    capsys.readouterr()
    repo = root.open(root.find("Sam"), write=False)
    try:
        stored = {c.on: c for c in repo.all(Checkin)}
    finally:
        repo.close()
    assert set(stored) == {day, day - timedelta(days=1)}
    assert stored[day - timedelta(days=1)].filled_in_on == day
    assert cli(root, "today", "--format", "json") == 0
    said = json.loads(capsys.readouterr().out)
    assert said["date"] == day.isoformat() and said["checkin"]["done"] is True


def test_the_review_week_holds_the_day(root: DataRoot, day: date) -> None:
    repo = root.open(root.create(Profile(display_name="Sam")))
    try:
        week = week_of(day)
        assert week.start <= day <= week.start + timedelta(days=6)
        due = reviews.due(repo, day)
        assert due.week == week
        if day == date(2027, 1, 1):
            assert day.isocalendar()[:2] == (2026, 53)
    finally:
        repo.close()
