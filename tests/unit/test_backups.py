"""Backups: daily on first open, kept 7 daily + 4 weekly, others never pruned, verified."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from workbook.models import Goal, ProfileCard
from workbook.storage import DataRoot, PlainCodec, list_backups
from workbook.storage.backups import (
    DAILY,
    MANUAL,
    PRE_MIGRATION,
    latest_good,
    prune,
    take_backup,
)
from workbook.storage.store import is_good, open_store


def test_daily_backup_once_per_day(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    files = root.files(card)
    for _ in range(3):
        open_store(files, today=date(2026, 11, 27)).close()
    assert [b.kind for b in list_backups(files.backups)] == [DAILY]
    open_store(files, today=date(2026, 11, 28)).close()
    # The clock in file names is the real one, so count rather than compare dates.
    assert [b.kind for b in list_backups(files.backups)] == [DAILY, DAILY]


def test_prune_keeps_seven_daily_and_four_weekly(tmp_path: Path) -> None:
    source = tmp_path / "w.json"
    source.write_bytes(b"{}")
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(60):
        take_backup(source, folder, DAILY, when=start + timedelta(days=day))
    take_backup(source, folder, MANUAL, when=start)
    take_backup(source, folder, PRE_MIGRATION, when=start)
    prune(folder)
    kept = list_backups(folder)
    daily = [b for b in kept if b.kind == DAILY]
    assert len(daily) == 11
    newest = [b.taken.date() for b in daily[:7]]
    assert newest == [(start + timedelta(days=59 - n)).date() for n in range(7)]
    weeks = {b.taken.isocalendar()[:2] for b in daily[7:]}
    assert len(weeks) == 4
    assert {b.kind for b in kept} == {DAILY, MANUAL, PRE_MIGRATION}


def test_latest_good_skips_unreadable(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    files = root.files(card)
    repo = root.open(card)
    repo.save(Goal(title="x"))
    repo.close()
    good = take_backup(files.workbook, files.backups, MANUAL, when=datetime(2026, 1, 1))
    bad = files.backups / "workbook-20260102T000000-manual-abcdef.json"
    bad.write_bytes(b"{not json")
    codec = PlainCodec()
    found = latest_good(files.backups, lambda raw: is_good(raw, codec))
    assert found is not None
    assert found.path in {good} | {b.path for b in list_backups(files.backups) if b.kind == DAILY}
    assert found.path != bad


def test_foreign_files_in_backups_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "workbook-20260101T000000-weird-abcdef.json").write_text("{}")
    assert list_backups(tmp_path) == []
