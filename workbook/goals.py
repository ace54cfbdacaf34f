"""Goals: setting them, moving them along step by step, pausing, finishing or letting them go.

Every function here is named for what the person does and saves at once through the repository.
Bad input raises :class:`InvalidInput` with a kind message fit to show beside the field; nothing
is stored then. Functions take ``today`` so tests are deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError

from workbook import dates
from workbook.errors import InvalidInput
from workbook.models import (
    Goal,
    GoalSource,
    GoalStatus,
    GoalStep,
    Horizon,
    LifeArea,
    Review,
    ReviewState,
)
from workbook.storage import Repository
from workbook.text import counted

DATE_FORMAT_HINT = "Please write the date as YYYY-MM-DD, for example 2026-12-31."
EMPTY_TITLE = "A goal needs a few words, so you know which one it is. What would you like to do?"
EMPTY_STEP = "A step needs a few words. What is one small thing you could do?"
PAST_DATE_NOTE = (
    "That date has already passed. That's fine if you mean it; you can change it any time."
)

EDITABLE = frozenset(
    {
        "title",
        "horizon",
        "area",
        "why",
        "done_when",
        "target_date",
        "if_situation",
        "then_action",
        "serves",
    }
)

# Order goals are shown in on the goals screen.
HORIZON_ORDER = (Horizon.SHORT, Horizon.LONG)
STATUS_ORDER = (GoalStatus.ACTIVE, GoalStatus.PAUSED, GoalStatus.DONE, GoalStatus.LET_GO)


# Input --------------------------------------------------------------------------------------


def parse_date(text: str, today: date) -> date | None:
    """A date as the whole workbook reads one (``workbook.dates``); empty means no date."""
    return dates.parse_day(text, today, dates.Facing.AHEAD)


def date_note(day: date | None, today: date) -> str:
    """A gentle note when a chosen date has already passed (it is still allowed)."""
    return PAST_DATE_NOTE if day is not None and day < today else ""


def kind_message(exc: ValidationError) -> str:
    """One kind sentence about the first problem in ``exc``, fit to show beside the field."""
    error = exc.errors()[0]
    field = str(error["loc"][0]) if error["loc"] else ""
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    if error["type"] in ("string_too_long", "too_long"):
        limit = (error.get("ctx") or {}).get("max_length", "")
        return f"That is a little long for this box: please keep it to {limit} characters."
    if error["type"] in ("less_than_equal", "greater_than_equal"):
        return "Please pick a number on the scale."
    if "at least one letter" in message:
        return EMPTY_STEP if field == "text" else EMPTY_TITLE
    return f"That could not be saved: {message}."


def _kind(exc: ValidationError) -> InvalidInput:
    return InvalidInput(kind_message(exc))


def _build(model: type[Goal], data: dict[str, Any]) -> Goal:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _kind(exc) from None


def _must_find(repo: Repository, goal_id: str) -> Goal:
    goal = repo.find(Goal, goal_id)
    if goal is None:
        raise InvalidInput("That goal is no longer in your workbook.")
    return goal


# Adding and editing -------------------------------------------------------------------------


def add_goal(
    repo: Repository,
    title: str,
    *,
    horizon: Horizon = Horizon.SHORT,
    area: LifeArea = LifeArea.RECOVERY,
    why: str = "",
    done_when: str = "",
    target_date: date | None = None,
    if_situation: str = "",
    then_action: str = "",
    serves: str | None = None,
    source: GoalSource | None = None,
    steps: Iterable[str] = (),
) -> Goal:
    """Set a new active goal, with optional first steps, and save it."""
    data: dict[str, Any] = {
        "title": title,
        "horizon": horizon,
        "area": area,
        "why": why,
        "done_when": done_when,
        "target_date": target_date,
        "if_situation": if_situation,
        "then_action": then_action,
        "source": source,
    }
    goal = _build(Goal, data)
    goal.steps = [_new_step(text) for text in steps if text.strip()]
    if serves is not None:
        _check_link(repo, goal, serves)
        goal.serves = serves
    repo.save(goal)
    return goal


def edit_goal(repo: Repository, goal_id: str, **changes: Any) -> Goal:
    """Change some of a goal's details (title, horizon, area, why, dates, if-then, link)."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise TypeError(f"cannot edit {sorted(unknown)}")
    goal = _must_find(repo, goal_id)
    data = goal.model_dump() | changes
    updated = _build(Goal, data)
    if updated.horizon == Horizon.LONG:
        updated.serves = None
    elif updated.serves is not None and updated.serves != goal.serves:
        _check_link(repo, updated, updated.serves)
    with repo.transaction():
        if goal.horizon == Horizon.LONG and updated.horizon == Horizon.SHORT:
            _unlink_served(repo, goal.id)
        repo.save(updated)
    return updated


