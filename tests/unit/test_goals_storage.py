"""Goal and review models survive storage exactly; naughty text is kept or kindly refused;
a workbook from before the weekly review existed opens fine."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.blns import naughty_strings
from workbook import goals, reviews
from workbook.errors import InvalidInput
from workbook.models import (
    Goal,
    GoalReview,
    GoalSource,
    GoalStatus,
    GoalStep,
    Horizon,
    LifeArea,
    ProfileCard,
    Review,
    ReviewedWith,
    ReviewState,
)
from workbook.storage import DataRoot, Repository
from workbook.storage.atomic import atomic_write
from workbook.storage.migrations import SCHEMA_VERSION
from workbook.weeks import week_of

TODAY = date(2026, 11, 27)
FIXED = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

titles = st.text(min_size=1, max_size=200).filter(lambda s: bool(s.strip()))
short = st.text(max_size=200)
long = st.text(max_size=400)
dates = st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))

steps = st.builds(GoalStep, text=titles, due=dates, done_on=dates)
goals_st = st.builds(
    Goal,
    title=titles,
    horizon=st.sampled_from(Horizon),
    area=st.sampled_from(LifeArea),
    why=long,
    done_when=long,
    target_date=dates,
    steps=st.lists(steps, max_size=4),
    if_situation=short,
    then_action=short,
    status=st.sampled_from(GoalStatus),
    status_note=long,
    serves=st.one_of(st.none(), st.text(min_size=1, max_size=20)),
    source=st.one_of(
        st.none(),
        st.builds(
            GoalSource,
            kind=st.sampled_from(["plan", "skill"]),
            ref=st.text(min_size=1, max_size=120),
            label=short,
        ),
    ),
    status_changed=dates,
)
entries = st.builds(
    GoalReview,
    goal_id=st.text(min_size=1, max_size=64),
    goal_title=short,
    rating=st.one_of(st.none(), st.integers(0, 4)),
    helped=long,
    got_in_way=long,
    next_step=long,
    adjustments=st.lists(short, max_size=3),
)
reviews_st = st.builds(
    Review,
    week_start=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    week_end=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    state=st.sampled_from(ReviewState),
    goals=st.lists(entries, max_size=3),
    wins=long,
    hard_moments=long,
    difference=st.one_of(st.none(), st.integers(0, 10)),
    focus=short,
    reviewed_with=st.one_of(st.none(), st.sampled_from(ReviewedWith)),
    at_step=st.integers(0, 20),
    finished_on=dates,
)


def reread(root: DataRoot) -> Repository:
    """The workbook as it is on disk, opened only to read."""
    return root.open(root.cards()[0], write=False)


@FIXED
@given(goal=goals_st)
def test_any_goal_survives_storage(root: DataRoot, repo: Repository, goal: Goal) -> None:
    repo.save(goal)
    assert repo.find(Goal, goal.id) == goal
    assert reread(root).find(Goal, goal.id) == goal


@FIXED
@given(review=reviews_st)
def test_any_review_survives_storage(root: DataRoot, repo: Repository, review: Review) -> None:
    repo.save(review)
    assert repo.find(Review, review.id) == review
    assert reread(root).find(Review, review.id) == review


def test_naughty_strings_in_goal_and_review_text(root: DataRoot, repo: Repository) -> None:
    strings = [s for s in naughty_strings() if len(s) <= 200]
    kept: list[tuple[str, str]] = []
    with repo.transaction():  # one write for the lot; read back from disk below
        for text in strings:
            try:
                goal = goals.add_goal(repo, text, why=text, done_when=text, if_situation=text)
            except InvalidInput as exc:
                assert not text.strip() or "cannot be saved" in str(exc)
                continue
            kept.append((goal.id, text))
    assert len(kept) > len(strings) - 10  # only blank ones (or unwritable ones) are refused
    on_disk = reread(root)
    for goal_id, text in kept:
        got = on_disk.find(Goal, goal_id)
        assert got is not None
        assert (got.title, got.why, got.done_when, got.if_situation) == (text.strip(),) + (
            text,
        ) * 3

    review = reviews.begin(repo, week_of(TODAY))
    by_goal = dict(kept)
    with repo.transaction():
        for entry in review.goals:
            text = by_goal[entry.goal_id]
            reviews.answer_goal(repo, review, entry.goal_id, helped=text, next_step=text)
    stored = reread(root).find(Review, review.id)
    assert stored is not None
    for entry in stored.goals:
        text = by_goal[entry.goal_id]
        assert (entry.goal_title, entry.helped, entry.next_step) == (text.strip(), text, text)
    for text in strings[:: max(1, len(strings) // 40)]:
        reviews.answer_week(repo, review, wins=text, hard_moments=text, focus=text)
        again = reread(root).find(Review, review.id)
        assert again is not None and (again.wins, again.hard_moments, again.focus) == (text,) * 3


def test_a_workbook_from_before_reviews_opens_fine(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    files = root.files(card)
    data = json.loads(files.workbook.read_bytes())
    goal = Goal(title="Walk", steps=[GoalStep(text="Shoes")])
    data["goals"] = {"1": goal.model_dump(mode="json")}
    for table in ("reviews", "checkins", "setbacks", "urges", "skill_progress", "own_skills"):
        data.pop(table, None)
    data.pop("resources", None)
    data.pop("hard_moments", None)
    data["_meta"]["1"]["schema_version"] = 2  # before the "reviews" table was added
    data["_meta"]["1"].pop("content_sha256")  # and before content checksums
    atomic_write(files.workbook, json.dumps(data).encode("utf-8"))

    repo = root.open(card)
    try:
        assert reviews.history(repo) == []
        assert reviews.due(repo, TODAY).state == "not started"
        review = reviews.begin(repo, week_of(TODAY))
        assert [g.goal_title for g in review.goals] == ["Walk"]
    finally:
        repo.close()
    saved = json.loads(files.workbook.read_bytes())
    assert saved["_meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert len(saved["reviews"]) == 1


@pytest.mark.parametrize("kind", ["plan", "skill"])
def test_goals_made_by_other_features_show_where_they_came_from(
    repo: Repository, kind: str
) -> None:
    source = GoalSource(kind=kind, ref="x1", label="Ring the bank")
    repo.save(
        Goal(title="Ring the bank", horizon=Horizon.SHORT, area=LifeArea.MONEY, source=source)
    )
    (goal,) = goals.all_goals(repo, LifeArea.MONEY)
    assert goal.source is not None and goal.source.label == "Ring the bank"
    goals.pause(repo, goal.id, TODAY)
    assert repo.find(Goal, goal.id) == goal.model_copy(
        update={"status": GoalStatus.PAUSED, "status_changed": TODAY}
    )
