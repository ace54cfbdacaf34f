"""A change made behind an open window is never overwritten (issue 22, item 1).

The profile lock keeps a second writer out, but the lock file can be removed (a cleaner, a sync
tool) and the workbook file can be copied back from a USB stick. Before each save the open store
checks the file is still the one it last read or wrote; if not, the other version is kept whole
as a backup, what only it changed is merged in, and the person is told.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from workbook import clock
from workbook.cli import main
from workbook.errors import WriteFailed
from workbook.models import Checkin, Goal, ProfileCard
from workbook.storage import DataRoot, Repository, list_backups
from workbook.storage import guard as guard_module
from workbook.storage.backups import CHANGED_ELSEWHERE

ROOT = Path(__file__).resolve().parents[2]
CHECKIN = ("--mood", "4", "--craving", "2", "--note", "acknowledged")


def _behind_the_window(root: DataRoot, card: ProfileCard, change: Callable[[Repository], None]):
    """Another writer gets in after the lock file was removed, saves, and leaves."""
    root.files(card).lock.unlink()
    other = root.open(card)
    try:
        change(other)
    finally:
        other.close()
    return root.files(card).workbook.read_bytes()


def _kept(root: DataRoot, card: ProfileCard) -> list[Path]:
    return [b.path for b in list_backups(root.files(card).backups) if b.kind == CHANGED_ELSEWHERE]


def test_a_checkin_saved_behind_an_open_window_survives_its_next_save(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    card = make_profile()
    window = root.open(card)
    window.save(Goal(title="Walk at lunch"))
    theirs = _behind_the_window(
        root, card, lambda repo: repo.save(Checkin(on=clock.today(), mood=4, craving=2, note="ok"))
    )

    window.save(Goal(title="Call Sam on Sunday"))
    [notice] = window.take_notices()
    window.close()

    stored = root.open(card, write=False)
    assert [(c.mood, c.craving, c.note) for c in stored.all(Checkin)] == [(4, 2, "ok")]
    assert [g.title for g in stored.all(Goal)] == ["Walk at lunch", "Call Sam on Sunday"]
    stored.close()
    [kept] = _kept(root, card)
    assert kept.read_bytes() == theirs  # the other version, whole, byte for byte
    assert main(["--data-dir", str(root.path), "doctor"]) == 0
    assert "1 version(s) written behind an open window" in capsys.readouterr().out
    assert "changed outside this window" in notice and kept.name in notice
    assert "1 entry was added" in notice


def test_a_cli_checkin_with_the_lock_file_removed(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The reproduction from the issue, with a real second process."""
    card = make_profile()
    window = root.open(card)
    root.files(card).lock.unlink()
    done = subprocess.run(
        [sys.executable, "-m", "workbook", "--data-dir", str(root.path), "checkin", *CHECKIN],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "Saved the check-in" in done.stdout
    window.save(Goal(title="From the window"))
    window.close()

    stored = root.open(card, write=False)
    assert [c.note for c in stored.all(Checkin)] == ["acknowledged"]
    assert [g.title for g in stored.all(Goal)] == ["From the window"]
    stored.close()


def test_after_a_merge_new_entries_still_get_free_ids(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """TinyDB caches the next id per table; the merged-in entry must not be overwritten."""
    card = make_profile()
    window = root.open(card)
    day = clock.today()
    window.save(Checkin(on=day - timedelta(days=5), mood=3, craving=1))
    _behind_the_window(root, card, lambda r: r.save(Checkin(on=day, mood=5, craving=0)))
    for back in (4, 3, 2):
        window.save(Checkin(on=day - timedelta(days=back), mood=2, craving=3))
    window.close()

    stored = root.open(card, write=False)
    days = sorted(c.on for c in stored.all(Checkin))
    stored.close()
    assert days == [day - timedelta(days=n) for n in (5, 4, 3, 2, 0)]


def test_the_same_entry_changed_in_both_places_keeps_both(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    window = root.open(card)
    goal = Goal(title="Sleep by eleven")
    window.save(goal)

    def rename(repo: Repository) -> None:
        repo.save(goal.model_copy(update={"title": "Sleep by midnight"}))

    theirs = _behind_the_window(root, card, rename)
    window.save(goal.model_copy(update={"title": "Sleep by ten"}))
    [notice] = window.take_notices()
    window.close()

    stored = root.open(card, write=False)
    assert [g.title for g in stored.all(Goal)] == ["Sleep by ten"]
    stored.close()
    [kept] = _kept(root, card)
    assert kept.read_bytes() == theirs and b"Sleep by midnight" in theirs
    assert "1 entry was changed in both places" in notice


def test_an_older_copy_put_back_is_kept_and_not_trusted(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """A file copied back from a USB stick: the window's newer words stay, the copy is kept."""
    card = make_profile()
    files = root.files(card)
    old_copy = files.workbook.read_bytes()
    window = root.open(card)
    window.save(Goal(title="Written after the copy"))
    files.workbook.write_bytes(old_copy)  # the stick's older copy replaces the file
    os.utime(files.workbook, ns=(1, 1))
    window.save(Goal(title="And one more"))
    [notice] = window.take_notices()
    window.close()
    assert "older than this window's" in notice

    stored = root.open(card, write=False)
    assert [g.title for g in stored.all(Goal)] == ["Written after the copy", "And one more"]
    stored.close()
    [kept] = _kept(root, card)
    assert kept.read_bytes() == old_copy


def test_a_touched_but_unchanged_file_is_saved_quietly(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    window = root.open(card)
    window.save(Goal(title="One"))
    os.utime(root.files(card).workbook, ns=(5, 5))  # a backup tool touched it
    window.save(Goal(title="Two"))
    assert window.take_notices() == []
    window.close()
    assert _kept(root, card) == []


def test_if_the_other_version_cannot_be_kept_nothing_is_overwritten(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = make_profile()
    window = root.open(card)
    theirs = _behind_the_window(
        root, card, lambda r: r.save(Checkin(on=date(2026, 11, 26), mood=3, craving=3))
    )

    def disk_full(*args: object, **kwargs: object) -> Path:
        raise WriteFailed("the disk is full")

    monkeypatch.setattr(guard_module.backups, "take_backup_bytes", disk_full)
    with pytest.raises(WriteFailed) as caught:
        window.save(Goal(title="Not yet"))
    assert "nothing was overwritten" in str(caught.value)
    assert root.files(card).workbook.read_bytes() == theirs
    window.close()
