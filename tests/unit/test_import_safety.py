"""Import can never hurt a workbook: hostile files are refused in one plain line, nothing is left.

Each case here was seen accepted (and crashing the app later) or leaving an empty workbook behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.unit.crypto_helpers import FAST, PASS, make_private
from tests.unit.test_cli import run
from workbook.errors import WriteFailed
from workbook.models import (
    CapitalAnswer,
    CapitalArea,
    CapitalCheckin,
    Checkin,
    Profile,
    Review,
    Setback,
)
from workbook.storage import DataRoot, Repository, transfer
from workbook.storage.migrations import SCHEMA_VERSION
from workbook.storage.transfer import (
    EXPORT_FORMAT,
    ImportFailed,
    ImportRefused,
    import_new_profile,
    import_profile,
    read_export,
    read_import_file,
)

LIBRARY_WORDS = ("Input should", "items", "JSON compliant", "Traceback", "pydantic", "Value error")


def envelope(workbook: Any) -> bytes:
    doc = {"format": EXPORT_FORMAT, "schema_version": SCHEMA_VERSION, "workbook": workbook}
    return json.dumps(doc).encode()


@pytest.fixture
def good(repo: Repository) -> dict[str, Any]:
    """A small real workbook: two check-ins, a setback and a finished review."""
    repo.save(Checkin(on=date(2026, 11, 1), mood=3))
    repo.save(Checkin(on=date(2026, 11, 2), mood=4))
    repo.save(Setback(on=date(2026, 11, 2), going_on="a long day"))
    repo.save(Review(week_start=date(2026, 11, 16), week_end=date(2026, 11, 22)))
    for day in (date(2026, 10, 30), date(2026, 11, 27)):
        repo.save(CapitalCheckin(day=day, answers=[CapitalAnswer(area=CapitalArea.HOME, rating=3)]))
    return repo.export_data()


def first(data: dict[str, Any], table: str) -> dict[str, Any]:
    doc: dict[str, Any] = next(iter(data[table].values()))
    return doc


def refusal(raw: bytes) -> str:
    with pytest.raises(ImportRefused) as refused:
        read_export(raw)
    text = str(refused.value)
    assert text.startswith("Nothing was imported: ") and "\n" not in text
    assert not any(word in text for word in LIBRARY_WORDS), text
    return text


Change = Callable[[dict[str, Any]], None]


def _set(table: str, field: str, value: Any) -> Change:
    def change(data: dict[str, Any]) -> None:
        target = data["_meta"]["1"] if table == "_meta" else first(data, table)
        target[field] = value

    return change


def _second_checkin_same_day(data: dict[str, Any]) -> None:
    docs = list(data["checkins"].values())
    docs[1]["on"] = docs[0]["on"]


def _second_life_checkin_same_day(data: dict[str, Any]) -> None:
    docs = list(data["capital_checkins"].values())
    docs[1]["day"] = docs[0]["day"]


CASES: dict[str, tuple[Change, str]] = {
    "save count as a word": (_set("_meta", "save_count", "many"), "save count: should be a whole"),
    "review week as a number": (_set("reviews", "week_start", 20261116), "week start: should be"),
    "review in 9999": (
        _set("reviews", "week_end", "9999-12-31"),
        "weekly review 1: the date 9999-12-31 is outside the years 1900 to 2126",
    ),
    "date as a number": (_set("checkins", "on", 1764547200), "check-in 1, on: should be a date"),
    "two check-ins one day": (_second_checkin_same_day, "check-in 2: there is already a check-in"),
    "two life check-ins one day": (
        _second_life_checkin_same_day,
        "life check-in 2: there is already a life check-in for 2026-10-30",
    ),
    "future life check-in": (
        _set("capital_checkins", "day", "2026-12-25"),
        "life check-in 1: its date (2026-12-25) is in the future",
    ),
    "rating off the scale": (
        lambda data: first(data, "capital_checkins")["answers"][0].update(rating=6),
        "life check-in 1, answers item 1 rating: should be 5 or less",
    ),
    "future check-in": (_set("checkins", "on", "2026-11-29"), "check-in 1: its date (2026-11-29)"),
    "future setback": (_set("setbacks", "on", "2027-01-01"), "setback 1: its date"),
    "review ends before it starts": (
        _set("reviews", "week_end", "2026-11-01"),
        "weekly review 1: it ends before it starts",
    ),
    "start date in 9999": (
        _set("profile", "recovery_start", "9999-01-01"),
        "the profile: the date",
    ),
    "mood as text": (_set("checkins", "mood", "3"), "check-in 1, mood: should be a whole number"),
    "unknown field": (_set("checkins", "colour", "red"), "check-in 1, colour: is not something"),
    "name too long": (_set("profile", "display_name", "x" * 61), "longer than 60 characters"),
    "halt not a list": (_set("checkins", "halt", "tired"), "check-in 1, halt: should be a list"),
    "unknown meta key": (_set("_meta", "owner", "me"), "the file's version details, owner"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_accepted_files_that_crashed_the_app_later_are_refused(
    case: str, good: dict[str, Any]
) -> None:
    change, said = CASES[case]
    change(good)
    assert said in refusal(envelope(good))


def test_the_checked_values_are_stored_and_the_copy_saves(
    good: dict[str, Any], root: DataRoot
) -> None:
    good["checkins"][next(iter(good["checkins"]))]["sleep_hours"] = 7  # an int where a float goes
    card = import_new_profile(root, read_export(envelope(good)), name="Copy")
    repo = root.open(card)
    try:
        stored = repo.export_data()
        assert first(stored, "checkins")["sleep_hours"] == 7.0
        assert isinstance(stored["_meta"]["1"]["save_count"], int)
        repo.save(Checkin(on=date(2026, 11, 27), mood=5))  # a later save works
    finally:
        repo.close()


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (b'{"format": "side-by-side-export", "format": "x"}', "'format' appears twice"),
        (b'{"a": ' + b"1" * 5000 + b"}", "longer than 30 digits"),
        (b'{"a": NaN}', "holds NaN"),
        (b'{"a": 1e999}', "too large"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (b'{"format": "side-by-side-export", "work', "ends too soon"),
        ('{"a": 1}'.encode("utf-16"), "UTF-16"),
        (b'{"a": "\xff"}', "not UTF-8 text (at byte 7)"),
        (json.dumps({"_meta": {"1": {"schema_version": 6}}}).encode(), "workbook or backup file"),
    ],
)
def test_files_that_are_not_exports_get_one_plain_line(raw: bytes, said: str) -> None:
    assert said in refusal(raw)


def test_an_encrypted_workbook_file_is_told_apart(root: DataRoot) -> None:
    card, _ = make_private(root, "Locked")
    said = refusal(root.files(card).workbook.read_bytes())
    assert "locked with a passphrase" in said and "workbook restore" in said


def test_a_duplicate_check_in_key_is_refused_not_settled(good: dict[str, Any]) -> None:
    raw = envelope(good).replace(b'"checkins": {"1": ', b'"checkins": {"1": {}, "1": ')
    assert b'{"1": {}, "1": ' in raw
    assert "'1' appears twice" in refusal(raw)


def test_a_byte_order_mark_is_harmless(good: dict[str, Any]) -> None:
    assert read_export(b"\xef\xbb\xbf" + envelope(good))["checkins"]


# --- Files, not streams ----------------------------------------------------------------------


def test_only_regular_files_up_to_the_limit_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(Exception, match="not a regular file"):
        read_import_file(fifo)  # refused at once, never waited on
    with pytest.raises(Exception, match="not a regular file"):
        read_import_file(Path("/dev/zero"))
    with pytest.raises(Exception, match="is a folder"):
        read_import_file(tmp_path)
    with pytest.raises(Exception, match="There is no file"):
        read_import_file(tmp_path / "missing.json")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2048)
    monkeypatch.setattr(transfer, "MAX_IMPORT_BYTES", 1024)
    with pytest.raises(Exception, match="larger than 20 MB"):
        read_import_file(big)


# --- All or nothing --------------------------------------------------------------------------


def traces(root: DataRoot) -> list[str]:
    """Everything in the data folder besides what was there: profiles and building folders."""
    found = [p.name for p in root.path.iterdir() if p.name.startswith(".import-")]
    return found + [p.name for p in (root.path / "profiles").iterdir()]


@pytest.mark.parametrize("failure", [KeyboardInterrupt, WriteFailed])
def test_an_interrupted_import_leaves_nothing_and_a_retry_works(
    failure: type[BaseException],
    good: dict[str, Any],
    root: DataRoot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = traces(root)
    data = read_export(envelope(good))
    real = transfer.create_store

    def failing(*args: Any) -> None:
        real(*args)  # the data is written in the building folder, then the failure comes
        raise failure("No space left on device") if failure is WriteFailed else failure()

    monkeypatch.setattr(transfer, "create_store", failing)
    expected = ImportFailed if failure is WriteFailed else KeyboardInterrupt
    with pytest.raises(expected):
        import_new_profile(root, data, name="Copy")
    assert traces(root) == before
    monkeypatch.setattr(transfer, "create_store", real)
    card = import_new_profile(root, data, name="Copy")
    assert card.display_name == "Copy"


def test_a_folder_left_by_a_killed_import_is_invisible_then_cleaned(
    good: dict[str, Any], root: DataRoot
) -> None:
    left = root.path / ".import-0123456789ab"
    transfer._build(DataRoot(left), Profile(display_name="Ghost"), read_export(envelope(good)),
                    None, None, (True, FAST))  # fmt: skip
    assert "Ghost" not in [c.display_name for c in root.cards()]
    import_new_profile(root, read_export(envelope(good)), name="Copy")
    assert not left.exists()


def test_a_name_clash_says_how_to_choose_another(good: dict[str, Any], root: DataRoot) -> None:
    with pytest.raises(Exception, match="--profile 'Sam \\(copy\\)'") as refused:
        import_new_profile(root, read_export(envelope(good)))
    assert "nothing was imported" in str(refused.value)


# --- Passphrases (issue 16, item 8) ----------------------------------------------------------


def test_import_with_a_passphrase_is_encrypted(good: dict[str, Any], root: DataRoot) -> None:
    made = import_profile(
        root, read_export(envelope(good)), name="Locked", passphrase=PASS, kdf=FAST
    )
    assert made.card.encrypted and made.recovery_code
    assert root.is_encrypted(made.card)
    repo = root.open(made.card, write=False, codec=root.unlock(made.card, PASS))
    try:
        assert len(repo.all(Checkin)) == 2
    finally:
        repo.close()


def test_require_passphrase_is_followed(good: dict[str, Any], root: DataRoot) -> None:
    (root.path / "config.toml").write_text("require_passphrase = true\n")
    with pytest.raises(Exception, match="Add --passphrase"):
        import_new_profile(root, read_export(envelope(good)), name="Plain")
    made = import_profile(
        root, read_export(envelope(good)), name="Locked", passphrase=PASS, kdf=FAST
    )
    assert made.card.encrypted


def test_cli_import_warns_when_the_copy_is_unprotected(
    tmp_path: Path,
    good: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "copy.json"
    path.write_bytes(envelope(good))
    data = tmp_path / "cli"
    code, out, err = run(capsys, data, "import", str(path), "--profile", "Plain copy")
    assert code == 0 and "Plain copy" in out and "has no passphrase" in err
    monkeypatch.setenv("WORKBOOK_PASSPHRASE", PASS)
    code, out, err = run(capsys, data, "import", str(path), "--profile", "Locked", "--passphrase")
    assert code == 0 and "locked with a passphrase" in out and "recovery code" in out
    assert "has no passphrase" not in err
    root = DataRoot(data)
    assert root.is_encrypted(root.find("Locked")) and not root.is_encrypted(root.find("Plain copy"))


def test_cli_refusals_exit_2_and_leave_nothing(
    tmp_path: Path, good: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "cli"
    for name, change in (
        ("save", CASES["save count as a word"][0]),
        ("day", _second_checkin_same_day),
    ):
        bad = json.loads(json.dumps(good))
        change(bad)
        path = tmp_path / f"{name}.json"
        path.write_bytes(envelope(bad))
        code, out, err = run(capsys, data, "import", str(path))
        assert code == 2 and out == "" and err.count("\n") == 1, err
    assert not (data / "profiles").exists() or not list((data / "profiles").iterdir())


def test_cli_name_problems_use_plain_words(
    tmp_path: Path, good: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "copy.json"
    path.write_bytes(envelope(good))
    code, out, err = run(capsys, tmp_path / "cli", "import", str(path), "--profile", "x" * 61)
    assert code == 2 and out == "" and "is longer than 60 characters" in err
    assert not any(word in err for word in LIBRARY_WORDS), err
    code, _, err = run(capsys, tmp_path / "cli", "import", str(path))
    assert code == 0
    code, _, err = run(capsys, tmp_path / "cli", "import", str(path))
    assert code == 2 and "--profile 'Sam (copy)'" in err


def test_tomorrow_from_another_time_zone_is_not_the_future(good: dict[str, Any]) -> None:
    _set("checkins", "on", "2026-11-28")(good)  # exported where it was already the 28th
    assert first(read_export(envelope(good)), "checkins")["on"] == "2026-11-28"
