"""JSON export and import: a full copy round-trips exactly; a bad file imports nothing."""

from __future__ import annotations

import json
import tempfile
import unicodedata
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.test_cli import run
from workbook.demo import DEMO_NAME, build_demo
from workbook.models import (
    Checkin,
    Goal,
    GoalStatus,
    GoalStep,
    Halt,
    Horizon,
    LifeArea,
    Person,
    PersonRole,
    Profile,
    Urge,
    UseAnswer,
)
from workbook.storage import DataRoot, Repository
from workbook.storage.migrations import SCHEMA_VERSION
from workbook.storage.transfer import (
    EXPORT_FORMAT,
    ImportRefused,
    export_bytes,
    import_new_profile,
    read_export,
)
from workbook.terminal import is_control

TODAY = date(2026, 11, 27)
FIXTURES = Path(__file__).parent.parent / "fixtures" / "schema"


def everything(root: DataRoot, card_name: str) -> dict[str, Any]:
    repo = root.open(root.find(card_name), write=False)
    try:
        return repo.export_data()
    finally:
        repo.close()


def exported(repo: Repository) -> bytes:
    return export_bytes(repo, "2026-11-27T10:00:00+00:00")


def folders(root: DataRoot) -> list[str]:
    profiles = root.path / "profiles"
    return sorted(p.name for p in profiles.iterdir()) if profiles.exists() else []


# --- Round trips ------------------------------------------------------------------------------


def test_three_year_demo_round_trips_exactly(tmp_path: Path) -> None:
    here = DataRoot(tmp_path / "here")
    card = build_demo(here, years=3, seed=11, today=TODAY)
    repo = here.open(card, write=False)
    try:
        original = repo.export_data()
        raw = exported(repo)
    finally:
        repo.close()
    assert len(original["checkins"]) > 900
    assert len(original["capital_checkins"]) > 35  # the life check-in, every four weeks
    there = DataRoot(tmp_path / "there")
    copy = import_new_profile(there, read_export(raw))
    assert copy.display_name == DEMO_NAME
    assert everything(there, copy.id) == original
    # Into the same folder under another name: only the name differs.
    again = import_new_profile(here, read_export(raw), name="Demo copy")
    data = everything(here, again.id)
    assert data["profile"]["1"]["display_name"] == "Demo copy"
    data["profile"]["1"]["display_name"] = DEMO_NAME
    assert data == original


def test_the_export_document_says_what_it_is(repo: Repository) -> None:
    outer = json.loads(exported(repo))
    assert outer["format"] == EXPORT_FORMAT and outer["schema_version"] == SCHEMA_VERSION
    assert outer["exported"] == "2026-11-27T10:00:00+00:00" and "profile" in outer["workbook"]


def test_cli_export_then_import_into_a_second_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert run(capsys, data, "demo", "--seed", "4")[0] == 0
    out_file = tmp_path / "copy.json"
    code, out, _ = run(
        capsys, data, "export", "--profile", DEMO_NAME, "--format", "json", "-o", str(out_file)
    )
    assert code == 0 and out_file.exists()
    code, out, _ = run(capsys, data, "import", str(out_file), "--profile", "Second laptop")
    assert code == 0 and "Second laptop" in out
    root = DataRoot(data)
    first, second = everything(root, DEMO_NAME), everything(root, "Second laptop")
    second["profile"]["1"]["display_name"] = DEMO_NAME
    assert first == second


# Hypothesis: small workbooks of goals, people, check-ins and urges --------------------------

texts = st.text(st.characters(codec="utf-8"), max_size=40)
titles = texts.filter(lambda t: t.strip() != "")
days = st.dates(date(2020, 1, 1), date(2030, 12, 31))
past_days = st.dates(date(2020, 1, 1), TODAY)  # a check-in or urge is never in the future
moments = st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31), timezones=st.just(UTC))

goals = st.builds(
    Goal,
    title=titles,
    horizon=st.sampled_from(Horizon),
    area=st.sampled_from(LifeArea),
    why=texts,
    target_date=st.none() | days,
    steps=st.lists(st.builds(GoalStep, text=titles, done_on=st.none() | days), max_size=3),
    status=st.sampled_from(GoalStatus),
    created=moments,
)
people = st.builds(
    Person,
    name=titles.map(lambda t: t[:60]).filter(lambda t: t.strip() != ""),
    role=st.sampled_from(PersonRole),
    contact=texts,
    ask=texts,
    created=moments,
)
checkins = st.builds(
    Checkin,
    on=past_days,
    mood=st.none() | st.integers(1, 5),
    craving=st.none() | st.integers(0, 10),
    used=st.none() | st.sampled_from(UseAnswer),
    halt=st.lists(st.sampled_from(Halt), unique=True),
    sleep_hours=st.none() | st.floats(0, 24, allow_nan=False).map(lambda h: round(h, 2)),
    win=texts,
    note=texts,
    created=moments,
    updated=moments,
)
urges = st.builds(
    Urge,
    on=past_days,
    at=st.none() | st.times().map(lambda t: time(t.hour, t.minute)),
    strength=st.integers(0, 10),
    minutes=st.none() | st.integers(0, 1440),
    trigger=texts,
    did=texts,
    passed=st.none() | st.booleans(),
    created=moments,
)
profile_names = titles.map(lambda t: t[:60]).filter(
    lambda t: (
        t.strip() != ""
        and not any(is_control(c) or c in "\t\n" for c in t)
        and any(unicodedata.category(c)[0] in "LN" for c in unicodedata.normalize("NFKC", t))
    )
)  # a workbook's name refuses control characters (see workbook.terminal) and needs a letter
workbooks = st.tuples(
    st.lists(goals, max_size=3),
    st.lists(people, max_size=3),
    st.lists(checkins, max_size=4, unique_by=lambda c: c.on),  # one check-in a day
    st.lists(urges, max_size=4),
)


