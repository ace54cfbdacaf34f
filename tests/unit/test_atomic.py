"""Atomic writes: the basic behaviour, before any fault is injected."""

from __future__ import annotations

import stat
from pathlib import Path

from workbook.storage.atomic import atomic_write, clean_stale_temps


def test_writes_new_file_private(tmp_path: Path) -> None:
    target = tmp_path / "w.json"
    atomic_write(target, b"hello")
    assert target.read_bytes() == b"hello"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.json"]


def test_replaces_existing_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "w.json"
    atomic_write(target, b"a" * 1000)
    atomic_write(target, b"short")
    assert target.read_bytes() == b"short"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.json"]


def test_clean_stale_temps_removes_only_temps(tmp_path: Path) -> None:
    (tmp_path / "workbook.json").write_bytes(b"{}")
    (tmp_path / ".workbook.json.tmp-123-abcd").write_bytes(b"half")
    (tmp_path / ".workbook.json.tmp-prev-abcd").write_bytes(b"old")
    (tmp_path / ".lock").write_bytes(b"")
    removed = clean_stale_temps(tmp_path)
    assert len(removed) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [".lock", "workbook.json"]
