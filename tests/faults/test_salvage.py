"""Salvage reads back what a damaged file still holds (issue 22, item 3).

For each kind of damage in the corruption zoo, the words written since the last backup that
are still intact in the file come back, laid over the backup, and are checked field by field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import pytest

from tests.faults.test_corrupt import CORRUPTIONS
from workbook import clock
from workbook.cli import main
from workbook.errors import DataUnreadable
from workbook.models import Checkin, Goal, ProfileCard
from workbook.storage import DataRoot, PlainCodec, list_backups
from workbook.storage.backups import MANUAL, take_backup
from workbook.storage.salvage import salvaged_data


def _written(root: DataRoot, card: ProfileCard) -> tuple[bytes, dict[str, list[object]]]:
    """A goal before the backup, a check-in and a goal after it; the file, and the models."""
    repo = root.open(card)
    repo.save(Goal(title="Keep me"))
    files = root.files(card)
    take_backup(files.workbook, files.backups, MANUAL)
    repo.save(Checkin(on=clock.today(), mood=4, craving=2, note="After the backup"))
    repo.save(Goal(title="Since the backup", why="It matters"))
    models: dict[str, list[object]] = {
        "goals": list(repo.all(Goal)),
        "checkins": list(repo.all(Checkin)),
    }
    repo.close()
    return files.workbook.read_bytes(), models


def _intact_in(bad: bytes, good: bytes, table: str) -> set[str]:
    """Ids of the entries of ``table`` still whole in the damaged file (the oracle)."""
    docs = json.loads(good)[table].values()
    try:
        parsed = json.loads(bad)
        there = list(parsed.get(table, {}).values()) if isinstance(parsed, dict) else []
        if not isinstance(parsed.get("_meta", {}).get("1", {}).get("schema_version"), int):
            there = []  # not a workbook at all: nothing in it is trusted
        return {d["id"] for d in docs if d in there and isinstance(there, list)}
    except (ValueError, AttributeError):
        pass
    compact = {
        d["id"]: json.dumps(d, ensure_ascii=False, separators=(",", ":")).encode() for d in docs
    }
    return {ident for ident, raw in compact.items() if raw in bad}


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_salvage_brings_back_what_each_kind_of_damage_left(
    root: DataRoot, make_profile: Callable[..., ProfileCard], kind: str
) -> None:
    card = make_profile()
    good, models = _written(root, card)
    files = root.files(card)
    bad = CORRUPTIONS[kind](good)
    files.workbook.write_bytes(bad)
    with pytest.raises(DataUnreadable) as caught:
        root.open(card)
    quarantined = caught.value.quarantined
    assert quarantined is not None
    assert "`workbook doctor --salvage` gets back what the damaged file" in str(caught.value)

    data, report = salvaged_data(quarantined, files.workbook, files.backups, PlainCodec())

    goals = {g.id: g for g in models["goals"]}  # type: ignore[attr-defined]
    checkins = {c.id: c for c in models["checkins"]}  # type: ignore[attr-defined]
    want_goals = _intact_in(bad, good, "goals")
    want_checkins = _intact_in(bad, good, "checkins")
    restored_goals = {d["id"]: Goal.model_validate(d) for d in data["goals"].values()}
    restored_checkins = {
        d["id"]: Checkin.model_validate(d) for d in data.get("checkins", {}).values()
    }
    # The backup's goal is always there; every intact entry came back exactly, field by field.
    keep_me = next(i for i, g in goals.items() if g.title == "Keep me")
    assert restored_goals[keep_me] == goals[keep_me]
    for ident in want_goals:
        assert restored_goals[ident] == goals[ident]
    for ident in want_checkins:
        assert restored_checkins[ident] == checkins[ident]
    assert set(restored_goals) == want_goals | {keep_me}
    assert set(restored_checkins) == want_checkins
    assert report.recovered.get("checkins", 0) == len(want_checkins)
    assert report.backup is not None and "backup" in report.backup


def test_a_file_missing_its_last_brace_loses_nothing(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's reproduction, end to end through the command line."""
    card = make_profile()
    good, models = _written(root, card)
    files = root.files(card)
    files.workbook.write_bytes(good[:-1])
    assert main(["--data-dir", str(root.path), "today"]) == 5
    capsys.readouterr()
    assert main(["--data-dir", str(root.path), "doctor", "--salvage"]) == 0
    out = capsys.readouterr().out
    assert "your profile, 2 goals, 1 check-in." in out and "Not recovered" not in out
    assert "cut off" not in out  # only the last brace was missing: nothing is lost

    repo = root.open(card, write=False)
    assert repo.all(Goal) == models["goals"]
    assert repo.all(Checkin) == models["checkins"]
    repo.close()
    # The damaged file was kept: as a backup of what was in the workbook's place.
    assert any(b.path.read_bytes() == good[:-1] for b in list_backups(files.backups))


