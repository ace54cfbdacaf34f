"""The weekly review: how each active goal went this week, then the week as a whole.

A review saves as it goes (every answer is stored at once) and remembers the page the person was
on, so leaving and coming back resumes. Reviews are dated by their week and kept. A missed week
is offered once ("Would you like to look back at last week?"), never as a pile of overdue ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pydantic import ValidationError

from workbook.errors import InvalidInput
from workbook.goals import kind_message
from workbook.models import (
    RATING_WORDS,
    Goal,
    GoalReview,
    GoalStatus,
    Review,
    ReviewState,
)
from workbook.storage import Repository
from workbook.weeks import Week, this_week

GOAL_FIELDS = frozenset({"rating", "helped", "got_in_way", "next_step"})
WEEK_FIELDS = frozenset({"wins", "hard_moments", "difference", "focus", "reviewed_with"})
DIFFERENCE_QUESTION = "Is what you are doing making a real difference in your life?"
RATING_QUESTION = "How well did you carry this out this week?"


def rating_word(rating: int | None) -> str:
    """``3 - mostly``, or ``not rated`` when no rating was given."""
    return "not rated" if rating is None else f"{rating} - {RATING_WORDS[rating]}"


def week_of_review(review: Review) -> Week:
    return Week(review.week_start)


# Finding reviews ----------------------------------------------------------------------------


def review_for(repo: Repository, week: Week) -> Review | None:
    """The review kept for ``week`` in any state (one whose first day falls in it)."""
    found = repo.find_between(Review, "week_start", week.start, week.end)
    return found[0] if found else None


def history(repo: Repository, since: date | None = None) -> list[Review]:
    """Every review begun or finished, newest week first (set-aside weeks left out).

    With ``since``, only the weeks that start on or after it (only those are read, so a
    screen showing the past year stays quick after ten years of reviews).
    """
    if since is None:
        found = repo.all(Review)
    else:
        found = repo.find_between(Review, "week_start", since, date.max)
    kept = [r for r in found if r.state != ReviewState.SET_ASIDE]
    return sorted(kept, key=lambda r: r.week_start, reverse=True)


def has_history_before(repo: Repository, day: date) -> bool:
    """Whether any review (of any state) is kept for a week starting before ``day``."""
    return repo.count_between(Review, "week_start", date.min, day - timedelta(days=1)) > 0


def find_review(repo: Repository, review_id: str) -> Review | None:
    return repo.find(Review, review_id)


# Doing a review -----------------------------------------------------------------------------


def _entry(goal: Goal) -> GoalReview:
    return GoalReview(goal_id=goal.id, goal_title=goal.title)


def begin(repo: Repository, week: Week) -> Review:
    """Start the review of ``week``, or pick up the one already begun.

    A new review lists every active goal. Picking one up again adds goals that became active
    since, so nothing set mid-week is missed; goals already in it stay, whatever their status.
    """
    review = review_for(repo, week)
    active = repo.all(Goal, where=lambda g: g.status == GoalStatus.ACTIVE)
    if review is None:
        review = Review(week_start=week.start, week_end=week.end, goals=[_entry(g) for g in active])
    else:
        if review.state == ReviewState.SET_ASIDE:
            review.state = ReviewState.IN_PROGRESS
        if review.state == ReviewState.IN_PROGRESS:
            present = {g.goal_id for g in review.goals}
            review.goals = review.goals + [_entry(g) for g in active if g.id not in present]
    repo.save(review)
    return review


def _apply(review: Review, target: Any, fields: dict[str, Any]) -> None:
    try:
        for name, value in fields.items():
            setattr(target, name, value)
    except ValidationError as exc:
        raise InvalidInput(kind_message(exc)) from None


def goal_entry(review: Review, goal_id: str) -> GoalReview:
    for entry in review.goals:
        if entry.goal_id == goal_id:
            return entry
    raise InvalidInput("That goal is not part of this review.")


def answer_goal(repo: Repository, review: Review, goal_id: str, **fields: Any) -> Review:
    """Save answers about one goal: rating (0-4), helped, got_in_way, next_step."""
    unknown = set(fields) - GOAL_FIELDS
    if unknown:
        raise TypeError(f"not a goal answer: {sorted(unknown)}")
    _apply(review, goal_entry(review, goal_id), fields)
    repo.save(review)
    return review


def note_adjustment(repo: Repository, review: Review, goal_id: str, what: str) -> Review:
    """Keep a plain note of a quick change made to a goal during the review."""
    entry = goal_entry(review, goal_id)
    _apply(review, entry, {"adjustments": [*entry.adjustments, what[:200]]})
    repo.save(review)
    return review


def answer_week(repo: Repository, review: Review, **fields: Any) -> Review:
    """Save answers about the whole week: wins, hard_moments, difference (0-10), focus,
    reviewed_with."""
    unknown = set(fields) - WEEK_FIELDS
    if unknown:
        raise TypeError(f"not a week answer: {sorted(unknown)}")
    _apply(review, review, fields)
    repo.save(review)
    return review


def go_to(repo: Repository, review: Review, page: int) -> Review:
    """Remember the page the person is on, so coming back resumes there."""
    review.at_step = max(0, page)
    repo.save(review)
    return review


def finish(repo: Repository, review: Review, today: date) -> Review:
    """Mark the review done and date it. It stays readable in the history."""
    review.state = ReviewState.DONE
    review.finished_on = today
    repo.save(review)
    return review


def set_aside(repo: Repository, week: Week) -> Review:
    """Record that the person chose not to look back at a missed week (so it is not asked again)."""
    review = review_for(repo, week)
    if review is None:
        review = Review(week_start=week.start, week_end=week.end, state=ReviewState.SET_ASIDE)
        repo.save(review)
    return review


# What is due --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Due:
    """Where this week's review stands, for Home and the review screen."""

    week: Week
    review: Review | None
    today: date

    @property
    def state(self) -> str:
        """``not started``, ``in progress`` or ``done``."""
        if self.review is None or self.review.state == ReviewState.SET_ASIDE:
            return "not started"
        return str(self.review.state)

    def text(self) -> str:
        """One calm sentence about this week's review."""
        if self.state == "done":
            return "This week's review is done. Thank you for taking the time."
        if self.state == "in progress":
            return "This week's review is part done. Carry on whenever you are ready."
        if self.today >= self.week.end:
            return "This week's review is due today."
        end = self.week.end
        if self.today <= self.week.start:
            # Nothing of this week has happened yet: the review waits for the week.
            return (
                "This week has just begun. Its review comes once you have lived it, "
                f"by {end:%A} {end.day} {end:%b}."
            )
        return f"This week's review is due by {end:%A} {end.day} {end:%b}."


