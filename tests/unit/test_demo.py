"""The demo workbook: deterministic, complete, valid, kind, and consistent with its own story."""

from __future__ import annotations

import itertools
import json
import random
import time as clock
import uuid
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.unit.test_cli import run
from workbook import stretches
from workbook.checkins import needs_reflection, words
from workbook.demo import DEMO_NAME, DemoSpan, build_demo, generate
from workbook.models import (
    CapitalCheckin,
    Checkin,
    Goal,
    GoalStatus,
    Person,
    Plan,
    PlanAnswers,
    PlanRevision,
    Profile,
    Review,
    ReviewState,
    Setback,
    SkillLevel,
    SkillProgress,
    StoredModel,
    Urge,
    UseAnswer,
)
from workbook.models import (
    Record as RecordModel,
)
from workbook.skills import all_skills, recent_changes, ticked_keys
from workbook.storage import DataRoot, Repository
from workbook.storage.migrations import migrate
from workbook.storage.transfer import export_bytes
from workbook.storage.validation import find_problems

TODAY = date(2026, 11, 27)
BANNED = ("addict", "clean", "dirty", "failure", "relapse", "junkie", "alcoholic")


def new_data_at(version: int) -> dict[str, dict[str, object]]:
    return {"_meta": {"1": {"schema_version": version}}}


def export_of(root: DataRoot, seed: int, years: int = 1) -> bytes:
    card = build_demo(root, years=years, seed=seed, today=TODAY)
    repo = root.open(card, write=False)
    try:
        return export_bytes(repo, "fixed")
    finally:
        repo.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    """A one-year demo (seed 7), open to read, shared by the read-only tests below."""
    root = DataRoot(tmp_path_factory.mktemp("demo") / "data")
    card = build_demo(root, years=1, seed=7, today=TODAY)
    return root.open(card, write=False)


def test_same_seed_same_bytes_other_seed_differs(tmp_path: Path) -> None:
    first = export_of(DataRoot(tmp_path / "a"), seed=3)
    again = export_of(DataRoot(tmp_path / "b"), seed=3)
    other = export_of(DataRoot(tmp_path / "c"), seed=4)
    assert first == again
    assert first != other


def test_every_table_has_entries_and_everything_validates(demo: Repository) -> None:
    data = demo.export_data()
    migrated = migrate(new_data_at(1), 1)
    assert set(migrated) - {"_meta"} <= set(StoredModel.registry)
    # Drafts hold typing interrupted by F9 or a lock; a demo made in one go has none.
    empty = sorted(t for t in StoredModel.registry if not data.get(t) and t != "drafts")
    assert empty == []
    assert find_problems(data) == []
    for model in StoredModel.registry.values():
        if model.TABLE in ("profile", "settings"):
            continue
        for doc in data.get(model.TABLE, {}).values():
            model.model_validate(doc)


def test_the_demo_is_labelled_and_kind(demo: Repository) -> None:
    profile = demo.get(Profile)
    assert profile is not None and profile.display_name == DEMO_NAME
    text = json.dumps(demo.export_data(), ensure_ascii=False).casefold()
    assert [word for word in BANNED if word in text] == []


def test_nothing_is_dated_after_today_and_today_is_left_to_do(demo: Repository) -> None:
    checkins = demo.all(Checkin)
    assert max(c.on for c in checkins) == TODAY - timedelta(days=1)
    assert len({c.on for c in checkins}) == len(checkins)  # one per day
    assert all(c.created.date() <= TODAY and (c.filled_in_on or c.on) <= TODAY for c in checkins)
    assert all(u.on < TODAY for u in demo.all(Urge))
    assert all(
        r.week_end < TODAY and (r.finished_on or r.week_end) <= TODAY for r in demo.all(Review)
    )
    goals = demo.all(Goal)
    assert all(s.done_on is None or s.done_on <= TODAY for g in goals for s in g.steps)
    assert any(g.status == GoalStatus.ACTIVE and g.horizon == "short-term" for g in goals)


