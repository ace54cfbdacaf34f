"""Fault injection at every step of a save: the error surfaces, the old bytes stay."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workbook.errors import WriteFailed
from workbook.models import Goal, ProfileCard
from workbook.storage import DataRoot, Repository, atomic

STEPS = ["_open_temp", "_write", "_flush", "_fsync", "_replace", "_fsync_dir"]
ERRORS = [errno.ENOSPC, errno.EIO, errno.EACCES, errno.EROFS]


def _failing(code: int) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, "injected")

    return fail


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


@pytest.mark.parametrize("code", ERRORS)
@pytest.mark.parametrize("step", STEPS)
def test_fault_at_each_step_keeps_previous_bytes(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    monkeypatch: pytest.MonkeyPatch,
    step: str,
    code: int,
) -> None:
    card = make_profile()
    repo = root.open(card)
    repo.save(Goal(title="Walk every morning"))
    files = root.files(card)
    before = files.workbook.read_bytes()

    with monkeypatch.context() as m:
        m.setattr(atomic, step, _failing(code))
        with pytest.raises(WriteFailed) as caught:
            repo.save(Goal(title="This one cannot be saved"))
    assert "Nothing already saved was lost" in str(caught.value)
    assert files.workbook.read_bytes() == before
    assert _leftovers(files.folder) == []
    # What the app sees matches the disk: the failed goal is not there...
    assert [g.title for g in repo.all(Goal)] == ["Walk every morning"]
    # ...and once the fault is gone the same store saves again.
    repo.save(Goal(title="Tried again"))
    assert len(repo.all(Goal)) == 2
    repo.close()
    reopened = root.open(card)
    assert [g.title for g in reopened.all(Goal)] == ["Walk every morning", "Tried again"]
    reopened.close()


def test_fault_forever_store_stays_usable_for_reading(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.save(Goal(title="Kept"))
    monkeypatch.setattr(atomic, "_fsync", _failing(errno.EIO))
    for attempt in range(3):
        with pytest.raises(WriteFailed):
            repo.save(Goal(title=f"lost {attempt}"))
        assert [g.title for g in repo.all(Goal)] == ["Kept"]


def test_failed_transaction_saves_nothing(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.save(Goal(title="Before"))
    monkeypatch.setattr(atomic, "_replace", _failing(errno.ENOSPC))
    with pytest.raises(WriteFailed), repo.transaction():
        repo.save(Goal(title="One"))
        repo.save(Goal(title="Two"))
    assert [g.title for g in repo.all(Goal)] == ["Before"]


def test_error_inside_transaction_rolls_back(repo: Repository) -> None:
    repo.save(Goal(title="Before"))
    with pytest.raises(RuntimeError), repo.transaction():
        repo.save(Goal(title="Half"))
        raise RuntimeError("something else went wrong")
    assert [g.title for g in repo.all(Goal)] == ["Before"]


def test_folder_fsync_failure_on_first_save_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic, "_fsync_dir", _failing(errno.EIO))
    target = tmp_path / "new.json"
    with pytest.raises(WriteFailed):
        atomic.atomic_write(target, b"{}")
    assert list(tmp_path.iterdir()) == []


def test_no_hard_links_still_saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a file system without hard links (FAT USB sticks) saves still work."""
    target = tmp_path / "w.json"
    atomic.atomic_write(target, b"one")
    monkeypatch.setattr(atomic, "_link", _failing(errno.EPERM))
    atomic.atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert _leftovers(tmp_path) == []


def test_backup_fault_is_reported_not_fatal(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = make_profile()
    files = root.files(card)
    real = atomic.atomic_write

    def fail_in_backups(path: Path, data: bytes) -> None:
        if path.parent == files.backups:
            raise WriteFailed("the disk is full")
        real(path, data)

    monkeypatch.setattr("workbook.storage.backups.atomic_write", fail_in_backups)
    repo = root.open(card)
    assert any("backup could not be made" in w for w in repo.warnings)
    repo.save(Goal(title="Still saves"))
    assert _leftovers(files.backups) == []
    repo.close()


def test_a_failed_save_forgets_what_was_remembered(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A summary remembered before a failed save is made again from what is really stored."""

    def titles() -> tuple[str, ...]:
        return tuple(g.title for g in repo.all(Goal))

    repo.save(Goal(title="Stored"))
    monkeypatch.setattr(atomic, "_fsync", _failing(errno.EIO))
    with pytest.raises(WriteFailed), repo.transaction():
        repo.save(Goal(title="Never stored"))
        assert repo.remembered("titles", titles) == ("Stored", "Never stored")
    monkeypatch.undo()
    assert repo.remembered("titles", titles) == ("Stored",)
