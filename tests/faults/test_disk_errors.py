"""Foreseeable trouble on disk gets a plain sentence and the right exit code, never a traceback.

A read-only file system, a folder where the workbook file should be, a file we may not read, a
symbolic link, a failed backup, another writer holding the lock for a moment, a date typed long
before the workbook began (issue 22, "Tracebacks and wrong words").
"""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbook.cli import main
from workbook.errors import EXIT_IN_USE, EXIT_SAVE_FAILED, EXIT_UNREADABLE, EXIT_UNSAFE, WriteFailed
from workbook.models import Checkin, Goal, ProfileCard
from workbook.storage import DataRoot, list_backups
from workbook.storage import atomic as atomic_module
from workbook.storage import store as store_module
from workbook.storage.backups import PRE_RESTORE, take_backup

CHECKIN = ("checkin", "--mood", "4", "--craving", "2")


def run(root: DataRoot, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(root.path), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _with_backup(root: DataRoot, card: ProfileCard) -> bytes:
    repo = root.open(card)
    repo.save(Goal(title="Keep me"))
    repo.close()
    files = root.files(card)
    take_backup(files.workbook, files.backups, "manual")
    return files.workbook.read_bytes()


def _read_only(*args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.EROFS, "Read-only file system")


def _titles(root: DataRoot, card: ProfileCard) -> list[str]:
    repo = root.open(card, write=False)
    try:
        return [g.title for g in repo.all(Goal)]
    finally:
        repo.close()


# Read-only file system ------------------------------------------------------------------------


def test_checkin_on_a_read_only_disk(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    card = make_profile()
    before = _with_backup(root, card)
    # On a read-only mount the first write is the lock file's open.
    monkeypatch.setattr(store_module.FileLock, "acquire", _read_only)
    code, _out, err = run(root, capsys, *CHECKIN)
    assert code == EXIT_SAVE_FAILED and "the disk is read-only" in err
    assert root.files(card).workbook.read_bytes() == before


def test_restore_and_backup_on_a_read_only_disk(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    card = make_profile()
    before = _with_backup(root, card)
    monkeypatch.setattr(atomic_module, "_open_temp", _read_only)
    code, _out, err = run(root, capsys, "restore")
    assert code == EXIT_SAVE_FAILED
    assert "could not be put back (the disk is read-only). Nothing was changed." in err
    code, _out, err = run(root, capsys, "backup")
    assert code == EXIT_SAVE_FAILED
    assert "The backup could not be made (the disk is read-only)" in err
    assert "Your last change" not in err  # it was a backup, not a change, that failed
    assert root.files(card).workbook.read_bytes() == before


def test_a_failed_daily_backup_is_said_by_the_cli(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_profile()

    def full(*args: Any, **kwargs: Any) -> Path:
        raise WriteFailed("the disk is full")

    monkeypatch.setattr(store_module.backups, "take_backup", full)
    code, out, _err = run(root, capsys, *CHECKIN)
    assert code == 0 and "Saved the check-in" in out
    assert "Today's backup could not be made (the disk is full). Your workbook is fine." in out


# A folder, an unreadable file, a symbolic link where the workbook should be ------------------


def test_a_folder_in_the_workbook_place_is_refused_then_fixed_by_restore(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    card = make_profile()
    _with_backup(root, card)
    files = root.files(card)
    files.workbook.unlink()
    files.workbook.mkdir()
    (files.workbook / "stray.txt").write_text("kept")

    code, _out, err = run(root, capsys, *CHECKIN)
    assert code == EXIT_UNREADABLE and "a folder is where the workbook file should be" in err
    code, out, _err = run(root, capsys, "doctor")
    assert code == EXIT_UNREADABLE and "is a folder" in out and "All is well" not in out

    code, out, _err = run(root, capsys, "restore")
    assert code == 0 and "moved, untouched, to" in out and "pre-restore backup" not in out
    assert _titles(root, card) == ["Keep me"]
    [moved] = list(files.quarantine.iterdir())
    assert (moved / "stray.txt").read_text() == "kept"


def test_an_unreadable_file_is_refused_plainly_then_fixed_by_restore(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    card = make_profile()
    _with_backup(root, card)
    files = root.files(card)
    files.workbook.write_bytes(b"secret bytes we may not read")
    real = Path.read_bytes

    def denied(path: Path) -> bytes:
        if path == files.workbook:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", denied)
    code, _out, err = run(root, capsys, *CHECKIN)
    assert code == EXIT_UNREADABLE and "permission was denied" in err
    assert files.workbook.exists()  # never moved for want of permission

    code, out, _err = run(root, capsys, "restore")
    assert code == 0 and "moved, untouched, to" in out
    monkeypatch.undo()
    assert _titles(root, card) == ["Keep me"]
    [moved] = list(files.quarantine.iterdir())
    assert moved.read_bytes() == b"secret bytes we may not read"


def test_doctor_does_not_call_a_symlinked_workbook_well(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    card = make_profile()
    files = root.files(card)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(files.workbook.read_bytes())
    files.workbook.unlink()
    files.workbook.symlink_to(elsewhere)
    code, out, err = run(root, capsys, "doctor")
    # Refused before any check runs (the profile folder's guard), or by doctor's own check.
    assert code == EXIT_UNSAFE and "symbolic link" in out + err and "All is well" not in out
    code, _out, err = run(root, capsys, *CHECKIN)
    assert code == EXIT_UNSAFE and "symbolic link" in err


def test_restore_does_not_claim_a_backup_it_did_not_take(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    card = make_profile()
    _with_backup(root, card)
    files = root.files(card)
    files.workbook.unlink()
    code, out, _err = run(root, capsys, "restore")
    assert code == 0 and "There was no workbook file to replace." in out
    assert "pre-restore" not in out
    assert not [b for b in list_backups(files.backups) if b.kind == PRE_RESTORE]


# Two writers, and dates -------------------------------------------------------------------------


def test_a_cli_writer_waits_a_moment_for_the_lock(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    card = make_profile()
    holder = store_module.acquire_lock(root.files(card))
    releaser = threading.Timer(0.2, holder.release)  # the other writer finishes its save
    releaser.start()
    try:
        code, out, _err = run(root, capsys, *CHECKIN)
    finally:
        releaser.join()
    assert code == 0 and "Saved the check-in" in out
    repo = root.open(card, write=False)
    assert len(repo.all(Checkin)) == 1
    repo.close()


def test_a_cli_writer_still_refuses_when_the_lock_stays_taken(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    card = make_profile()
    monkeypatch.setattr("workbook.commands.daily.LOCK_WAIT", 0.1)
    holder = store_module.acquire_lock(root.files(card))
    try:
        code, _out, err = run(root, capsys, *CHECKIN)
    finally:
        holder.release()
    assert code == EXIT_IN_USE and "open in another window" in err


@pytest.mark.parametrize("day", ["0001-01-01", "1999-12-31", "2026-10-27"])
def test_a_date_long_before_the_workbook_began_is_refused_with_the_range(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    capsys: pytest.CaptureFixture[str],
    day: str,
) -> None:
    card = make_profile()  # started on 27 Nov 2026 (the pinned clock)
    code, _out, err = run(root, capsys, *CHECKIN, "--date", day)
    assert code == 2
    assert "from 28 Oct 2026 to today (27 Nov 2026)" in err
    repo = root.open(card, write=False)
    assert repo.all(Checkin) == []
    repo.close()


def test_the_earliest_allowed_date_is_accepted(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    code, out, _err = run(root, capsys, *CHECKIN, "--date", "2026-10-28")
    assert code == 0 and "Saved the check-in" in out
