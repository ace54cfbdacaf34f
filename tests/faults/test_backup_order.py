"""Backups are ordered by the workbook's own save counter, never by the clock (issue 22, item 2).

The clock in a backup's name is only a label: a clock that was years ahead for a while, or a
move across time zones, must not make an old backup look like the latest one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from workbook import clock
from workbook.cli import main
from workbook.models import Checkin, ProfileCard
from workbook.storage import DataRoot, PlainCodec, list_backups
from workbook.storage.backups import DAILY, KEEP_MANUAL, MANUAL, latest_good, prune, take_backup
from workbook.storage.restore import restore_backup
from workbook.storage.store import is_good


def _a_day_with_a_checkin(root: DataRoot, card: ProfileCard, when: datetime | date) -> None:
    with clock.pinned(when):
        repo = root.open(card)  # the day's first open takes the daily backup
        repo.save(Checkin(on=clock.today(), mood=3, craving=2))
        repo.close()


def _checkins(root: DataRoot, card: ProfileCard) -> int:
    repo = root.open(card, write=False)
    try:
        return len(repo.all(Checkin))
    finally:
        repo.close()


def _eight_wrong_days_then_twenty_right(root: DataRoot, card: ProfileCard) -> None:
    wrong, right = date(2036, 3, 1), date(2026, 11, 8)
    for n in range(8):
        _a_day_with_a_checkin(root, card, wrong + timedelta(days=n))
    for n in range(20):
        _a_day_with_a_checkin(root, card, right + timedelta(days=n))


def test_a_clock_years_ahead_for_a_while_does_not_win_the_restore(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    _eight_wrong_days_then_twenty_right(root, card)
    files = root.files(card)
    assert _checkins(root, card) == 28

    daily = [b for b in list_backups(files.backups) if b.kind == DAILY]
    assert all(b.taken.year == 2026 for b in daily[:7])  # the 7 newest kept are the real ones
    assert len([b for b in daily if b.taken.year == 2026]) >= 7

    assert root.restore_latest(card)  # what the app's "Restore the backup" button does
    assert _checkins(root, card) == 27  # the newest backup: taken before the 28th check-in


def test_restore_from_the_command_line_shows_what_the_backup_holds(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    card = make_profile()
    _eight_wrong_days_then_twenty_right(root, card)
    assert main(["--data-dir", str(root.path), "restore", "--list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].startswith("  1. 2026-11-27") and "27 check-ins" in listing[0]
    assert main(["--data-dir", str(root.path), "restore"]) == 0
    out = capsys.readouterr().out
    assert "holds 27 check-ins; newest entry 8 Mar 2036; save 27" in out  # the dates typed
    assert "Your workbook now holds 28 check-ins" in out
    assert "kept as a pre-restore backup" in out
    assert _checkins(root, card) == 27


def test_a_move_across_time_zones_does_not_list_an_older_backup_first(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """UTC+14 to UTC-11: the local clock goes back 25 hours between two days of use."""
    card = make_profile()
    _a_day_with_a_checkin(root, card, datetime(2026, 11, 27, 23, 0))  # in Kiribati
    _a_day_with_a_checkin(root, card, datetime(2026, 11, 26, 22, 30))  # then in Samoa
    with clock.pinned(datetime(2026, 11, 26, 23, 0)):
        root.open(card).close()  # no new daily backup: the 26th already has one
    files = root.files(card)
    newest = list_backups(files.backups)[0]
    assert newest.taken == datetime(2026, 11, 26, 22, 30)  # later in saves, earlier by clock
    good = latest_good(files.backups, lambda raw: is_good(raw, PlainCodec()))
    assert good == newest
    restore_backup(files, PlainCodec(), newest.path)
    assert _checkins(root, card) == 1


def test_after_restoring_an_old_backup_the_next_backups_count_on_above_it(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    start = date(2026, 11, 1)
    for n in range(5):
        _a_day_with_a_checkin(root, card, start + timedelta(days=n))
    files = root.files(card)
    oldest = list_backups(files.backups)[-1]
    restore_backup(files, PlainCodec(), oldest.path)  # the person chose an old one
    _a_day_with_a_checkin(root, card, start + timedelta(days=6))
    newest = list_backups(files.backups)[0]
    assert newest.kind == DAILY and newest.taken.date() == start + timedelta(days=6)
    good = latest_good(files.backups, lambda raw: is_good(raw, PlainCodec()))
    assert good == newest


def test_manual_backups_keep_the_newest_ten(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    card = make_profile()
    files = root.files(card)
    files.prepare()
    for count in range(12):
        # labels run backwards, so only the counter can say which are newest
        when = datetime(2026, 11, 27, 9, 0) - timedelta(hours=count)
        take_backup(files.workbook, files.backups, MANUAL, when, count=count)
    take_backup(files.workbook, files.backups, DAILY, datetime(2020, 1, 1), count=0)
    prune(files.backups)
    manual = [b for b in list_backups(files.backups) if b.kind == MANUAL]
    assert [b.count for b in manual] == list(range(11, 11 - KEEP_MANUAL, -1))
    assert any(b.kind == DAILY for b in list_backups(files.backups))

    assert main(["--data-dir", str(root.path), "backup"]) == 0
    out = capsys.readouterr().out
    assert "10 newest manual backups are kept; 1 older one(s) removed" in out
    assert len([b for b in list_backups(files.backups) if b.kind == MANUAL]) == KEEP_MANUAL


def test_the_app_shows_what_the_latest_backup_holds(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from workbook.profile import backup_holds, latest_good_backup

    card = make_profile()
    _eight_wrong_days_then_twenty_right(root, card)
    latest = latest_good_backup(root, card, None)
    assert latest is not None
    assert backup_holds(latest, None) == "27 check-ins; newest entry 8 Mar 2036; save 27"
