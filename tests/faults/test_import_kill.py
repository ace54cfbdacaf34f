"""kill -9 during an import, at each step: the new workbook is there whole, or not at all.

The child is forked and kills itself with SIGKILL at a chosen step, so no ``finally`` runs,
exactly as when the power goes or someone ends the process. The next import cleans up.
"""

from __future__ import annotations

import os
import signal
from datetime import date
from typing import Any

import pytest

from workbook.models import Checkin
from workbook.storage import DataRoot, Repository, transfer
from workbook.storage.transfer import export_bytes, import_new_profile, read_export

STEPS = ("after_keys", "after_data", "before_rename", "after_rename")


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _child(root: DataRoot, raw: bytes, step: str) -> None:
    real_store, real_move = transfer.create_store, transfer._move_into_place

    def store(*args: Any) -> None:
        if step == "after_keys":
            _die()
        real_store(*args)
        if step == "after_data":
            _die()

    def move(*args: Any) -> None:
        if step == "before_rename":
            _die()
        real_move(*args)
        _die()

    transfer.create_store = store  # type: ignore[assignment]
    transfer._move_into_place = move  # type: ignore[assignment]
    import_new_profile(root, read_export(raw), name="Copy")


@pytest.mark.parametrize("step", STEPS)
def test_a_killed_import_leaves_all_or_nothing(step: str, repo: Repository, root: DataRoot) -> None:
    for day in range(1, 21):
        repo.save(Checkin(on=date(2026, 11, day), mood=3))
    raw = export_bytes(repo, "2026-11-27T10:00:00+00:00")
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            _child(root, raw, step)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    names = [c.display_name for c in root.cards()]
    if step == "after_rename":
        copy = root.find("Copy")
        opened = root.open(copy, write=False)
        try:
            assert len(opened.all(Checkin)) == 20
        finally:
            opened.close()
    else:
        assert "Copy" not in names
        assert len(list(root.path.glob(".import-*"))) == 1  # out of sight until the next import
        import_new_profile(root, read_export(raw), name="Copy")
        assert not list(root.path.glob(".import-*"))
        assert "Copy" in [c.display_name for c in root.cards()]
