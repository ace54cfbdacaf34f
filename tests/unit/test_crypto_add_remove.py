"""Adding a passphrase leaves no plaintext anywhere; removing one leaves no orphan (issue 16, 2).

Every byte of every file in the data folder is scanned for marker words the person wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.unit.crypto_helpers import FAST, PASS
from workbook.cli import main
from workbook.errors import DataUnreadable
from workbook.models import Goal, ProfileCard
from workbook.storage import DataRoot, atomic, backups, crypto, list_backups

MARK = "QZXwordsMARK"


def every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def plain_profile_with_leftovers(root: DataRoot, make: Callable[..., ProfileCard]) -> ProfileCard:
    """A plain profile with the marker in its workbook, a backup, a damaged set-aside copy and a
    temp file a crashed save left behind."""
    card = make("Ria")
    repo = root.open(card)
    repo.save(Goal(title=f"{MARK} goal"))
    repo.close()
    files = root.files(card)
    backups.take_backup(files.workbook, files.backups, backups.MANUAL)  # holds the marker
    files.workbook.write_bytes(files.workbook.read_bytes()[:-5])  # damaged: set aside on open
    with pytest.raises(DataUnreadable):
        root.open(card)
    assert root.restore_latest(card)
    fd, _tmp = atomic._open_temp(files.workbook)
    atomic._write(fd, f'{{"half a save": "{MARK}"'.encode())
    import os

    os.close(fd)
    return card


def assert_no_marker(folder: Path) -> None:
    found = every_file(folder)
    assert found
    for path in found:
        assert MARK.encode() not in path.read_bytes(), path


def test_adding_a_passphrase_leaves_no_plaintext_anywhere(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = plain_profile_with_leftovers(root, make_profile)
    files = root.files(card)
    before = every_file(root.path)
    # The scan can fail: before, the words are in the workbook, a backup and quarantine.
    holding = {p.parent.name for p in before if MARK.encode() in p.read_bytes()}
    assert {"backups", "quarantine", card.id} <= holding
    card, _ = root.add_passphrase(card, PASS, kdf=FAST)
    assert_no_marker(root.path)
    codec = root.unlock(card, PASS)
    quarantined = sorted(files.quarantine.glob("*.json"))
    assert quarantined and all(crypto.looks_encrypted(p.read_bytes()) for p in quarantined)
    assert MARK.encode() in codec.decrypt_bytes(quarantined[0].read_bytes())  # kept, not lost
    repo = root.open(card, codec=codec)
    assert [g.title for g in repo.all(Goal)] == [f"{MARK} goal"]
    repo.close()


def test_removing_a_passphrase_leaves_no_orphan(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = plain_profile_with_leftovers(root, make_profile)
    files = root.files(card)
    card, _ = root.add_passphrase(card, PASS, kdf=FAST)
    card = root.remove_passphrase(card, root.unlock(card, PASS))
    assert not crypto.has_keys(files.folder)
    assert not crypto.pending_path(files.folder).exists()
    for path in [*files.quarantine.glob("*.json"), *(b.path for b in list_backups(files.backups))]:
        assert not crypto.looks_encrypted(path.read_bytes()), path  # none left unopenable
    quarantined = sorted(files.quarantine.glob("*.json"))
    assert MARK.encode() in quarantined[0].read_bytes()


def test_interrupted_add_after_the_switch_opens_with_the_pending_keys(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = make_profile("Ria")
    files = root.files(card)
    real = crypto.write_keys

    def crash(folder: Path, keys: crypto.KeyFile) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("workbook.storage.passphrases.crypto.write_keys", crash)
    with pytest.raises(KeyboardInterrupt):
        root.add_passphrase(card, PASS, kdf=FAST)
    monkeypatch.setattr("workbook.storage.passphrases.crypto.write_keys", real)
    assert crypto.looks_encrypted(files.workbook.read_bytes())
    assert not crypto.keys_path(files.folder).exists()
    assert root.is_encrypted(card)
    repo = root.open(card, codec=root.unlock(card, PASS))  # the pending key file is promoted
    repo.close()
    assert crypto.keys_path(files.folder).exists()
    assert not crypto.pending_path(files.folder).exists()


def test_interrupted_remove_before_the_switch_stays_encrypted(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    card = make_profile("Ria")
    card, _ = root.add_passphrase(card, PASS, kdf=FAST)
    files = root.files(card)
    real = atomic.atomic_write

    def crash_on_workbook(path: Path, data: bytes) -> None:
        if path == files.workbook:
            raise KeyboardInterrupt
        real(path, data)

    monkeypatch.setattr("workbook.storage.passphrases.atomic_write", crash_on_workbook)
    with pytest.raises(KeyboardInterrupt):
        root.remove_passphrase(card, root.unlock(card, PASS))
    monkeypatch.undo()
    assert root.is_encrypted(card)  # still encrypted, and it opens
    repo = root.open(card, codec=root.unlock(card, PASS))
    repo.close()


def test_cli_says_no_readable_copy_is_left(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    card = make_profile("Ria")
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", PASS)
    monkeypatch.setattr("workbook.storage.crypto.DEFAULT_KDF", FAST)
    assert (
        main(["--data-dir", str(root.path), "profiles", "passwd", "Ria", "--print-recovery-code"])
        == 0
    )
    assert "No readable copy" in capsys.readouterr().out
    assert root.is_encrypted(card)
