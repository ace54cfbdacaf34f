"""Goals: adding, editing, steps, status, links, deleting, progress maths and kind refusals."""

from __future__ import annotations

from datetime import date

import pytest

from workbook import goals, reviews
from workbook.errors import InvalidInput
from workbook.models import Goal, GoalSource, GoalStatus, GoalStep, Horizon, LifeArea
from workbook.storage import Repository
from workbook.weeks import week_of

TODAY = date(2026, 11, 27)


def stored(repo: Repository, goal: Goal) -> Goal:
    found = repo.find(Goal, goal.id)
    assert found is not None
    return found


def test_add_goal_stores_every_field(repo: Repository) -> None:
    source = GoalSource(kind="plan", ref="step-1", label="From my change plan: walk daily")
    goal = goals.add_goal(
        repo,
        "  Walk 20 minutes a day  ",
        horizon=Horizon.SHORT,
        area=LifeArea.HEALTH,
        why="I sleep better",
        done_when="Five walks a week for a month",
        target_date=date(2026, 12, 31),
        if_situation="If it rains",
        then_action="then I walk at the shopping centre",
        source=source,
        steps=["Find shoes", " ", "Walk on Monday"],
    )
    got = stored(repo, goal)
    assert got.title == "Walk 20 minutes a day"
    assert got.area == LifeArea.HEALTH and got.horizon == Horizon.SHORT
    assert got.why == "I sleep better"
    assert got.done_when == "Five walks a week for a month"
    assert got.target_date == date(2026, 12, 31)
    assert (got.if_situation, got.then_action) == (
        "If it rains",
        "then I walk at the shopping centre",
    )
    assert got.source == source
    assert [s.text for s in got.steps] == ["Find shoes", "Walk on Monday"]
    assert got.status == GoalStatus.ACTIVE


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_empty_title_is_refused_kindly(repo: Repository, title: str) -> None:
    with pytest.raises(InvalidInput, match="needs a few words"):
        goals.add_goal(repo, title)
    assert repo.all(Goal) == []


def test_too_long_title_is_refused_without_saving(repo: Repository) -> None:
    with pytest.raises(InvalidInput, match="a little long"):
        goals.add_goal(repo, "x" * 201)
    assert repo.all(Goal) == []


@pytest.mark.parametrize("text", ["27/11/2026", "20261127", "soon"])
def test_bad_dates_are_refused_showing_the_format(text: str) -> None:
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        goals.parse_date(text, date(2026, 12, 1))


def test_goal_dates_take_the_same_words_as_every_date_box() -> None:
    assert goals.parse_date("tomorrow", date(2026, 12, 1)) == date(2026, 12, 2)
    assert goals.parse_date("2026-2-3", date(2026, 12, 1)) == date(2026, 2, 3)
    with pytest.raises(InvalidInput, match="there is no month 13"):
        goals.parse_date("2026-13-01", date(2026, 12, 1))


def test_dates_parse_and_past_dates_get_a_gentle_note() -> None:
    assert goals.parse_date(" 2026-12-31 ", date(2026, 12, 1)) == date(2026, 12, 31)
    assert goals.parse_date("", date(2026, 12, 1)) is None
    assert goals.date_note(date(2026, 11, 1), TODAY).startswith("That date has already passed")
    assert goals.date_note(TODAY, TODAY) == ""
    assert goals.date_note(None, TODAY) == ""


def test_past_target_date_is_allowed_and_flagged_gently(repo: Repository) -> None:
    goal = goals.add_goal(repo, "Call the bank", target_date=date(2026, 11, 1))
    assert goals.past_target(goal, TODAY)
    assert not goals.past_target(goal, date(2026, 11, 1))
    done = goals.complete(repo, goal.id, TODAY)
    assert not goals.past_target(done, TODAY)
    assert not goals.past_target(goals.add_goal(repo, "No date"), TODAY)


def test_edit_goal_changes_only_what_was_asked(repo: Repository) -> None:
    goal = goals.add_goal(repo, "Old title", why="because", steps=["one"])
    goals.edit_goal(repo, goal.id, title="New title", area=LifeArea.MONEY)
    got = stored(repo, goal)
    assert (got.title, got.area, got.why) == ("New title", LifeArea.MONEY, "because")
    assert [s.text for s in got.steps] == ["one"]
    with pytest.raises(InvalidInput, match="needs a few words"):
        goals.edit_goal(repo, goal.id, title=" ")
    assert stored(repo, goal).title == "New title"
    with pytest.raises(TypeError):
        goals.edit_goal(repo, goal.id, status=GoalStatus.DONE)