def set_target_date(repo: Repository, goal_id: str, target: date | None) -> Goal:
    """Change (or clear) the date a goal aims for."""
    return edit_goal(repo, goal_id, target_date=target)


# Steps --------------------------------------------------------------------------------------


def _new_step(text: str, due: date | None = None) -> GoalStep:
    try:
        return GoalStep(text=text, due=due)
    except ValidationError as exc:
        raise _kind(exc) from None


def add_step(repo: Repository, goal_id: str, text: str, due: date | None = None) -> Goal:
    """Add a step to the end of a goal's checklist."""
    goal = _must_find(repo, goal_id)
    goal.steps = [*goal.steps, _new_step(text, due)]
    repo.save(goal)
    return goal


def _set_step(repo: Repository, goal_id: str, step_id: str, done_on: date | None) -> Goal:
    goal = _must_find(repo, goal_id)
    if not any(s.id == step_id for s in goal.steps):
        raise InvalidInput("That step is no longer on this goal.")
    goal.steps = [
        s.model_copy(update={"done_on": done_on}) if s.id == step_id else s for s in goal.steps
    ]
    repo.save(goal)
    return goal


def tick_step(repo: Repository, goal_id: str, step_id: str, today: date) -> Goal:
    """Mark a step done today."""
    return _set_step(repo, goal_id, step_id, today)


def untick_step(repo: Repository, goal_id: str, step_id: str) -> Goal:
    """Mark a step as still to do."""
    return _set_step(repo, goal_id, step_id, None)


def toggle_step(repo: Repository, goal_id: str, step_id: str, today: date) -> Goal:
    """Tick a step that is to do, or untick one that is done."""
    goal = _must_find(repo, goal_id)
    step = next((s for s in goal.steps if s.id == step_id), None)
    if step is not None and step.done_on is not None:
        return untick_step(repo, goal_id, step_id)
    return tick_step(repo, goal_id, step_id, today)


def remove_step(repo: Repository, goal_id: str, step_id: str) -> Goal:
    """Take a step off the checklist."""
    goal = _must_find(repo, goal_id)
    goal.steps = [s for s in goal.steps if s.id != step_id]
    repo.save(goal)
    return goal


# Status -------------------------------------------------------------------------------------


def _set_status(
    repo: Repository, goal_id: str, status: GoalStatus, today: date, note: str | None
) -> Goal:
    goal = _must_find(repo, goal_id)
    goal.status = status
    goal.status_changed = today
    if note is not None:
        goal.status_note = note
    repo.save(goal)
    return goal


def pause(repo: Repository, goal_id: str, today: date, note: str = "") -> Goal:
    """Put a goal aside for now; it keeps its steps and can be picked up again."""
    return _set_status(repo, goal_id, GoalStatus.PAUSED, today, note)


def resume(repo: Repository, goal_id: str, today: date) -> Goal:
    """Make a paused, finished or let-go goal active again (its pause note no longer fits)."""
    return _set_status(repo, goal_id, GoalStatus.ACTIVE, today, "")


def complete(repo: Repository, goal_id: str, today: date, note: str = "") -> Goal:
    """Mark a goal done."""
    return _set_status(repo, goal_id, GoalStatus.DONE, today, note)


def let_go(repo: Repository, goal_id: str, today: date, note: str = "") -> Goal:
    """Let a goal go, with an optional note on what was learned. Never a failure."""
    return _set_status(repo, goal_id, GoalStatus.LET_GO, today, note)


# Links between goals --------------------------------------------------------------------------


def _check_link(repo: Repository, goal: Goal, long_id: str) -> None:
    if goal.horizon != Horizon.SHORT:
        raise InvalidInput("Only a short-term goal can serve a long-term one.")
    target = repo.find(Goal, long_id)
    if target is None or target.horizon != Horizon.LONG or target.id == goal.id:
        raise InvalidInput("Please choose one of your long-term goals.")


def link(repo: Repository, short_id: str, long_id: str) -> Goal:
    """Say that a short-term goal serves a long-term one."""
    goal = _must_find(repo, short_id)
    _check_link(repo, goal, long_id)
    goal.serves = long_id
    repo.save(goal)
    return goal


def unlink(repo: Repository, short_id: str) -> Goal:
    """A short-term goal no longer serves a long-term one."""
    goal = _must_find(repo, short_id)
    goal.serves = None
    repo.save(goal)
    return goal


