"""Where data lives, and refusing folders that would not be private."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from workbook.errors import UnsafePermissions
from workbook.paths import check_private, ensure_private_dir, resolve_data_dir
from workbook.storage import DataRoot


def test_data_dir_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("WORKBOOK_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir(None) == tmp_path / "xdg" / "side-by-side"


def test_nothing_created_until_needed(tmp_path: Path) -> None:
    root = DataRoot(tmp_path / "data")
    assert root.cards() == []
    assert not (tmp_path / "data").exists()


def test_group_writable_data_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    os.chmod(folder, 0o777)
    with pytest.raises(UnsafePermissions) as caught:
        DataRoot(folder).prepare()
    assert "other users" in str(caught.value)


def test_own_loose_bits_are_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    ensure_private_dir(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    f = folder / "f.json"
    f.write_text("{}")
    os.chmod(f, 0o644)
    check_private(f, is_dir=False)
    assert stat.S_IMODE(f.stat().st_mode) == 0o600


def test_symlink_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    with pytest.raises(UnsafePermissions):
        check_private(link, is_dir=True)
