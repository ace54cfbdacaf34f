"""``workbook today``: a short, kind summary of the day, for the shell or a login script.

Pure functions over the repository: :func:`summary` gathers what there is to say about ``today``
(the check-in, this week's review, the next step of each active goal, and the day counter only
when the person asked for one); :func:`render_text` and :func:`render_json` word it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workbook import checkins, goals, reviews, stretches
from workbook.models import Profile
from workbook.storage import Repository


@dataclass(frozen=True)
class GoalNext:
    """One active goal and its next step (None when every step is done or there are none)."""

    title: str
    next_step: str | None


@dataclass(frozen=True)
class Summary:
    """What ``workbook today`` says."""

    today: date
    name: str
    checkin_done: bool
    mood: int | None
    craving: int | None
    review_state: str
    """``not started``, ``in progress`` or ``done``."""
    review_text: str
    review_due: date
    goals: list[GoalNext] = field(default_factory=list)
    counter: str | None = None
    """The day counter's words, only when the person chose to show it."""
    stretch_days: int | None = None
    """Whole days in the current stretch, only when the person chose to show a counter."""


def summary(repo: Repository, today: date) -> Summary:
    """Everything ``workbook today`` says, as of ``today``. Only reads."""
    profile = repo.get(Profile)
    done = checkins.checkin_for(repo, today)
    due = reviews.due(repo, today)
    active = sorted(goals.active_goals(repo), key=lambda g: g.created)
    goal_lines = []
    for goal in active:
        step = goals.next_step(goal)
        goal_lines.append(GoalNext(goal.title, step.text if step else None))
    counter, stretch_days = _counter(repo, profile, today)
    return Summary(
        today=today,
        name=profile.display_name if profile else "",
        checkin_done=done is not None,
        mood=done.mood if done else None,
        craving=done.craving if done else None,
        review_state=due.state,
        review_text=due.text(),
        review_due=due.week.end,
        goals=goal_lines,
        counter=counter,
        stretch_days=stretch_days,
    )


def _counter(
    repo: Repository, profile: Profile | None, today: date
) -> tuple[str | None, int | None]:
    """The day counter's words (the same as Home's) and the current stretch, only when the
    person shows a counter."""
    if profile is None or not profile.show_day_counter:
        return None, None
    from workbook.profile import day_counter_text

    record = stretches.record_of(repo, today)
    words = day_counter_text(profile, today, record)
    if record.start is None:
        return words, None
    if words is None:  # no start date chosen: the stretch since the first check-in
        words = f"Current stretch: {stretches.day_words(record.current)}."
    return words, record.current


def render_text(s: Summary) -> str:
    """A few plain lines, kind and short, fit for a login script."""
    hello = f"Hello {s.name}. " if s.name else ""
    lines = [f"{hello}Today is {s.today:%A} {s.today.day} {s.today:%B}."]
    if s.checkin_done:
        lines.append("Today's check-in: done. Thank you.")
    else:
        lines.append(
            "Today's check-in: not yet. When you have a minute: "
            "workbook checkin --mood 1-5 --craving 0-10 (or open `workbook`)."
        )
    lines.append(s.review_text)
    if s.goals:
        lines.append("Next steps:")
        for g in s.goals:
            step = g.next_step or "no next step written yet"
            lines.append(f"  - {g.title}: {step}")
    if s.counter:
        lines.append(s.counter)
    return "\n".join(lines) + "\n"


def as_dict(s: Summary) -> dict[str, Any]:
    """The summary as plain JSON-ready data, for scripts."""
    return {
        "date": s.today.isoformat(),
        "name": s.name,
        "checkin": {"done": s.checkin_done, "mood": s.mood, "craving": s.craving},
        "review": {"state": s.review_state, "due_by": s.review_due.isoformat()},
        "goals": [{"title": g.title, "next_step": g.next_step} for g in s.goals],
        "counter": (
            None if s.counter is None else {"text": s.counter, "stretch_days": s.stretch_days}
        ),
    }


def render_json(s: Summary) -> str:
    return json.dumps(as_dict(s), ensure_ascii=False, indent=2) + "\n"
