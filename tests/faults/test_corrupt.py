"""Every kind of unreadable file ends in quarantine with its bytes intact, and can be recovered."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from workbook.errors import DataUnreadable
from workbook.models import Goal, Profile, ProfileCard
from workbook.storage import DataRoot, PlainCodec, list_backups
from workbook.storage.backups import MANUAL, take_backup
from workbook.storage.restore import restore_backup, start_empty
from workbook.storage.store import new_data


def _good(card_root: DataRoot, card: ProfileCard) -> bytes:
    repo = card_root.open(card)
    repo.save(Goal(title="Keep me"))
    repo.close()
    files = card_root.files(card)  # a manual backup of the good file, as `workbook backup` takes
    take_backup(files.workbook, files.backups, MANUAL)
    return card_root.files(card).workbook.read_bytes()


def _wrong_validation(good: bytes) -> bytes:
    data = json.loads(good)
    data["goals"]["1"]["status"] = "not a status"
    return json.dumps(data).encode()


def _duplicate_ids(good: bytes) -> bytes:
    data = json.loads(good)
    data["goals"]["2"] = dict(data["goals"]["1"])
    return json.dumps(data).encode()


CORRUPTIONS: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda good: b"",
    "whitespace": lambda good: b"  \n",
    "truncated": lambda good: good[: len(good) // 2],
    "truncated-1": lambda good: good[:-1],
    "trailing-garbage": lambda good: good + b"garbage",
    "not-utf8": lambda good: b"\xff\xfe" + good,
    "not-json": lambda good: b"hello, this is not json",
    "nan": lambda good: good.replace(b'"save_count":', b'"save_count":NaN,"x":', 1),
    "a-list": lambda good: b"[1, 2, 3]",
    "wrong-shape": lambda good: b'{"goals": [1, 2]}',
    "no-version": lambda good: b'{"_meta": {"1": {}}, "goals": {}}',
    "fails-validation": _wrong_validation,
    "duplicate-ids": _duplicate_ids,
    "unknown-section": lambda good: good[:-1] + b',"mystery":{"1":{"a":1}}}',
}


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_corrupt_file_is_quarantined_with_bytes_kept(
    root: DataRoot, make_profile: Callable[..., ProfileCard], kind: str
) -> None:
    card = make_profile()
    good = _good(root, card)
    files = root.files(card)
    bad = CORRUPTIONS[kind](good)
    files.workbook.write_bytes(bad)

    with pytest.raises(DataUnreadable) as caught:
        root.open(card)
    err = caught.value
    assert err.quarantined is not None and err.quarantined.parent == files.quarantine
    assert err.quarantined.read_bytes() == bad  # never altered, never deleted
    assert not files.workbook.exists()
    assert err.backups >= 1 and "workbook restore" in str(err)

    # Restore the latest good backup: the person's goal is back.
    backup = list_backups(files.backups)[0]
    restore_backup(files, PlainCodec(), backup.path)
    repo = root.open(card)
    assert [g.title for g in repo.all(Goal)] == ["Keep me"]
    repo.close()


def test_reading_never_quarantines(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    files = root.files(card)
    files.workbook.write_bytes(b"{broken")
    with pytest.raises(DataUnreadable) as caught:
        root.open(card, write=False)
    assert caught.value.quarantined is None
    assert files.workbook.read_bytes() == b"{broken"


def test_start_empty_after_quarantine(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    files = root.files(card)
    files.workbook.write_bytes(b"")
    with pytest.raises(DataUnreadable) as caught:
        root.open(card)
    assert caught.value.backups == 0
    data = new_data()
    data["profile"] = {"1": Profile(display_name=card.display_name).model_dump(mode="json")}
    start_empty(files, PlainCodec(), data)
    repo = root.open(card)
    assert repo.get(Profile) is not None and repo.all(Goal) == []
    repo.close()


def test_a_bad_backup_is_refused_for_restore(
    root: DataRoot, make_profile: Callable[..., ProfileCard], tmp_path: Path
) -> None:
    card = make_profile()
    files = root.files(card)
    before = files.workbook.read_bytes()
    bogus = tmp_path / "bogus.json"
    bogus.write_bytes(b"nope")
    with pytest.raises(DataUnreadable):
        restore_backup(files, PlainCodec(), bogus)
    assert files.workbook.read_bytes() == before
