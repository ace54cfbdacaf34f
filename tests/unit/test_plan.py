"""The change plan's domain logic: saving answers, finishing, revisions and goals from items."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.blns import naughty_strings
from workbook import plan as p
from workbook.errors import InvalidInput
from workbook.models import (
    Goal,
    Horizon,
    LifeArea,
    Person,
    Plan,
    PlanAnswers,
    PlanChange,
    PlanHelper,
    PlanObstacle,
    PlanPoint,
    PlanRevision,
    PlanStep,
    RevisionKind,
)
from workbook.storage import DataRoot, Repository

DAY = date(2026, 11, 27)


def test_a_new_workbook_has_an_empty_plan(repo: Repository) -> None:
    plan = p.load_plan(repo)
    assert plan == Plan()
    assert plan.current_step == 1
    assert not any(p.is_answered(plan, n) for n in range(1, 9))
    assert p.revisions(repo) == []


def test_every_answer_saves_at_once(repo: Repository) -> None:
    change = PlanChange(text="Drink less on weeknights", area=LifeArea.HEALTH)
    p.set_answers(repo, changes=[change], importance=7, importance_why="my kids")
    stored = repo.get(Plan)
    assert stored is not None
    assert stored.changes == [change]
    assert stored.importance == 7
    assert stored.importance_why == "my kids"


@pytest.mark.parametrize("bad", [-1, 11, 99])
def test_ratings_are_only_0_to_10(repo: Repository, bad: int) -> None:
    p.set_answers(repo, importance=4)
    with pytest.raises(InvalidInput, match="0 to 10"):
        p.set_answers(repo, importance=bad)
    assert p.load_plan(repo).importance == 4


def test_text_is_kept_up_to_the_limit_and_refused_kindly_past_it(repo: Repository) -> None:
    p.set_answers(repo, confidence_why="x" * 5000)
    with pytest.raises(InvalidInput, match="5,000 characters"):
        p.set_answers(repo, confidence_why="x" * 5001)
    assert p.load_plan(repo).confidence_why == "x" * 5000


def test_current_step_is_remembered(repo: Repository) -> None:
    p.go_to_step(repo, 4)
    assert p.load_plan(repo).current_step == 4
    p.go_to_step(repo, 42)
    assert p.load_plan(repo).current_step == 8


def test_finishing_needs_step_one_and_loses_nothing(repo: Repository) -> None:
    p.set_answers(repo, reasons=[PlanPoint(text="sleep")], changes=[PlanChange(text="  ")])
    with pytest.raises(InvalidInput, match="Step 1"):
        p.finish(repo, DAY)
    plan = p.load_plan(repo)
    assert plan.finished is None
    assert plan.reasons[0].text == "sleep"
    assert p.revisions(repo) == []


def test_finishing_keeps_a_dated_revision(repo: Repository) -> None:
    p.set_answers(repo, changes=[PlanChange(text="Stop gambling online")])
    revision = p.finish(repo, DAY)
    plan = p.load_plan(repo)
    assert plan.finished == DAY
    assert plan.reviewed == DAY
    assert revision.day == DAY
    assert revision.kind == RevisionKind.FINISHED
    assert p.revisions(repo) == [revision]
    assert revision.answers.changes[0].text == "Stop gambling online"
    # A later change to the plan does not touch the kept copy.
    p.set_answers(repo, changes=[PlanChange(text="Something else")])
    assert p.revisions(repo)[0].answers.changes[0].text == "Stop gambling online"


def test_marking_reviewed_keeps_another_revision(repo: Repository) -> None:
    p.set_answers(repo, changes=[PlanChange(text="Cut back")])
    first = p.finish(repo, DAY)
    later = DAY + timedelta(days=7)
    second = p.mark_reviewed(repo, later)
    assert [r.kind for r in p.revisions(repo)] == [RevisionKind.FINISHED, RevisionKind.REVIEWED]
    assert p.load_plan(repo).finished == DAY
    assert p.load_plan(repo).reviewed == later
    assert p.previous_revision(repo, second) == first
    assert p.previous_revision(repo, first) is None


def test_section_lines_and_not_yet() -> None:
    answers = PlanAnswers(
        changes=[PlanChange(text="Open a bank account", area=LifeArea.MONEY), PlanChange()],
        importance=0,
        confidence_up="a friend to go with me",
        steps=[PlanStep(text="Find my ID", by_when=date(2026, 12, 1))],
        helpers=[PlanHelper(name="Jo", what="come to the bank")],
        obstacles=[PlanObstacle(text="the queue is long", then="go back on Tuesday")],
    )
    assert p.section_lines(answers, "changes") == ["Open a bank account (money)"]
    assert p.section_lines(answers, "importance") == ["0 out of 10"]
    assert p.section_lines(answers, "confidence") == ["Up one point if: a friend to go with me"]
    assert p.section_lines(answers, "reasons") == []
    assert p.section_lines(answers, "steps") == ["Find my ID (by 1 Dec 2026)"]
    assert p.section_lines(answers, "helpers") == ["Jo: come to the bank"]
    assert p.section_lines(answers, "obstacles") == [
        "If the queue is long, then I will go back on Tuesday"
    ]
    answers.obstacles.append(PlanObstacle(text="If payday comes,", then="Then I will save"))
    assert p.section_lines(answers, "obstacles")[1] == "If payday comes, then I will save"
    assert [p.is_answered(answers, n) for n in range(1, 9)] == [
        True, True, True, False, True, True, False, True,
    ]  # fmt: skip


def test_diff_lists_added_and_removed_items_per_section() -> None:
    old = PlanAnswers(
        changes=[PlanChange(text="Drink less")],
        importance=5,
        reasons=[PlanPoint(text="health"), PlanPoint(text="money")],
    )
    new = PlanAnswers(
        changes=[PlanChange(text="Drink less")],
        importance=6,
        reasons=[PlanPoint(text="health"), PlanPoint(text="my kids")],
        signs=[PlanPoint(text="better sleep")],
    )
    diff = {d.key: d for d in p.diff_answers(old, new)}
    assert set(diff) == {"importance", "reasons", "signs"}
    assert diff["importance"].added == ["6 out of 10"]
    assert diff["importance"].removed == ["5 out of 10"]
    assert diff["reasons"].added == ["my kids"]
    assert diff["reasons"].removed == ["money"]
    assert diff["signs"].added == ["better sleep"] and diff["signs"].removed == []
    assert diff["signs"].title == "How I will know it is working"
    assert p.diff_answers(new, new) == []
    everything = p.diff_answers(None, new)
    assert [d.key for d in everything] == ["changes", "importance", "reasons", "signs"]


def test_make_goal_from_a_step_points_back(repo: Repository) -> None:
    step = PlanStep(text="Call the helpline\nand ask about groups", by_when=date(2026, 12, 1))
    p.set_answers(
        repo,
        changes=[PlanChange(text="Go to a group", area=LifeArea.COMMUNITY)],
        steps=[step],
    )
    goal = p.make_goal(repo, step.id)
    stored = repo.all(Goal)
    assert stored == [goal]
    assert goal.title == "Call the helpline"
    assert goal.horizon == Horizon.SHORT
    assert goal.area == LifeArea.COMMUNITY
    assert goal.target_date == date(2026, 12, 1)
    assert goal.source is not None
    assert goal.source.kind == "plan"
    assert goal.source.ref == step.id
    assert goal.source.label == "The steps I will take"
    # Asking twice does not make a second goal.
    assert p.make_goal(repo, step.id) == goal
    assert len(repo.all(Goal)) == 1


def test_make_goal_from_a_change_uses_its_area_and_from_an_obstacle_its_if_then(
    repo: Repository,
) -> None:
    change = PlanChange(text="y" * 300, area=LifeArea.MONEY)
    obstacle = PlanObstacle(text="payday comes", then="save half first")
    p.set_answers(repo, changes=[change], obstacles=[obstacle])
    goal = p.make_goal(repo, change.id)
    assert goal.area == LifeArea.MONEY
    assert len(goal.title) == 200 and goal.title.endswith("…")
    goal2 = p.make_goal(repo, obstacle.id)
    assert goal2.title == "save half first"
    assert (goal2.if_situation, goal2.then_action) == ("payday comes", "save half first")
    assert goal2.area == LifeArea.MONEY


def test_make_goal_from_nothing_is_refused(repo: Repository) -> None:
    with pytest.raises(InvalidInput):
        p.make_goal(repo, "no-such-item")
    assert repo.all(Goal) == []


def test_helpers_link_to_my_people(repo: Repository) -> None:
    sam = Person(name="Sam")
    repo.save(sam)
    helper = p.new_helper(repo, "  sam ", "walk with me")
    assert helper.person_id == sam.id and helper.name == "Sam"
    new = p.new_helper(repo, "Jo", "call on Fridays")
    assert [x.name for x in repo.all(Person)] == ["Sam", "Jo"]
    assert new.person_id == repo.all(Person)[1].id
    with pytest.raises(InvalidInput):
        p.new_helper(repo, "   ")


def test_values_keep_a_top_five_of_chosen_values(repo: Repository) -> None:
    chosen = ["family", "health", "music", "calm", "home", "fun", "courage"]
    values = p.save_values(repo, chosen=chosen, top=[*chosen, "family", "not chosen"])
    assert values.top == chosen[:5]
    values = p.save_values(repo, chosen=chosen[1:], habit_place=3)
    assert values.top == chosen[1:5]
    assert p.load_values(repo).habit_place == 3
    with pytest.raises(InvalidInput):
        p.save_values(repo, habit_place=7)


def test_weighing_saves_each_box(repo: Repository) -> None:
    p.save_weighing(repo, habit_gives="it helps me relax")
    p.save_weighing(repo, change_costs="my Friday crowd")
    weighing = p.load_weighing(repo)
    assert weighing.habit_gives == "it helps me relax"
    assert weighing.change_costs == "my Friday crowd"


def test_the_words_have_eight_steps_with_examples() -> None:
    words = p.words()
    assert [s.key for s in words.step] == list(p.STEP_KEYS)
    for step in words.step:
        assert 1 <= len(step.examples) <= 2
    assert "why not 10" not in json.dumps(words.model_dump()).lower()
    assert words.step[1].why_lower == "Why this number and not a lower one?"
    assert words.step[2].move_up == "What would move it up one point?"


def test_a_workbook_from_before_plans_opens_with_an_empty_plan(
    root: DataRoot, make_profile: object
) -> None:
    card = make_profile()  # type: ignore[operator]
    path = root.files(card).workbook
    data = json.loads(path.read_text(encoding="utf-8"))
    for table in ("plan", "plan_revisions", "weighing", "values"):
        data.pop(table, None)
    data["_meta"]["1"]["schema_version"] = 1
    data["_meta"]["1"].pop("content_sha256")  # files of that version had no checksum
    for later in ("reviews", "checkins", "setbacks", "urges", "skill_progress", "own_skills",
                  "resources", "hard_moments"):  # fmt: skip
        data.pop(later, None)
    path.write_text(json.dumps(data), encoding="utf-8")
    opened = root.open(card)
    try:
        assert p.load_plan(opened) == Plan()
        assert p.revisions(opened) == []
        assert p.load_weighing(opened).habit_gives == ""
        assert p.load_values(opened).chosen == []
        p.set_answers(opened, changes=[PlanChange(text="start")])
        assert p.load_plan(opened).changes[0].text == "start"
    finally:
        opened.close()


def test_naughty_strings_round_trip_through_plan_fields(repo: Repository) -> None:
    for text in naughty_strings():
        try:
            change = p.new_item("changes", text=text)
        except InvalidInput:
            continue  # refused kindly (a character that cannot be saved)
        p.set_answers(repo, changes=[change], importance_why=text, obstacles=[
            PlanObstacle(text=text, then=text)
        ])  # fmt: skip
        plan = p.load_plan(repo)
        assert plan.changes[0].text == text
        assert plan.importance_why == text
        assert plan.obstacles[0].then == text


_text = st.text(max_size=40)
_changes = st.builds(PlanChange, text=_text, area=st.none() | st.sampled_from(LifeArea))
_points = st.builds(PlanPoint, text=_text)
_steps = st.builds(PlanStep, text=_text, by_when=st.none() | st.dates())
_helpers = st.builds(PlanHelper, name=_text, what=_text)
_obstacles = st.builds(PlanObstacle, text=_text, then=_text)
_rating = st.none() | st.integers(0, 10)
_plans = st.builds(
    Plan,
    changes=st.lists(_changes, max_size=3),
    importance=_rating,
    importance_why=_text,
    confidence=_rating,
    confidence_up=_text,
    reasons=st.lists(_points, max_size=3),
    steps=st.lists(_steps, max_size=3),
    helpers=st.lists(_helpers, max_size=3),
    signs=st.lists(_points, max_size=3),
    obstacles=st.lists(_obstacles, max_size=3),
    current_step=st.integers(1, 8),
    finished=st.none() | st.dates(),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=_plans)
def test_any_plan_round_trips_through_storage(repo: Repository, plan: Plan) -> None:
    try:
        plan.model_dump_json()
    except (UnicodeEncodeError, ValueError):
        return
    repo.put(plan)
    assert p.load_plan(repo) == plan
    if p.can_finish(plan):
        revision = p.finish(repo, DAY)
        stored = repo.find(PlanRevision, revision.id)
        assert stored is not None and stored.answers == p._snapshot(plan)


def test_weighing_refuses_past_the_limit_kindly(repo: Repository) -> None:
    p.save_weighing(repo, habit_costs="a" * 5000)
    with pytest.raises(InvalidInput, match="5,000"):
        p.save_weighing(repo, habit_costs="a" * 5001)
    assert p.load_weighing(repo).habit_costs == "a" * 5000
