"""A profile with a key file only ever opens encrypted data (issue 16, item 3).

The attack: someone with the same account puts a plain ``workbook.json`` beside ``keys.json``.
Before, the profile opened without asking and new entries were saved unencrypted.
"""

from __future__ import annotations

import json

import pytest

from tests.unit.crypto_helpers import PASS, make_private
from workbook.cli import main
from workbook.errors import DataUnreadable
from workbook.models import Goal, Profile
from workbook.profile import restore_latest, start_over_empty
from workbook.storage import DataRoot, crypto, list_backups
from workbook.storage.crypto import NeedsPassphrase
from workbook.storage.store import new_data


def plant_plain(root: DataRoot, card: object) -> bytes:
    data = new_data()
    data["profile"] = {"1": Profile(display_name="Sam").model_dump(mode="json")}
    raw = json.dumps(data).encode()
    root.files(card).workbook.write_bytes(raw)  # type: ignore[arg-type]
    return raw


def test_plain_file_beside_keys_is_never_opened_without_the_key(root: DataRoot) -> None:
    card, _ = make_private(root)
    plant_plain(root, card)
    assert root.is_encrypted(card)
    assert root.cards()[0].encrypted
    for write in (True, False):
        with pytest.raises(NeedsPassphrase):
            root.open(card, write=write)


def test_plain_file_beside_keys_is_set_aside_with_a_clear_word(root: DataRoot) -> None:
    card, _ = make_private(root)
    repo = root.open(card, codec=root.unlock(card, PASS))  # a daily backup, encrypted
    repo.close()
    planted = plant_plain(root, card)
    with pytest.raises(DataUnreadable, match="was not encrypted") as caught:
        root.open(card, codec=root.unlock(card, PASS))
    moved = caught.value.quarantined
    assert moved is not None and moved.read_bytes() == planted
    assert not root.files(card).workbook.exists()
    assert root.restore_latest(card, root.unlock(card, PASS))  # the good encrypted backup
    repo = root.open(card, codec=root.unlock(card, PASS))
    goal = Goal(title="after the planted file")
    repo.save(goal)
    repo.close()
    raw = root.files(card).workbook.read_bytes()
    assert crypto.looks_encrypted(raw) and b"after the planted file" not in raw


def test_plain_backup_beside_keys_is_never_restored(root: DataRoot) -> None:
    card, _ = make_private(root)
    files = root.files(card)
    for backup in list_backups(files.backups):
        backup.path.unlink()
    planted = files.backups / "workbook-20261127T090000-manual-abcdef.json"
    planted.write_bytes(plant_plain(root, card))
    files.workbook.unlink()
    with pytest.raises(NeedsPassphrase):
        restore_latest(root, card, None)
    with pytest.raises(NeedsPassphrase):
        start_over_empty(root, card, None)
    assert restore_latest(root, card, root.unlock(card, PASS)) is None
    assert not files.workbook.exists()


def test_cli_checkin_on_a_downgraded_profile_asks_and_saves_nothing_plain(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    card, _ = make_private(root)
    plant_plain(root, card)
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", PASS)
    code = main(["--data-dir", str(root.path), "checkin", "--mood", "3", "--craving", "1"])
    assert code == 5
    assert "was not encrypted" in capsys.readouterr().err
    for path in root.files(card).folder.rglob("*.json"):
        assert b'"mood"' not in path.read_bytes() or crypto.looks_encrypted(path.read_bytes())