def test_checkins_agree_with_the_pathway_and_setbacks(demo: Repository) -> None:
    checkins = demo.all(Checkin)
    days = (TODAY - min(c.on for c in checkins)).days
    assert 0.75 * days < len(checkins) < days  # most days, not every day
    allowed = {a.value for a in words().used_for(demo.get(Profile).pathway).answers}  # type: ignore[union-attr]
    assert {c.used for c in checkins if c.used} <= allowed
    assert Counter(c.used for c in checkins)[UseAnswer.WITHIN_LIMIT] > 10
    setbacks = demo.all(Setback)
    assert 3 <= len(setbacks) <= 10
    over = {c.on for c in checkins if c.used == UseAnswer.OVER_LIMIT}
    assert over == {s.on for s in setbacks}  # every setback day is reflected on
    assert not any(needs_reflection(demo, c) for c in checkins if c.used)
    assert all(s.going_on and s.helped_before and s.next_step and s.halt for s in setbacks)
    gaps = [(b.on - a.on).days for a, b in itertools.pairwise(setbacks)]
    assert min(gaps) > 14  # spread out
    assert len({c.win for c in checkins if c.win}) > 15  # varied
    # A setback shows as information: days kept and time between setbacks, not only a reset.
    record = stretches.record_of(demo, TODAY)
    assert record.between_setbacks == [g - 1 for g in gaps]
    assert record.days_kept > 300 and record.current > 0


def test_urges_come_less_often_and_weaker_over_time(demo: Repository) -> None:
    urges = demo.all(Urge)
    start = min(c.on for c in demo.all(Checkin))
    first = [u for u in urges if u.on < start + timedelta(days=60)]
    last = [u for u in urges if u.on >= TODAY - timedelta(days=60)]
    assert len(first) / 8.5 >= 3  # several a week early on
    assert len(last) < len(first) / 2
    assert sum(u.strength for u in last) / len(last) < sum(u.strength for u in first) / len(first)
    assert {u.passed for u in urges} == {True, False, None}
    assert len({u.trigger for u in urges}) >= 8
    assert any(u.strength_after is not None for u in urges)


def test_reviews_most_weeks_and_the_difference_drifts_up(demo: Repository) -> None:
    reviews = sorted(demo.all(Review), key=lambda r: r.week_start)
    done = [r for r in reviews if r.state == ReviewState.DONE]
    assert 0.7 * 52 < len(done) < 52  # gaps, realistic
    assert all(r.goals and r.at_step == len(r.goals) for r in done)
    assert any(e.rating is not None for r in done for e in r.goals)
    scores = [r.difference for r in done if r.difference is not None]
    quarter = len(scores) // 4
    assert sum(scores[-quarter:]) / quarter > sum(scores[:quarter]) / quarter + 2
    dips = sum(1 for a, b in itertools.pairwise(scores) if b < a)
    assert dips >= 5
    goal_ids = {g.id for g in demo.all(Goal)}
    assert all(e.goal_id in goal_ids for r in done for e in r.goals)


def test_plan_has_every_step_and_revisions(demo: Repository) -> None:
    plan = demo.get(Plan)
    assert plan is not None and plan.finished and plan.reviewed
    for name in ("changes", "reasons", "steps", "helpers", "signs", "obstacles"):
        assert getattr(plan, name), name
    assert plan.importance is not None and plan.confidence is not None
    revisions = sorted(demo.all(PlanRevision), key=lambda r: r.taken)
    assert 2 <= len(revisions) <= 4
    assert revisions[0].kind == "finished"
    assert {r.kind for r in revisions[1:]} == {"reviewed"}
    now = PlanAnswers.model_validate(plan.model_dump(include=set(PlanAnswers.model_fields)))
    assert revisions[-1].answers == now
    assert revisions[0].answers != now  # the plan grew over time
    assert plan.reviewed == revisions[-1].day
    people = {p.id for p in demo.all(Person)}
    assert all(h.person_id in people for h in plan.helpers if h.person_id)