def due(repo: Repository, today: date) -> Due:
    """This week's review: not started, in progress, or done."""
    week = this_week(repo, today)
    return Due(week, review_for(repo, week), today)


def missed_week(repo: Repository, today: date) -> Week | None:
    """Last week, if it has no review and is worth offering once; otherwise None.

    Only last week is ever offered (never older ones). The offer goes once the person answers it
    (looking back, or setting it aside), once they start this week's review, or when the week
    moves on. It is made only when they had a goal before last week ended.
    """
    current = this_week(repo, today)
    last = current.previous()
    if review_for(repo, last) is not None or review_for(repo, current) is not None:
        return None
    had_goal = any(g.created.date() <= last.end for g in repo.all(Goal))
    return last if had_goal else None


# History series -----------------------------------------------------------------------------


def difference_series(repo: Repository, kept: list[Review] | None = None) -> list[tuple[date, int]]:
    """The "real difference" score of each week that has one, oldest first.

    ``kept`` is :func:`history` if the caller already has it (it is read once per screen).
    """
    kept = history(repo) if kept is None else kept
    return [(r.week_start, r.difference) for r in reversed(kept) if r.difference is not None]


def rating_series(
    repo: Repository, kept: list[Review] | None = None
) -> dict[str, tuple[str, list[tuple[date, int]]]]:
    """For each goal ever rated: its latest title and its weekly ratings, oldest first."""
    series: dict[str, tuple[str, list[tuple[date, int]]]] = {}
    kept = history(repo) if kept is None else kept
    for review in reversed(kept):
        for entry in review.goals:
            if entry.rating is None:
                continue
            _, points = series.get(entry.goal_id, ("", []))
            points.append((review.week_start, entry.rating))  # one list per goal, grown in place
            series[entry.goal_id] = (entry.goal_title, points)
    for goal in repo.all(Goal, where=lambda g: g.id in series):
        series[goal.id] = (goal.title, series[goal.id][1])
    return series
