"""Encrypted profiles under damage and failure: tampering, failed saves, interrupted changes."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from tests.unit.crypto_helpers import PASS, make_private
from workbook.errors import DataUnreadable, WriteFailed
from workbook.models import Goal
from workbook.storage import DataRoot, PlainCodec, crypto, list_backups
from workbook.storage import atomic as atomic_mod
from workbook.storage.crypto import WrongPassphrase
from workbook.storage.restore import restore_backup
from workbook.storage.store import count_good_backups


def _setup(root: DataRoot) -> tuple[object, Goal]:
    card, _ = make_private(root)
    repo = root.open(card, codec=root.unlock(card, PASS))  # takes today's backup
    goal = Goal(title="Phone my sister on Sunday")
    repo.save(goal)
    repo.close()
    return card, goal


def test_flipping_any_single_byte_is_damage_not_a_wrong_passphrase(root: DataRoot) -> None:
    card, _ = _setup(root)
    files = root.files(card)  # type: ignore[arg-type]
    good = files.workbook.read_bytes()
    for i in range(len(good)):
        tampered = bytearray(good)
        tampered[i] ^= 0x01
        files.workbook.write_bytes(bytes(tampered))
        codec = root.unlock(card, PASS)  # type: ignore[arg-type]  # the passphrase still opens
        with pytest.raises(DataUnreadable) as info:
            root.open(card, codec=codec)  # type: ignore[arg-type]
        err = info.value
        assert err.quarantined is not None, f"byte {i}"
        assert err.quarantined.read_bytes() == bytes(tampered)  # moved, untouched
        assert err.backups == 1 and "restore the latest good backup" in str(err)
        assert "passphrase" not in str(err)
        err.quarantined.unlink()
        files.workbook.write_bytes(good)


def test_flipped_byte_in_a_backup_makes_it_not_good(root: DataRoot) -> None:
    card, _ = _setup(root)
    files = root.files(card)  # type: ignore[arg-type]
    backup = list_backups(files.backups)[0].path
    raw = bytearray(backup.read_bytes())
    raw[len(raw) // 2] ^= 0x04
    backup.write_bytes(bytes(raw))
    codec = root.unlock(card, PASS)  # type: ignore[arg-type]
    assert count_good_backups(files, codec) == 0
    with pytest.raises(DataUnreadable):
        restore_backup(files, codec, backup)


def test_quarantined_then_restored_from_encrypted_backup(root: DataRoot) -> None:
    card, _goal = _setup(root)
    files = root.files(card)  # type: ignore[arg-type]
    codec = root.unlock(card, PASS)  # type: ignore[arg-type]
    repo = root.open(card, codec=codec)  # type: ignore[arg-type]
    repo.close()
    shutil.copy(files.workbook, files.backups / "ignored.json")
    path = files.backups / list_backups(files.backups)[0].path.name
    files.workbook.write_bytes(files.workbook.read_bytes()[:-10])
    codec = root.unlock(card, PASS)  # type: ignore[arg-type]
    with pytest.raises(DataUnreadable):
        root.open(card, codec=codec)  # type: ignore[arg-type]
    restore_backup(files, codec, path)
    repo = root.open(card, codec=root.unlock(card, PASS))  # type: ignore[arg-type]
    assert repo.count(Goal) == 0  # the backup was taken before the goal was saved
    repo.close()


def test_failed_encrypted_save_keeps_previous_file(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    card, goal = _setup(root)
    files = root.files(card)  # type: ignore[arg-type]
    before = files.workbook.read_bytes()
    repo = root.open(card, codec=root.unlock(card, PASS))  # type: ignore[arg-type]

    def broken(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_mod, "_fsync", broken)
    with pytest.raises(WriteFailed, match="disk is full"):
        repo.save(Goal(title="never saved"))
    monkeypatch.undo()
    assert files.workbook.read_bytes() == before
    assert [g.title for g in repo.all(Goal)] == [goal.title]
    repo.close()
    leftovers = [p for p in files.folder.iterdir() if atomic_mod.TEMP_MARK in p.name]
    assert leftovers == []


def test_interrupted_add_passphrase_leaves_a_readable_plain_workbook(
    root: DataRoot, make_profile, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    card = make_profile("Ria")
    repo = root.open(card)
    goal = Goal(title="do not lose me")
    repo.save(goal)
    repo.close()
    files = root.files(card)
    real = atomic_mod.atomic_write

    def fail_on_workbook(path, data):  # type: ignore[no-untyped-def]
        if path == files.workbook:
            raise WriteFailed("the disk is full")
        real(path, data)

    monkeypatch.setattr("workbook.storage.passphrases.atomic_write", fail_on_workbook)
    with pytest.raises(WriteFailed):
        root.add_passphrase(card, PASS)
    monkeypatch.undo()
    assert not root.cards()[0].encrypted  # the switch never happened
    assert count_good_backups(files, PlainCodec()) >= 1  # its plain backups still open
    repo = root.open(root.cards()[0])
    assert repo.find(Goal, goal.id) == goal
    repo.close()
    card, _ = root.add_passphrase(root.cards()[0], PASS)  # trying again works
    assert count_good_backups(files, root.unlock(card, PASS)) >= 2


def test_tampered_kdf_parameters_are_caught(root: DataRoot) -> None:
    """Lowering the KDF settings in the key file does not weaken it: the file is refused."""
    import json

    card, _ = make_private(root)
    folder = root.files(card).folder
    for path in (crypto.keys_path(folder), crypto.mirror_path(folder)):
        doc = json.loads(path.read_bytes())
        doc["wraps"][0]["kdf"]["iterations"] = 2
        path.write_text(json.dumps(doc))
    with pytest.raises(crypto.KeysDamaged):
        root.unlock(card, PASS)
    # Even with a recomputed checksum, the settings are bound to the wrap: no key comes out.
    for path in (crypto.keys_path(folder), crypto.mirror_path(folder)):
        doc = json.loads(path.read_bytes())
        doc.pop("checksum")
        doc["checksum"] = hashlib.sha256(crypto._canonical(doc)).hexdigest()
        path.write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        root.unlock(card, PASS)