def _unlink_served(repo: Repository, long_id: str) -> None:
    for goal in repo.all(Goal, where=lambda g: g.serves == long_id):
        goal.serves = None
        repo.save(goal)


def served_by(goals: Iterable[Goal], long_id: str) -> list[Goal]:
    """The short-term goals that serve the long-term goal ``long_id``."""
    return [g for g in goals if g.serves == long_id]


# Deleting -----------------------------------------------------------------------------------


def reviews_of(repo: Repository, goal_id: str) -> list[Review]:
    """The kept weekly reviews that mention this goal."""
    return repo.all(
        Review,
        where=lambda r: (
            r.state != ReviewState.SET_ASIDE and any(g.goal_id == goal_id for g in r.goals)
        ),
    )


def delete_goal(repo: Repository, goal_id: str) -> None:
    """Remove a goal for good. Reviews that mention it keep its title and stay readable;
    short-term goals that served it are unlinked. Screens ask first when it has reviews."""
    with repo.transaction():
        _unlink_served(repo, goal_id)
        repo.remove(Goal, goal_id)


# Reading and progress -----------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """How far a goal's checklist has come."""

    done: int
    total: int

    @property
    def fraction(self) -> float:
        """0.0 to 1.0; a goal with no steps has made no measurable progress yet."""
        return self.done / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        """Whole percent, rounded down (so 100% only when every step is done)."""
        return (100 * self.done) // self.total if self.total else 0

    def text(self) -> str:
        """``2 of 5 steps`` (or ``no steps yet``)."""
        if not self.total:
            return "no steps yet"
        return f"{self.done} of {counted(self.total, 'step')}"

    def bar(self, width: int = 10) -> str:
        """A small text bar, e.g. ``███░░░░░░░``; filled cells round down."""
        filled = (self.done * width) // self.total if self.total else 0
        return "█" * filled + "░" * (width - filled)


def progress(goal: Goal) -> Progress:
    """Steps done out of steps in total."""
    return Progress(sum(1 for s in goal.steps if s.done_on is not None), len(goal.steps))


def overall_progress(goals: Iterable[Goal]) -> Progress:
    """Steps done out of steps in total across several goals."""
    done = total = 0
    for goal in goals:
        p = progress(goal)
        done += p.done
        total += p.total
    return Progress(done, total)


def next_step(goal: Goal) -> GoalStep | None:
    """The first step still to do, if any."""
    return next((s for s in goal.steps if s.done_on is None), None)


def past_target(goal: Goal, today: date) -> bool:
    """Whether an active or paused goal's date has gone by (shown gently, never as an alarm)."""
    return (
        goal.target_date is not None
        and goal.target_date < today
        and goal.status in (GoalStatus.ACTIVE, GoalStatus.PAUSED)
    )


def all_goals(repo: Repository, area: LifeArea | None = None) -> list[Goal]:
    """Every goal, or only those in one life area."""
    if area is None:
        return repo.all(Goal)
    return repo.all(Goal, where=lambda g: g.area == area)


def active_goals(repo: Repository) -> list[Goal]:
    return repo.all(Goal, where=lambda g: g.status == GoalStatus.ACTIVE)


def long_term_goals(repo: Repository, exclude: str | None = None) -> list[Goal]:
    """Long-term goals a short-term one could serve."""
    return repo.all(Goal, where=lambda g: g.horizon == Horizon.LONG and g.id != exclude)


def grouped(goals: Iterable[Goal]) -> list[tuple[Horizon, GoalStatus, list[Goal]]]:
    """Goals grouped by horizon, then status, in a calm fixed order; empty groups left out."""
    items = list(goals)
    groups = []
    for horizon in HORIZON_ORDER:
        for status in STATUS_ORDER:
            members = [g for g in items if g.horizon == horizon and g.status == status]
            if members:
                groups.append((horizon, status, members))
    return groups


def find_goal(repo: Repository, goal_id: str) -> Goal | None:
    return repo.find(Goal, goal_id)


def if_then_text(goal: Goal) -> str:
    """The goal's if-then plan as one sentence: "If it is Friday 6pm, then I make tea."

    The person may have written "If"/"then" themselves or not; either way it reads once.
    """
    situation = goal.if_situation.strip().rstrip(",.…").strip()
    action = goal.then_action.strip()
    if situation[:3].lower() == "if ":
        situation = situation[3:].strip()
    if action[:5].lower() == "then ":
        action = action[5:].strip()
    if situation and action:
        return f"If {situation}, then {action}"
    if situation:
        return f"If {situation}"
    return f"Then {action}" if action else ""
