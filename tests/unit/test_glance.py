"""Reading a few fields of many entries (``Repository.glance``), as Home does for check-ins."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from pydantic import ValidationError

from tests.conftest import TODAY
from workbook import checkins
from workbook.demo import build_demo
from workbook.models import Checkin, CheckinDay, ProfileCard, UseAnswer
from workbook.storage import DataRoot, Repository
from workbook.storage.migrations import SCHEMA_VERSION
from workbook.stretches import record_of


def test_a_glance_reads_the_fields_of_its_view_and_leaves_the_rest(repo: Repository) -> None:
    day = TODAY - timedelta(days=3)
    repo.save(Checkin(on=day, mood=2, craving=7, used=UseAnswer.YES, note="long <b>[red]x"))
    repo.save(Checkin(on=TODAY, mood=5))
    seen = sorted(repo.glance(Checkin, CheckinDay), key=lambda c: c.on)
    assert seen == [
        CheckinDay(on=day, mood=2, craving=7, used=UseAnswer.YES),
        CheckinDay(on=TODAY, mood=5),
    ]
    assert not hasattr(seen[0], "note")


def test_a_stored_entry_that_does_not_fit_is_an_error_as_with_all(repo: Repository) -> None:
    repo.save(Checkin(on=TODAY, mood=5))
    table = repo._table(Checkin)
    table.update({"mood": 9})  # out of range: as damaged as it gets past the open checks
    with pytest.raises(ValidationError):
        repo.all(Checkin)
    with pytest.raises(ValidationError):
        repo.glance(Checkin, CheckinDay)


def test_home_s_days_give_the_same_record_as_whole_check_ins(root: DataRoot) -> None:
    card = build_demo(root, years=3, seed=2, today=TODAY)
    repo = root.open(card)
    days = checkins.checkin_days(repo)
    whole = checkins.all_checkins(repo)
    assert [d.on for d in days] == [c.on for c in whole]
    assert [(d.mood, d.craving, d.used) for d in days] == [
        (c.mood, c.craving, c.used) for c in whole
    ]
    assert record_of(repo, TODAY, known=days) == record_of(repo, TODAY)
    assert checkins.missed_days(repo, TODAY, known=days) == checkins.missed_days(repo, TODAY)
    assert any(d.used is not None and d.used.is_setback for d in days)  # setbacks are there


def test_the_days_are_remembered_until_the_workbook_changes(repo: Repository) -> None:
    repo.save(Checkin(on=TODAY - timedelta(days=1), mood=3))
    first = checkins.checkin_days(repo)
    assert checkins.checkin_days(repo) is first  # Home's counter and card share one read
    repo.save(Checkin(on=TODAY, mood=4))
    again = checkins.checkin_days(repo)
    assert [d.on for d in again] == [TODAY - timedelta(days=1), TODAY]


def test_a_newer_file_shows_what_fits_and_leaves_out_what_does_not(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Read-only, from a newer version: a day with a field this version does not know is still
    read; one whose mood this version cannot read is left out, as ``all`` leaves it out."""
    card = make_profile()
    repo = root.open(card)
    repo.save(Checkin(on=TODAY - timedelta(days=1), mood=2))
    repo.save(Checkin(on=TODAY, mood=4))
    repo.close()
    files = root.files(card)
    data = json.loads(files.workbook.read_bytes())
    data["_meta"]["1"].update(schema_version=SCHEMA_VERSION + 1, app_version="9.9.9")
    first, second = sorted(data["checkins"], key=lambda k: data["checkins"][k]["on"])
    data["checkins"][first]["a_future_field"] = "new"
    data["checkins"][second]["mood"] = "very good"  # a newer version's kind of mood
    files.workbook.write_text(json.dumps(data), encoding="utf-8")

    newer = root.open(card)
    assert newer.read_only
    assert [c.on for c in newer.glance(Checkin, CheckinDay)] == [TODAY - timedelta(days=1)]
    assert [c.on for c in newer.all(Checkin)] == [TODAY - timedelta(days=1)]
    newer.close()