def test_steps_tick_untick_add_and_remove(repo: Repository) -> None:
    goal = goals.add_goal(repo, "Open a bank account", steps=["Find ID", "Book a visit"])
    first, second = goal.steps
    goals.tick_step(repo, goal.id, first.id, TODAY)
    assert stored(repo, goal).steps[0].done_on == TODAY
    goals.toggle_step(repo, goal.id, first.id, TODAY)
    assert stored(repo, goal).steps[0].done_on is None
    goals.toggle_step(repo, goal.id, second.id, TODAY)
    assert stored(repo, goal).steps[1].done_on == TODAY
    goals.untick_step(repo, goal.id, second.id)
    assert stored(repo, goal).steps[1].done_on is None
    goals.add_step(repo, goal.id, "Take the letter", date(2026, 12, 2))
    assert stored(repo, goal).steps[2].due == date(2026, 12, 2)
    with pytest.raises(InvalidInput, match="step needs a few words"):
        goals.add_step(repo, goal.id, "  ")
    goals.remove_step(repo, goal.id, first.id)
    assert [s.text for s in stored(repo, goal).steps] == ["Book a visit", "Take the letter"]
    with pytest.raises(InvalidInput):
        goals.tick_step(repo, goal.id, "gone", TODAY)


def test_status_changes_are_dated_and_keep_the_note(repo: Repository) -> None:
    goal = goals.add_goal(repo, "Join a choir")
    goals.pause(repo, goal.id, TODAY, "Busy month")
    got = stored(repo, goal)
    assert (got.status, got.status_changed, got.status_note) == (
        GoalStatus.PAUSED,
        TODAY,
        "Busy month",
    )
    goals.resume(repo, goal.id, date(2026, 12, 1))
    assert stored(repo, goal).status == GoalStatus.ACTIVE
    assert stored(repo, goal).status_note == ""  # picked up again: the pause note no longer fits
    goals.let_go(repo, goal.id, date(2026, 12, 2), "I like singing alone more")
    got = stored(repo, goal)
    assert got.status == GoalStatus.LET_GO and got.status_note == "I like singing alone more"
    goals.complete(repo, goal.id, date(2026, 12, 3))
    assert stored(repo, goal).status == GoalStatus.DONE
    assert stored(repo, goal).status_changed == date(2026, 12, 3)


def test_short_term_goal_serves_long_term_goal(repo: Repository) -> None:
    long = goals.add_goal(repo, "A home of my own", horizon=Horizon.LONG)
    short = goals.add_goal(repo, "Save 10 a week", serves=long.id)
    assert stored(repo, short).serves == long.id
    other = goals.add_goal(repo, "Ask about housing")
    goals.link(repo, other.id, long.id)
    assert [g.title for g in goals.served_by(repo.all(Goal), long.id)] == [
        "Save 10 a week",
        "Ask about housing",
    ]
    goals.unlink(repo, other.id)
    assert stored(repo, other).serves is None
    with pytest.raises(InvalidInput, match="long-term"):
        goals.link(repo, other.id, short.id)
    with pytest.raises(InvalidInput, match="Only a short-term"):
        goals.link(repo, long.id, long.id)
    assert [g.id for g in goals.long_term_goals(repo)] == [long.id]


def test_a_long_goal_turned_short_frees_its_short_goals(repo: Repository) -> None:
    long = goals.add_goal(repo, "Work again", horizon=Horizon.LONG)
    short = goals.add_goal(repo, "Update my CV", serves=long.id)
    goals.edit_goal(repo, long.id, horizon=Horizon.SHORT)
    assert stored(repo, short).serves is None


