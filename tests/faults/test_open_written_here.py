"""Opening a workbook this app wrote is quick; a damaged one is still checked entry by entry.

A file of this schema version whose content matches the checksum it was saved with had every
entry pass its model when it was saved, and has not changed since: checking each entry again
was two thirds of opening ten years of entries (issue 20). Its shape is still checked, and a
file whose checksum does not match, an older one being migrated, or one from before checksums
is checked entry by entry as before, so damage is dealt with before anyone types.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from workbook import clock
from workbook.errors import DataUnreadable
from workbook.models import Checkin, Goal, ProfileCard
from workbook.storage import DataRoot, validation
from workbook.storage.codec import CHECKSUM, CorruptData, PlainCodec, dump_json, load_json
from workbook.storage.loading import CHECKSUM_MISMATCH, load_checked


def _saved(root: DataRoot, card: ProfileCard) -> bytes:
    repo = root.open(card)
    repo.save(Goal(title="Walk at lunch"))
    repo.save(Checkin(on=clock.today(), mood=4, craving=2, note="A quiet evening"))
    repo.close()
    return root.files(card).workbook.read_bytes()


@pytest.fixture
def entry_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tables whose entries were checked against their models, in order."""
    checked: list[str] = []
    real = validation._table_problems

    def counting(table: str, docs: dict[str, object]) -> list[validation.Problem]:
        checked.append(table)
        return real(table, docs)

    monkeypatch.setattr(validation, "_table_problems", counting)
    return checked


def test_a_file_written_here_opens_without_checking_each_entry_again(
    root: DataRoot, make_profile: Callable[..., ProfileCard], entry_checks: list[str]
) -> None:
    card = make_profile()
    _saved(root, card)
    entry_checks.clear()
    repo = root.open(card)
    assert [g.title for g in repo.all(Goal)] == ["Walk at lunch"]
    repo.close()
    assert entry_checks == []


def test_a_file_whose_checksum_does_not_match_is_checked_entry_by_entry(
    root: DataRoot, make_profile: Callable[..., ProfileCard], entry_checks: list[str]
) -> None:
    card = make_profile()
    good = _saved(root, card)
    data = json.loads(good)
    goal = next(iter(data["goals"].values()))
    goal["title"] = 42  # not text: a model would refuse it
    root.files(card).workbook.write_bytes(json.dumps(data).encode())
    entry_checks.clear()
    with pytest.raises(DataUnreadable) as caught:
        root.open(card)
    assert "goals" in entry_checks
    assert caught.value.reason == "an entry in goals is not valid"  # the precise reason wins
    assert caught.value.quarantined is not None


def test_silent_damage_in_a_note_is_still_refused(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    good = _saved(root, card)
    root.files(card).workbook.write_bytes(good.replace(b"A quiet evening", b"A quiet eveninf"))
    with pytest.raises(DataUnreadable) as caught:
        root.open(card)
    assert caught.value.reason == CHECKSUM_MISMATCH


def test_a_file_from_before_checksums_is_checked_entry_by_entry(
    root: DataRoot, make_profile: Callable[..., ProfileCard], entry_checks: list[str]
) -> None:
    card = make_profile()
    data = load_json(_saved(root, card))
    data["_meta"]["1"].pop(CHECKSUM, None)
    entry_checks.clear()
    load_checked(json.dumps(data).encode(), PlainCodec())
    assert "goals" in entry_checks and "checkins" in entry_checks


def test_shape_is_checked_even_when_the_checksum_matches(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    data = load_json(_saved(root, card))
    data["_meta"]["1"].pop(CHECKSUM, None)
    unknown = {**data, "spaceships": {"1": {"name": "x"}}}
    with pytest.raises(CorruptData, match="does not know"):
        load_checked(dump_json(unknown), PlainCodec())  # dump_json stamps a fresh checksum
    two = {**data, "settings": {"1": {}, "2": {}}}
    with pytest.raises(CorruptData, match="more than one settings"):
        load_checked(dump_json(two), PlainCodec())
    not_object = {**data, "goals": {"1": "a goal"}}
    with pytest.raises(CorruptData, match=r"shape|not an object"):
        load_checked(dump_json(not_object), PlainCodec())
