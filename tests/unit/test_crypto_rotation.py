"""A change of passphrase or recovery code rotates the data key (issue 16, items 1 and 11).

The attack: a copy of ``keys.json`` taken earlier (the README suggests copying the profile folder
to a USB stick) and the old passphrase must open nothing written after the change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.unit.crypto_helpers import PASS, make_private
from workbook.cli import main
from workbook.errors import InvalidInput
from workbook.models import Goal
from workbook.storage import CorruptData, DataRoot, crypto, list_backups
from workbook.storage.crypto import KeyFile, WrongPassphrase

NEW = "a whole new phrase"


def save_goal(root: DataRoot, card: object, secret: str, title: str) -> Goal:
    repo = root.open(card, codec=root.unlock(card, secret))  # type: ignore[arg-type]
    goal = Goal(title=title)
    repo.save(goal)
    repo.close()
    return goal


def old_copy(root: DataRoot, card: object, tmp_path: Path) -> KeyFile:
    """What someone copied to a USB stick before the change."""
    folder = root.files(card).folder  # type: ignore[arg-type]
    stick = tmp_path / "usb-keys.json"
    shutil.copy(crypto.keys_path(folder), stick)
    return KeyFile.from_bytes(stick.read_bytes())


def every_workbook_file(root: DataRoot, card: object) -> list[Path]:
    files = root.files(card)  # type: ignore[arg-type]
    found = [files.workbook, *(b.path for b in list_backups(files.backups))]
    return found + sorted(files.quarantine.glob("*.json"))


def test_old_key_file_and_old_passphrase_open_nothing_after_a_change(
    root: DataRoot, tmp_path: Path
) -> None:
    card, code = make_private(root)
    save_goal(root, card, PASS, "before")
    stick = old_copy(root, card, tmp_path)
    root.change_passphrase(card, root.unlock(card, PASS), NEW)
    after = save_goal(root, card, NEW, "written after the change")
    old_codec = crypto.try_secret(stick, PASS)
    assert old_codec is not None  # the old copy still opens its own old key...
    for path in every_workbook_file(root, card):
        with pytest.raises(CorruptData):
            old_codec.decode(path.read_bytes())  # ...which opens nothing in the folder now
    assert crypto.try_secret(stick, code) is not None
    # The new passphrase opens everything, backups included.
    new_codec = root.unlock(card, NEW)
    for path in every_workbook_file(root, card):
        assert new_codec.decode(path.read_bytes())
    repo = root.open(card, codec=new_codec)
    assert repo.find(Goal, after.id) == after
    repo.close()


def test_new_recovery_code_rotates_the_key_too(root: DataRoot, tmp_path: Path) -> None:
    card, code = make_private(root)
    stick = old_copy(root, card, tmp_path)
    new_code = root.new_recovery_code(card, root.unlock(card, PASS), PASS)
    save_goal(root, card, new_code, "after the new code")
    old_codec = crypto.try_secret(stick, code)
    assert old_codec is not None
    with pytest.raises(CorruptData):
        old_codec.decode(root.files(card).workbook.read_bytes())
    with pytest.raises(WrongPassphrase):
        root.unlock(card, code)
    root.unlock(card, PASS)  # the passphrase itself is unchanged


def test_new_recovery_code_needs_the_passphrase(root: DataRoot) -> None:
    card, code = make_private(root)
    with pytest.raises(WrongPassphrase):
        root.new_recovery_code(card, root.unlock(card, PASS), "not the passphrase")
    with pytest.raises(InvalidInput, match="recovery code"):
        root.new_recovery_code(card, root.unlock(card, code), code)
    assert root.unlock(card, code).by_recovery  # nothing changed


def test_interrupted_rotation_still_opens_everything_with_the_new_secret(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash after the new key file but before the files are re-encrypted loses nothing."""
    card, _ = make_private(root)
    goal = save_goal(root, card, PASS, "kept through a crash")

    def crash(*args: object, **kwargs: object) -> set[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr("workbook.storage.passphrases._reseal", crash)
    with pytest.raises(KeyboardInterrupt):
        root.change_passphrase(card, root.unlock(card, PASS), NEW)
    monkeypatch.undo()
    with pytest.raises(WrongPassphrase):
        root.unlock(card, PASS)
    keys = crypto.read_keys(root.files(card).folder)
    assert len(keys.retired) == 1  # the old key, sealed under the new one
    repo = root.open(card, codec=root.unlock(card, NEW))
    assert repo.find(Goal, goal.id) == goal
    repo.close()
    # Finishing with another change moves every file to the newest key; none needs an old one.
    root.change_passphrase(card, root.unlock(card, NEW), "third phrase here")
    codec = root.unlock(card, "third phrase here")
    assert crypto.read_keys(root.files(card).folder).retired == []
    for path in every_workbook_file(root, card):
        assert crypto.envelope_key_id(path.read_bytes()) == codec.key_id


def test_damaged_backup_keeps_its_old_key(root: DataRoot) -> None:
    card, _ = make_private(root)
    save_goal(root, card, PASS, "x")
    backup = list_backups(root.files(card).backups)[0].path
    raw = bytearray(backup.read_bytes())
    raw[-10] = ord("A") if raw[-10] != ord("A") else ord("B")
    backup.write_bytes(bytes(raw))
    root.change_passphrase(card, root.unlock(card, PASS), NEW)
    assert bytes(raw) == backup.read_bytes()  # left as it was, never deleted
    assert len(crypto.read_keys(root.files(card).folder).retired) == 1


def test_same_passphrase_is_refused(root: DataRoot) -> None:
    card, _ = make_private(root)
    before = crypto.keys_path(root.files(card).folder).read_bytes()
    with pytest.raises(InvalidInput, match="already has"):
        root.change_passphrase(card, root.unlock(card, PASS), PASS)
    assert crypto.keys_path(root.files(card).folder).read_bytes() == before


def test_cli_passwd_with_env_passphrase_refuses_the_same_one(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    card, _ = make_private(root, "Jo")
    before = crypto.keys_path(root.files(card).folder).read_bytes()
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", PASS)
    assert (
        main(["--data-dir", str(root.path), "profiles", "passwd", "Jo", "--print-recovery-code"])
        == 2
    )
    captured = capsys.readouterr()
    assert "already has" in captured.err and "no longer opens" not in captured.out
    assert crypto.keys_path(root.files(card).folder).read_bytes() == before
    root.unlock(card, PASS)
