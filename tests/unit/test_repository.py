"""The repository: models in, models out; every text round-trips exactly or is refused kindly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tests.blns import naughty_strings
from workbook.models import (
    LONG_TEXT_MAX,
    Goal,
    GoalStep,
    Horizon,
    LifeArea,
    Person,
    Profile,
    ProfileCard,
    Settings,
    StoredModel,
)
from workbook.storage import DataRoot, Repository


def test_singletons_and_records(repo: Repository) -> None:
    assert repo.get(Settings) is None
    repo.put(Settings(country="AU"))
    assert repo.get(Settings) == Settings(country="AU")
    goal = Goal(title="Set an alarm", steps=[GoalStep(text="Buy a clock")])
    repo.save(goal)
    goal.steps[0].done_on = date(2026, 11, 27)
    repo.save(goal)
    assert repo.all(Goal) == [goal]
    assert repo.find(Goal, goal.id) == goal
    assert repo.find(Goal, "missing") is None
    assert repo.remove(Goal, goal.id) and not repo.remove(Goal, goal.id)
    assert repo.all(Goal) == []


def test_where_filter_and_order(repo: Repository) -> None:
    for n, horizon in enumerate([Horizon.SHORT, Horizon.LONG, Horizon.SHORT]):
        repo.save(Goal(title=f"g{n}", horizon=horizon))
    short = repo.all(Goal, where=lambda g: g.horizon == Horizon.SHORT)
    assert [g.title for g in short] == ["g0", "g2"]


def test_changes_survive_reopen(root: DataRoot, make_profile: Callable[..., ProfileCard]) -> None:
    card = make_profile()
    repo = root.open(card)
    repo.save(Person(name="Ana", contact="+44 7700 900123"))
    repo.close()
    again = root.open(card)
    assert [p.name for p in again.all(Person)] == ["Ana"]
    again.close()


def test_every_stored_model_has_field_docstrings() -> None:
    """models.py is the one place to read the schema: a docstring under every field."""
    import ast
    import inspect

    import workbook.models as models_module

    tree = ast.parse(inspect.getsource(models_module))
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    stored = {
        name
        for name, obj in vars(models_module).items()
        if inspect.isclass(obj)
        and issubclass(obj, StoredModel)
        and obj.__module__ == models_module.__name__
        and name in classes
    }
    checked = 0
    for name in stored:
        body = classes[name].body
        for i, stmt in enumerate(body):
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                if stmt.target.id.isupper() or name == "StoredModel":  # constants, the base
                    continue
                following = body[i + 1] if i + 1 < len(body) else None
                documented = isinstance(following, ast.Expr) and isinstance(
                    following.value, ast.Constant
                )
                assert documented, f"{name}.{stmt.target.id} needs a docstring under it"
                checked += 1
    assert checked >= 30


def test_naughty_strings_round_trip_or_are_refused(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    stored: list[tuple[str, str]] = []
    refused = 0
    for n, text in enumerate(naughty_strings()):
        try:
            goal = Goal(title=text or "(empty)", why=text, if_situation=text[:200])
        except ValidationError as exc:
            refused += 1
            messages = " ".join(e["msg"] for e in exc.errors())
            assert "Traceback" not in messages
            continue
        goal.id = f"n{n}"
        repo.save(goal)
        stored.append((goal.id, goal.why))
    repo.close()
    again = root.open(card, write=False)
    by_id = {g.id: g for g in again.all(Goal)}
    for ident, why in stored:
        assert by_id[ident].why == why  # exactly as typed
    assert len(stored) > 400 and refused < 50


def test_limits_and_kind_refusals() -> None:
    with pytest.raises(ValidationError) as caught:
        Goal(title="   ")
    assert "please write at least one letter" in str(caught.value)
    with pytest.raises(ValidationError):
        Goal(title="x", why="y" * (LONG_TEXT_MAX + 1))
    with pytest.raises(ValidationError) as caught:
        Profile(display_name="Sam\ud800")
    assert "cannot be saved" in str(caught.value)
    assert Goal(title="x", why="y" * LONG_TEXT_MAX).why


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
goals = st.builds(
    Goal,
    title=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=50).filter(
        lambda s: s.strip()
    ),
    why=text,
    area=st.sampled_from(list(LifeArea)),
    horizon=st.sampled_from(list(Horizon)),
    target_date=st.none() | st.dates(),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=st.lists(goals, max_size=8))
def test_goals_round_trip_through_storage(
    root: DataRoot, make_profile: Callable[..., ProfileCard], items: list[Goal]
) -> None:
    card = make_profile(f"H{len(root.cards())}")
    repo = root.open(card)
    repo.save_many(list(items))
    repo.close()
    again = root.open(card, write=False)
    assert again.all(Goal) == items


def test_one_change_is_one_save(root: DataRoot, make_profile: Callable[..., ProfileCard]) -> None:
    """Each save rewrites the file once (TinyDB's upsert alone would write twice)."""
    import json

    card = make_profile()
    repo = root.open(card)
    path = root.files(card).workbook

    def saves() -> int:
        return int(json.loads(path.read_bytes())["_meta"]["1"]["save_count"])

    start = saves()
    goal = Goal(title="one")
    repo.save(goal)
    repo.save(goal)
    repo.put(Settings())
    repo.put(Settings(country="US"))
    repo.remove(Goal, goal.id)
    with repo.transaction():
        repo.save(Goal(title="a"))
        repo.save(Goal(title="b"))
    assert saves() - start == 6
    repo.close()


def test_find_by_matches_stored_values(repo: Repository) -> None:
    first = Goal(title="a", target_date=date(2026, 1, 5), horizon=Horizon.LONG)
    second = Goal(title="b", target_date=date(2026, 1, 6))
    repo.save_many([first, second])
    assert repo.find_by(Goal, target_date=date(2026, 1, 5)) == [first]
    assert repo.find_by(Goal, horizon=Horizon.LONG, title="a") == [first]
    assert repo.find_by(Goal, horizon=Horizon.LONG, title="b") == []
    with pytest.raises(TypeError):
        repo.find_by(Goal, nonsense=1)


def test_find_between_dates_inclusive(repo: Repository) -> None:
    goals = [Goal(title=f"g{d}", target_date=date(2026, 1, d)) for d in (1, 5, 9)]
    repo.save_many(list(goals))
    repo.save(Goal(title="no date"))
    found = repo.find_between(Goal, "target_date", date(2026, 1, 5), date(2026, 1, 9))
    assert [g.title for g in found] == ["g5", "g9"]
    with pytest.raises(TypeError):
        repo.find_between(Goal, "nonsense", 1, 2)
    assert repo.count_between(Goal, "target_date", date(2026, 1, 5), date(2026, 1, 9)) == 2
    assert repo.count_between(Goal, "target_date", date.min, date(2025, 12, 31)) == 0
    with pytest.raises(TypeError):
        repo.count_between(Goal, "nonsense", 1, 2)


def test_newest_sorts_as_stored_and_reads_only_those(repo: Repository) -> None:
    """The newest ``n`` by stored fields, last first; a missing value counts as the latest
    and equals keep the order they were saved in (as sorting all the models would)."""
    days = [date(2026, 1, d) for d in (9, 1, 5)]
    goals = [Goal(title=f"g{d.day}", target_date=d) for d in days]
    goals += [Goal(title="no date"), Goal(title="g5 again", target_date=date(2026, 1, 5))]
    repo.save_many(list(goals))
    every = sorted(repo.all(Goal), key=lambda g: (g.target_date or date.max,), reverse=True)
    assert [g.title for g in repo.newest(Goal, 3, "target_date")] == [g.title for g in every[:3]]
    assert [g.title for g in every[:3]] == ["no date", "g9", "g5"]
    assert len(repo.newest(Goal, 10, "target_date", "title")) == 5
    assert repo.newest(Goal, 0, "target_date") == []
    with pytest.raises(TypeError):
        repo.newest(Goal, 1, "nonsense")


def test_remembered_until_the_workbook_changes(repo: Repository) -> None:
    made: list[int] = []

    def count() -> int:
        made.append(1)
        return len(repo.all(Goal))

    assert repo.remembered("goals", count) == 0
    assert repo.remembered("goals", count) == 0  # nothing changed: not made again
    assert len(made) == 1
    repo.save(Goal(title="Keep appointments"))
    assert repo.remembered("goals", count) == 1  # a save forgets what was remembered
    assert len(made) == 2
    with pytest.raises(RuntimeError), repo.transaction():
        repo.save(Goal(title="Not kept"))
        assert repo.remembered("goals", count) == 2  # inside: sees the change in progress
        raise RuntimeError("the person cancelled")
    assert repo.remembered("goals", count) == 1  # rolled back: made again, from the file
    assert len(made) == 4
    assert repo.remembered("other", lambda: "kept apart") == "kept apart"


def test_reading_many_entries_copies_none(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading every entry (and Home's glance at ten years of check-ins) validates each
    stored entry as it is: TinyDB's copying iterator is never walked, and what is read back is
    what was saved, in the order it was first saved; nothing stored is changed by reading."""
    from tinydb.table import Table

    from workbook.checkins import CheckinDay
    from workbook.models import Checkin

    goals = [Goal(title=f"g{n}") for n in range(3)]
    for goal in goals:
        repo.save(goal)
    for day in (3, 1, 2):
        repo.save(Checkin(on=date(2026, 11, day), mood=day, craving=day))
    before = repo.export_data()

    def copying(self: Table) -> None:
        raise AssertionError(f"{self.name}: every entry copied to be read")

    monkeypatch.setattr(Table, "__iter__", copying)
    assert repo.all(Goal) == goals
    assert [d.on.day for d in repo.glance(Checkin, CheckinDay)] == [3, 1, 2]
    assert [g.title for g in repo.newest(Goal, 2, "title")] == ["g2", "g1"]
    assert repo.export_data() == before
    with pytest.raises(ValueError, match="already used"):
        repo.add_many([Goal(title="again", id=goals[0].id)])
    repo.add_many([Goal(title="g3")])
    assert [g.title for g in repo.all(Goal)] == ["g0", "g1", "g2", "g3"]
    with pytest.raises(TypeError, match="not a stored model"):
        repo.all(StoredModel)  # type: ignore[type-var]