def test_salvage_says_what_it_could_not_read(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    card = make_profile()
    good, _models = _written(root, card)
    files = root.files(card)
    data = json.loads(good)
    first = next(iter(data["checkins"]))
    data["checkins"][first]["mood"] = 99
    files.workbook.write_bytes(json.dumps(data).encode())
    with pytest.raises(DataUnreadable):
        root.open(card)
    assert main(["--data-dir", str(root.path), "doctor", "--salvage"]) == 0
    out = capsys.readouterr().out
    assert f"Not recovered: entry {first} of checkins" in out
    assert "The damaged file stays where it was" in out
    repo = root.open(card, write=False)
    assert [g.title for g in repo.all(Goal)] == ["Keep me", "Since the backup"]
    assert repo.all(Checkin) == []
    repo.close()


def test_nothing_to_salvage_is_said_plainly(
    root: DataRoot, make_profile: Callable[..., ProfileCard], capsys: pytest.CaptureFixture[str]
) -> None:
    make_profile()
    assert main(["--data-dir", str(root.path), "doctor", "--salvage"]) == 2
    assert "There is no damaged file to salvage" in capsys.readouterr().err


def test_the_app_can_salvage_what_the_quarantined_file_holds(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """What the app's recovery offer calls: the newest damaged file, laid over the backup."""
    from workbook.profile import salvage_latest

    card = make_profile()
    good, models = _written(root, card)
    files = root.files(card)
    files.workbook.write_bytes(good[: len(good) - 40])  # cut inside the last entry
    with pytest.raises(DataUnreadable):
        root.open(card)
    lines = salvage_latest(root, card, None)
    assert lines is not None and any("cut off" in line for line in lines)
    assert any(line.startswith("  Not recovered: entry 1 of checkins") for line in lines)
    repo = root.open(card, write=False)
    assert repo.all(Goal) == models["goals"]  # the goal saved since the backup, read back
    assert repo.all(Checkin) == []  # the check-in was the entry the cut went through
    repo.close()
    assert salvage_latest(root, card, None) is not None  # the quarantined file stays


def test_a_broken_entry_in_the_middle_loses_only_itself(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The scanner finds the next entry after damage, in the same table and the next ones."""
    card = make_profile()
    repo = root.open(card)
    days = [clock.today() - timedelta(days=n) for n in (3, 2, 1)]
    for n, day in enumerate(days):
        repo.save(Checkin(on=day, mood=n + 1, craving=n, note=f"day {n}"))
    repo.save(Goal(title="After the check-ins"))
    repo.close()
    files = root.files(card)
    good = files.workbook.read_bytes()
    bad = good.replace(b'"note":"day 1"', b'"note":"day 1', 1)  # a quote lost mid-file
    files.workbook.write_bytes(bad)
    with pytest.raises(DataUnreadable) as caught:
        root.open(card)
    assert caught.value.quarantined is not None

    data, report = salvaged_data(caught.value.quarantined, files.workbook, files.backups)
    notes = sorted(d["note"] for d in data["checkins"].values())
    assert notes == ["day 0", "day 2"]
    assert [d["title"] for d in data["goals"].values()] == ["After the check-ins"]
    assert report.recovered == {"profile": 1, "checkins": 2, "goals": 1}
    assert any("entry 2 of checkins" in line for line in report.lost)


def test_a_damaged_encrypted_file_cannot_be_read_in_part(root: DataRoot) -> None:
    """Authenticated encryption is all or nothing: salvage says so and keeps the backup."""
    from tests.unit.crypto_helpers import PASS, make_private
    from workbook.profile import salvage_latest

    card, _code = make_private(root)
    repo = root.open(card, codec=root.unlock(card, PASS))
    repo.save(Goal(title="Private goal"))
    repo.close()
    files = root.files(card)
    raw = files.workbook.read_bytes()
    files.workbook.write_bytes(raw[:-1])
    codec = root.unlock(card, PASS)
    with pytest.raises(DataUnreadable):
        root.open(card, codec=codec)
    lines = salvage_latest(root, card, root.unlock(card, PASS))
    assert lines is not None
    assert any("the encrypted file is damaged" in line for line in lines)
    repo = root.open(card, codec=root.unlock(card, PASS))
    assert repo.all(Goal) == []  # the day's backup was taken before the goal
    repo.close()