@settings(max_examples=25, deadline=None)
@given(workbook=workbooks, name=profile_names)
def test_generated_workbooks_round_trip(workbook: tuple[list[Any], ...], name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = DataRoot(Path(folder) / "a")
        card = root.create(Profile(display_name=name))
        repo = root.open(card)
        try:
            repo.add_many([record for kind in workbook for record in kind])
            original = repo.export_data()
            raw = exported(repo)
        finally:
            repo.close()
        other = DataRoot(Path(folder) / "b")
        copy = import_new_profile(other, read_export(raw))
        assert everything(other, copy.id) == original
        reopened = other.open(copy, write=False)
        try:
            for kind, model in zip(workbook, (Goal, Person, Checkin, Urge), strict=True):
                assert reopened.all(model) == kind
        finally:
            reopened.close()


# --- Refusals ---------------------------------------------------------------------------------


def envelope(workbook: Any, version: int = SCHEMA_VERSION) -> bytes:
    doc = {
        "format": EXPORT_FORMAT,
        "schema_version": version,
        "exported": "x",
        "workbook": workbook,
    }
    return json.dumps(doc).encode()


def good_data(repo: Repository) -> dict[str, Any]:
    repo.save(Checkin(on=date(2026, 11, 1), mood=3))
    repo.save(Checkin(on=date(2026, 11, 2), mood=4))
    return repo.export_data()


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        (b"not json {", "not valid JSON (line 1, column 1)"),
        (b"", "the file is empty"),
        (b"\xff\xfe{\x00", "UTF-16"),
        (b"[1, 2]", "not an export from Side by Side"),
        (json.dumps({"format": "something else"}).encode(), "not an export from Side by Side"),
        (envelope({"profile": {}}), "schema version"),
        (envelope([]), "no workbook"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(raw: bytes, said: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        read_export(raw)
    assert said in str(refused.value)


def test_bad_records_are_listed_with_their_paths(repo: Repository) -> None:
    data = good_data(repo)
    second = list(data["checkins"])[1]
    data["checkins"][second]["mood"] = 9
    first_goal = {"id": "g1", "title": "   "}
    data["goals"] = {"1": first_goal}
    with pytest.raises(ImportRefused) as refused:
        read_export(envelope(data))
    problems = refused.value.problems
    assert "check-in 2, mood: should be 5 or less" in problems
    assert "goal 1, title: please write at least one letter or number" in problems
    assert "Nothing was imported" in str(refused.value)


def test_newer_exports_and_exports_without_a_profile_are_refused(repo: Repository) -> None:
    data = good_data(repo)
    with pytest.raises(ImportRefused, match="newer version"):
        data["_meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
        read_export(envelope(data))
    data["_meta"]["1"]["schema_version"] = SCHEMA_VERSION
    del data["profile"]
    with pytest.raises(ImportRefused, match="no profile"):
        read_export(envelope(data))


def test_cli_refuses_a_corrupt_file_and_makes_no_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], repo: Repository
) -> None:
    data_dir = tmp_path / "cli"
    assert run(capsys, data_dir, "profiles", "create", "Sam")[0] == 0
    root = DataRoot(data_dir)
    before = folders(root)
    bad = good_data(repo)
    bad["checkins"][next(iter(bad["checkins"]))]["craving"] = 11
    cases = {
        "garbage.json": b"\x00\x01 not json",
        "other.json": json.dumps({"format": "another app", "workbook": {}}).encode(),
        "bad-record.json": envelope(bad),
    }
    for name, raw in cases.items():
        path = tmp_path / name
        path.write_bytes(raw)
        code, out, err = run(capsys, data_dir, "import", str(path))
        assert code == 2, name
        assert err.startswith("workbook: Nothing was imported:"), err
        assert out == ""
    assert "check-in 1, craving: should be 10 or less" in err
    assert folders(root) == before
    code, _, err = run(capsys, data_dir, "import", str(tmp_path / "missing.json"))
    assert code == 2 and "There is no file" in err and folders(root) == before


def test_an_older_schema_export_is_migrated(tmp_path: Path) -> None:
    v1 = json.loads((FIXTURES / "v1.json").read_text(encoding="utf-8"))
    data = read_export(envelope(v1, version=1))
    assert data["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    root = DataRoot(tmp_path / "data")
    card = import_new_profile(root, data)
    assert card.display_name == "Robin"
    repo = root.open(card, write=False)
    try:
        assert [g.title for g in repo.all(Goal)] == ["Open a bank account"]
        assert [p.name for p in repo.all(Person)] == ["Sam"]
        assert repo.all(Checkin) == [] and repo.all(Urge) == []
        stored = repo.export_data()
        assert {"checkins", "urges", "reviews", "plan", "resources"} <= set(stored)
    finally:
        repo.close()


def test_cli_export_never_replaces_a_file_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert run(capsys, data, "profiles", "create", "Sam")[0] == 0
    target = tmp_path / "report.md"
    target.write_text("someone else's report")
    code, out, err = run(capsys, data, "export", "--format", "md", "-o", str(target))
    assert code == 2 and out == "" and "--replace" in err
    assert target.read_text() == "someone else's report"
    code, out, _ = run(capsys, data, "export", "--format", "md", "-o", str(target), "--replace")
    assert code == 0 and target.read_text().startswith("# ")
