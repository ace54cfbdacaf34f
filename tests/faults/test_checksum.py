"""Silent damage is caught (issue 22, item 4): every save carries a checksum of its content.

A bit flip inside a note, a dropped table or a duplicated table key still parse and validate;
only the checksum tells. Such a file is treated like any damage: quarantined on open, reported
by ``doctor``, never offered as a good backup.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.unit.crypto_helpers import PASS, make_private
from workbook import clock
from workbook.cli import main
from workbook.errors import DataUnreadable
from workbook.models import Checkin, Goal, ProfileCard
from workbook.storage import DataRoot, list_backups
from workbook.storage.backups import MANUAL, latest_good, take_backup
from workbook.storage.codec import CHECKSUM, PlainCodec, dump_json, load_json
from workbook.storage.loading import CHECKSUM_MISMATCH, is_good, load_checked


def _saved(root: DataRoot, card: ProfileCard) -> bytes:
    repo = root.open(card)
    repo.save(Goal(title="Walk at lunch"))
    repo.save(Checkin(on=clock.today(), mood=4, craving=2, note="A quiet evening"))
    repo.close()
    return root.files(card).workbook.read_bytes()


def _flip_in_note(good: bytes) -> bytes:
    return good.replace(b"A quiet evening", b"A quiet eveninf", 1)


def _drop_table(good: bytes) -> bytes:
    data = json.loads(good)
    del data["goals"]
    return json.dumps(data, ensure_ascii=False).encode()


def _duplicate_table_key(good: bytes) -> bytes:
    # The same table twice: JSON parsers keep the last one, so the first is silently lost.
    assert good.endswith(b"}")
    return good[:-1] + b',"goals":{}}'


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "bit-flip-in-note": _flip_in_note,
    "dropped-table": _drop_table,
    "duplicated-table-key": _duplicate_table_key,
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_silent_damage_is_caught_on_open_and_quarantined(
    root: DataRoot, make_profile: Callable[..., ProfileCard], kind: str
) -> None:
    card = make_profile()
    good = _saved(root, card)
    bad = DAMAGE[kind](good)
    assert bad != good
    load_json(bad)  # still parses: only the checksum can tell
    files = root.files(card)
    files.workbook.write_bytes(bad)

    with pytest.raises(DataUnreadable) as caught:
        root.open(card)
    assert caught.value.reason == CHECKSUM_MISMATCH
    assert caught.value.quarantined is not None
    assert caught.value.quarantined.read_bytes() == bad


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_doctor_reports_silent_damage(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    kind: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    card = make_profile()
    files = root.files(card)
    files.workbook.write_bytes(DAMAGE[kind](_saved(root, card)))
    code = main(["--data-dir", str(root.path), "doctor"])
    out = capsys.readouterr().out
    assert code == 5 and "checksum" in out and "All is well" not in out


def test_a_damaged_backup_is_never_the_latest_good(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    good = _saved(root, card)
    files = root.files(card)
    older = take_backup(files.workbook, files.backups, MANUAL)
    newest = take_backup(files.workbook, files.backups, MANUAL, count=99)
    newest.write_bytes(_flip_in_note(good))
    assert not is_good(newest.read_bytes(), PlainCodec())
    found = latest_good(files.backups, lambda raw: is_good(raw, PlainCodec()))
    assert found is not None and found.path == older
    assert list_backups(files.backups)[0].path == newest  # newest, but it does not open


def test_every_save_carries_the_checksum_and_memory_does_not(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    raw = _saved(root, card)
    meta = json.loads(raw)["_meta"]["1"]
    assert isinstance(meta[CHECKSUM], str) and len(meta[CHECKSUM]) == 64
    assert raw.startswith(b'{"_meta":')
    data, _version = load_checked(raw, PlainCodec())
    assert CHECKSUM not in data["_meta"]["1"]
    assert dump_json(data) == raw  # the same content encodes to the same bytes


def test_a_file_from_before_checksums_still_opens(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    files = root.files(card)
    data = json.loads(_saved(root, card))
    del data["_meta"]["1"][CHECKSUM]
    files.workbook.write_bytes(json.dumps(data).encode())
    repo = root.open(card)
    assert [g.title for g in repo.all(Goal)] == ["Walk at lunch"]
    repo.close()


def test_encrypted_saves_carry_the_checksum_inside(root: DataRoot) -> None:
    card, _code = make_private(root)
    codec = root.unlock(card, PASS)
    repo = root.open(card, codec=codec)
    repo.save(Goal(title="Private goal"))
    repo.close()
    inner = root.unlock(card, PASS).decrypt_bytes(root.files(card).workbook.read_bytes())
    assert CHECKSUM in json.loads(inner)["_meta"]["1"]
    assert b"Private goal" not in root.files(card).workbook.read_bytes()


def test_a_reindented_file_with_the_same_content_still_opens(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Checked by content, not layout: a tool that re-indents the file changes no words."""
    card = make_profile()
    files = root.files(card)
    raw = _saved(root, card)
    files.workbook.write_bytes(json.dumps(json.loads(raw), indent=2, ensure_ascii=False).encode())
    repo = root.open(card)
    assert [g.title for g in repo.all(Goal)] == ["Walk at lunch"]
    repo.close()
    damaged = json.loads(raw)
    damaged["goals"]["1"]["title"] = "Walk at lunchtime"
    files.workbook.write_bytes(json.dumps(damaged, indent=2).encode())
    with pytest.raises(DataUnreadable):
        root.open(card)