def test_delete_goal_keeps_reviews_readable_and_unlinks(repo: Repository) -> None:
    long = goals.add_goal(repo, "Better health", horizon=Horizon.LONG)
    short = goals.add_goal(repo, "See the doctor", serves=long.id)
    review = reviews.begin(repo, week_of(TODAY))
    reviews.answer_goal(repo, review, long.id, rating=2, helped="my sister")
    assert goals.reviews_of(repo, long.id)
    assert goals.reviews_of(repo, "nothing") == []
    goals.delete_goal(repo, long.id)
    assert repo.find(Goal, long.id) is None
    assert stored(repo, short).serves is None
    kept = reviews.history(repo)[0]
    assert kept.goals[0].goal_title == "Better health"
    assert kept.goals[0].helped == "my sister"


def test_progress_maths() -> None:
    assert goals.Progress(0, 0).fraction == 0.0
    assert goals.Progress(0, 0).text() == "no steps yet"
    assert goals.Progress(0, 0).bar(4) == "░░░░"
    assert goals.Progress(1, 3).percent == 33
    assert goals.Progress(2, 3).percent == 66
    assert goals.Progress(3, 3).percent == 100
    assert goals.Progress(1, 3).bar(6) == "██░░░░"
    assert goals.Progress(2, 3).bar(10) == "██████░░░░"
    assert goals.Progress(3, 3).bar(5) == "█████"
    assert goals.Progress(1, 1).text() == "1 of 1 step"
    assert goals.Progress(2, 5).text() == "2 of 5 steps"


def test_progress_counts_ticked_steps_and_finds_the_next_one() -> None:
    steps = [
        GoalStep(text="a", done_on=TODAY),
        GoalStep(text="b"),
        GoalStep(text="c", done_on=TODAY),
    ]
    goal = Goal(title="g", steps=steps)
    assert goals.progress(goal) == goals.Progress(2, 3)
    next_step = goals.next_step(goal)
    assert next_step is not None and next_step.text == "b"
    assert goals.next_step(Goal(title="none")) is None
    both = goals.overall_progress([goal, Goal(title="h", steps=[GoalStep(text="x")])])
    assert both == goals.Progress(2, 4)


def test_grouping_and_area_filter(repo: Repository) -> None:
    a = goals.add_goal(repo, "A", area=LifeArea.MONEY)
    b = goals.add_goal(repo, "B", horizon=Horizon.LONG, area=LifeArea.HOME)
    c = goals.add_goal(repo, "C", area=LifeArea.MONEY)
    goals.pause(repo, c.id, TODAY)
    groups = goals.grouped(goals.all_goals(repo))
    assert [(h, s, [g.title for g in gs]) for h, s, gs in groups] == [
        (Horizon.SHORT, GoalStatus.ACTIVE, ["A"]),
        (Horizon.SHORT, GoalStatus.PAUSED, ["C"]),
        (Horizon.LONG, GoalStatus.ACTIVE, ["B"]),
    ]
    assert [g.id for g in goals.all_goals(repo, LifeArea.MONEY)] == [a.id, c.id]
    assert [g.id for g in goals.all_goals(repo, LifeArea.HOME)] == [b.id]
    assert goals.all_goals(repo, LifeArea.WORK) == []
    assert [g.id for g in goals.active_goals(repo)] == [a.id, b.id]


def test_missing_goal_is_said_plainly(repo: Repository) -> None:
    with pytest.raises(InvalidInput, match="no longer in your workbook"):
        goals.pause(repo, "missing", TODAY)


def test_a_goal_picked_up_again_leaves_its_pause_note_behind(repo: Repository) -> None:
    goal = goals.add_goal(repo, "Walk daily")
    assert goals.pause(repo, goal.id, TODAY, "knee hurts").status_note == "knee hurts"
    picked_up = goals.resume(repo, goal.id, TODAY)
    assert (picked_up.status, picked_up.status_note) == (GoalStatus.ACTIVE, "")


@pytest.mark.parametrize(
    ("situation", "action", "expected"),
    [
        ("If it is Friday 6pm…", "I make tea", "If it is Friday 6pm, then I make tea"),
        ("it is Friday 6pm", "then I make tea.", "If it is Friday 6pm, then I make tea."),
        ("if I feel the pull,", "", "If I feel the pull"),
        ("", "call Sam", "Then call Sam"),
        ("", "", ""),
    ],
)
def test_an_if_then_plan_reads_as_one_sentence(situation: str, action: str, expected: str) -> None:
    goal = Goal(title="Evenings", if_situation=situation, then_action=action)
    assert goals.if_then_text(goal) == expected
