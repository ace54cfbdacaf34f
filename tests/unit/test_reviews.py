"""The weekly review: saving as it goes, resuming, due logic, the missed-week offer, history."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from workbook import goals, reviews
from workbook.errors import InvalidInput
from workbook.models import Goal, Review, ReviewedWith, ReviewState, Settings
from workbook.storage import Repository
from workbook.weeks import week_of

TODAY = date(2026, 11, 27)  # Friday of ISO week 48
WEEK = week_of(TODAY)


def only_review(repo: Repository) -> Review:
    found = repo.all(Review)
    assert len(found) == 1
    return found[0]


def old_goal(repo: Repository, title: str, days_ago: int = 30) -> Goal:
    """A goal set ``days_ago`` before TODAY."""
    goal = goals.add_goal(repo, title)
    goal.created = datetime(2026, 11, 27, 9, 0).astimezone() - timedelta(days=days_ago)
    repo.save(goal)
    return goal


def test_a_review_lists_active_goals_and_saves_every_answer(repo: Repository) -> None:
    walk = goals.add_goal(repo, "Walk daily")
    bank = goals.add_goal(repo, "Open a bank account")
    paused = goals.add_goal(repo, "Learn guitar")
    goals.pause(repo, paused.id, TODAY)

    review = reviews.begin(repo, WEEK)
    assert [g.goal_id for g in only_review(repo).goals] == [walk.id, bank.id]
    reviews.answer_goal(repo, review, walk.id, rating=3, helped="A friend", got_in_way="Rain")
    reviews.answer_goal(repo, review, walk.id, next_step="Walk before work")
    reviews.note_adjustment(repo, review, bank.id, "Paused")
    reviews.answer_goal(repo, review, bank.id, rating=0)
    reviews.answer_week(
        repo,
        review,
        wins="Slept well",
        hard_moments="Sunday evening",
        difference=7,
        focus="Rest",
        reviewed_with=ReviewedWith.COACH,
    )
    reviews.go_to(repo, review, 2)
    reviews.finish(repo, review, TODAY)

    got = only_review(repo)
    assert (got.week_start, got.week_end) == (date(2026, 11, 23), date(2026, 11, 29))
    assert got.state == ReviewState.DONE and got.finished_on == TODAY
    first, second = got.goals
    assert (first.goal_title, first.rating, first.helped, first.got_in_way, first.next_step) == (
        "Walk daily",
        3,
        "A friend",
        "Rain",
        "Walk before work",
    )
    assert (second.rating, second.adjustments) == (0, ["Paused"])
    assert (got.wins, got.hard_moments, got.difference, got.focus) == (
        "Slept well",
        "Sunday evening",
        7,
        "Rest",
    )
    assert got.reviewed_with == ReviewedWith.COACH
    assert got.at_step == 2


def test_out_of_range_answers_are_refused_and_not_saved(repo: Repository) -> None:
    goal = goals.add_goal(repo, "Walk")
    review = reviews.begin(repo, WEEK)
    with pytest.raises(InvalidInput):
        reviews.answer_goal(repo, review, goal.id, rating=5)
    with pytest.raises(InvalidInput):
        reviews.answer_week(repo, review, difference=11)
    with pytest.raises(InvalidInput, match="a little long"):
        reviews.answer_week(repo, review, focus="x" * 201)
    with pytest.raises(InvalidInput, match="not part of this review"):
        reviews.answer_goal(repo, review, "other", rating=1)
    with pytest.raises(TypeError):
        reviews.answer_week(repo, review, state="done")
    stored = only_review(repo)
    assert stored.goals[0].rating is None and stored.difference is None and stored.focus == ""


def test_resuming_picks_up_the_same_review_and_adds_new_goals(repo: Repository) -> None:
    walk = goals.add_goal(repo, "Walk")
    review = reviews.begin(repo, WEEK)
    reviews.answer_goal(repo, review, walk.id, rating=2)
    reviews.go_to(repo, review, 1)
    later = goals.add_goal(repo, "Cook once a week")

    again = reviews.begin(repo, week_of(TODAY + timedelta(days=2)))
    assert again.id == review.id
    assert again.at_step == 1
    assert [g.goal_id for g in again.goals] == [walk.id, later.id]
    assert again.goals[0].rating == 2
    assert len(repo.all(Review)) == 1


def test_a_finished_review_does_not_grow(repo: Repository) -> None:
    goals.add_goal(repo, "Walk")
    review = reviews.finish(repo, reviews.begin(repo, WEEK), TODAY)
    goals.add_goal(repo, "New")
    assert len(reviews.begin(repo, WEEK).goals) == 1
    assert only_review(repo).state == ReviewState.DONE
    assert review.finished_on == TODAY


def test_due_logic_through_the_week(repo: Repository) -> None:
    due = reviews.due(repo, TODAY)
    assert due.week == WEEK and due.state == "not started"
    assert due.text() == "This week's review is due by Sunday 29 Nov."
    assert reviews.due(repo, date(2026, 11, 29)).text() == "This week's review is due today."
    review = reviews.begin(repo, WEEK)
    assert reviews.due(repo, TODAY).state == "in progress"
    assert "part done" in reviews.due(repo, TODAY).text()
    reviews.finish(repo, review, TODAY)
    assert reviews.due(repo, TODAY).state == "done"
    # A new week starts with a new review due.
    assert reviews.due(repo, date(2026, 11, 30)).state == "not started"


def test_due_follows_the_first_day_setting(repo: Repository) -> None:
    repo.put(Settings(week_starts_on=6))
    due = reviews.due(repo, TODAY)
    assert due.week.start == date(2026, 11, 22)
    assert due.text() == "This week's review is due by Saturday 28 Nov."


def test_missed_week_is_offered_once_and_never_piles_up(repo: Repository) -> None:
    assert reviews.missed_week(repo, TODAY) is None  # nothing to look back on yet
    old_goal(repo, "Walk", days_ago=30)
    assert reviews.missed_week(repo, TODAY) == WEEK.previous()
    # Only last week is ever offered, however many weeks were missed.
    assert reviews.missed_week(repo, TODAY + timedelta(weeks=5)) == WEEK.shift(4)
    reviews.set_aside(repo, WEEK.previous())
    assert reviews.missed_week(repo, TODAY) is None
    assert reviews.history(repo) == []  # set-aside weeks are not shown as reviews


def test_looking_back_at_last_week_makes_a_review_of_that_week(repo: Repository) -> None:
    old_goal(repo, "Walk")
    last = reviews.missed_week(repo, TODAY)
    assert last is not None
    review = reviews.begin(repo, last)
    assert review.week_start == date(2026, 11, 16)
    assert reviews.missed_week(repo, TODAY) is None
    assert reviews.due(repo, TODAY).state == "not started"


def test_starting_this_week_withdraws_the_offer(repo: Repository) -> None:
    old_goal(repo, "Walk")
    reviews.begin(repo, WEEK)
    assert reviews.missed_week(repo, TODAY) is None


def test_a_goal_set_this_week_does_not_bring_an_offer(repo: Repository) -> None:
    old_goal(repo, "Walk", days_ago=1)
    assert reviews.missed_week(repo, TODAY) is None


def test_a_set_aside_week_can_still_be_looked_back_at(repo: Repository) -> None:
    goals.add_goal(repo, "Walk")
    reviews.set_aside(repo, WEEK.previous())
    review = reviews.begin(repo, WEEK.previous())
    assert review.state == ReviewState.IN_PROGRESS and len(review.goals) == 1


def test_history_and_sparkline_series(repo: Repository) -> None:
    walk = goals.add_goal(repo, "Walk")
    for weeks_ago, (rating, diff) in enumerate([(4, 8), (2, None), (1, 3)]):
        review = reviews.begin(repo, WEEK.shift(-weeks_ago))
        reviews.answer_goal(repo, review, walk.id, rating=rating)
        reviews.answer_week(repo, review, difference=diff)
        reviews.finish(repo, review, TODAY)
    reviews.set_aside(repo, WEEK.shift(-3))
    assert [r.week_start for r in reviews.history(repo)] == [
        WEEK.start,
        WEEK.shift(-1).start,
        WEEK.shift(-2).start,
    ]
    assert reviews.difference_series(repo) == [(WEEK.shift(-2).start, 3), (WEEK.start, 8)]
    goals.edit_goal(repo, walk.id, title="Walk every day")
    series = reviews.rating_series(repo)
    assert series[walk.id] == (
        "Walk every day",
        [(WEEK.shift(-2).start, 1), (WEEK.shift(-1).start, 2), (WEEK.start, 4)],
    )


def test_rating_words() -> None:
    assert reviews.rating_word(None) == "not rated"
    assert reviews.rating_word(0) == "0 - didn't get to it"
    assert reviews.rating_word(1) == "1 - made a start"
    assert reviews.rating_word(2) == "2 - partly"
    assert reviews.rating_word(3) == "3 - mostly"
    assert reviews.rating_word(4) == "4 - fully"


def test_on_the_first_day_of_a_week_its_review_waits_for_the_week(repo: Repository) -> None:
    monday = date(2026, 11, 23)
    assert reviews.due(repo, monday).week.start == monday
    assert reviews.due(repo, monday).text() == (
        "This week has just begun. Its review comes once you have lived it, by Sunday 29 Nov."
    )
    assert "due by" in reviews.due(repo, monday + timedelta(days=1)).text()