def test_skills_have_history_practice_and_an_own_skill(demo: Repository) -> None:
    skills = {s.id: s for s in all_skills(demo)}
    progress = demo.all(SkillProgress)
    assert len(progress) >= 5 and all(p.id in skills for p in progress)
    assert any(skills[p.id].own for p in progress)
    assert any(p.level == SkillLevel.CONFIDENT for p in progress)
    for record in progress:
        assert record.history and record.history[-1].to_level == record.level
        assert ticked_keys(skills[record.id], record)  # ticks point at real steps
        days = [c.day for c in record.history]
        assert days == sorted(days)
    assert recent_changes(demo)


def test_ten_years_is_quick_and_scales(tmp_path: Path) -> None:
    began = clock.perf_counter()
    card = build_demo(DataRoot(tmp_path / "data"), years=10, seed=2, today=TODAY)
    took = clock.perf_counter() - began
    root = DataRoot(tmp_path / "data")
    repo = root.open(card, write=False)
    try:
        assert repo.count(Checkin) > 3000 and repo.count(Review) > 400
        assert repo.count(Urge) > 500 and repo.count(Goal) > 100
        assert len(repo.all(PlanRevision)) == 4
    finally:
        repo.close()
    assert took < 30, f"10 years took {took:.1f}s"


def test_every_id_comes_from_the_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("the demo made a random id (uuid4)")

    monkeypatch.setattr(uuid, "uuid4", refuse)
    span = DemoSpan(TODAY - timedelta(days=365), TODAY, random.Random(9), 9)
    made = generate(span)
    ids = [(m.TABLE, m.id) for m in made if isinstance(m, RecordModel)]
    assert len(ids) == len(set(ids)) > 500  # unique in each table


def test_cli_demo_replaces_the_old_demo_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert run(capsys, data, "profiles", "create", "Sam")[0] == 0
    code, out, _ = run(capsys, data, "demo", "--years", "1", "--seed", "5")
    assert code == 0 and DEMO_NAME in out and "workbook --profile p-" in out
    code, _, _ = run(capsys, data, "demo", "--seed", "6")
    assert code == 0
    names = sorted(c.display_name for c in DataRoot(data).cards())
    assert names == sorted([DEMO_NAME, "Sam"])
    code, _, err = run(capsys, data, "demo", "--years", "0")
    assert code == 2 and "1 to 20" in err


def test_plan_items_keep_their_ids_across_revisions(demo: Repository) -> None:
    revisions = sorted(demo.all(PlanRevision), key=lambda r: r.taken)
    first, last = revisions[0].answers, revisions[-1].answers
    for name in ("changes", "reasons", "steps", "helpers", "signs", "obstacles"):
        before = {item.id: item.model_dump(exclude={"by_when"}) for item in getattr(first, name)}
        after = {item.id: item.model_dump(exclude={"by_when"}) for item in getattr(last, name)}
        assert before.items() <= after.items(), name


def test_an_open_demo_is_never_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    root = DataRoot(data)
    card = build_demo(root, years=1, seed=1, today=TODAY)
    repo = root.open(card)  # open in another window
    try:
        code, _, err = run(capsys, data, "demo", "--seed", "2")
        assert code == 3 and "open" in err
        assert [c.id for c in root.cards()] == [card.id]
        assert repo.count(Checkin) > 300
    finally:
        repo.close()


def test_life_check_ins_every_four_weeks_rising_slowly(demo: Repository) -> None:
    from workbook import capital

    done = capital.history(demo)
    assert 12 <= len(done) <= 14
    assert all((b.day - a.day).days == 28 for a, b in itertools.pairwise(done))
    assert all(len(c.answers) == 10 for c in done) and done[-1].day < TODAY

    def mean(c: CapitalCheckin) -> float:
        return sum(a.rating or 0 for a in c.answers) / len(c.answers)

    assert mean(done[-1]) > mean(done[0]) + 1
    assert capital.next_due(done) is not None
