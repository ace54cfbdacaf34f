"""The life check-in: how ten areas of life feel now, offered every four weeks (and any time).

Our own short self-rating across the areas that make up recovery capital (CONTENT_GUIDE.md): a
small scale per area and "what would make it one step better?". It is not a validated instrument
and never a score to pass: there is no total, only each area and how it has moved. One
:class:`~workbook.models.CapitalCheckin` per day; every change is saved at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, ValidationError

from workbook.content import MONTHS
from workbook.errors import InvalidInput
from workbook.models import (
    CAPITAL_HIGH,
    CAPITAL_LOW,
    SHORT_TEXT_MAX,
    CapitalAnswer,
    CapitalArea,
    CapitalCheckin,
    Goal,
    GoalSource,
    GoalStatus,
    Horizon,
    LifeArea,
    now,
)
from workbook.storage import Repository

EVERY = timedelta(weeks=4)
"""How often the check-in is offered."""


@dataclass(frozen=True)
class AreaWords:
    """How an area reads on screen: a short name, the question, and an example of a step."""

    name: str
    question: str
    example: str
    life_area: LifeArea


AREAS: dict[CapitalArea, AreaWords] = {
    CapitalArea.USE: AreaWords(
        "My habit",
        "How settled does my drinking, using or habit feel?",
        "e.g. keep Friday nights busy",
        LifeArea.RECOVERY,
    ),
    CapitalArea.MIND: AreaWords(
        "My mind",
        "How are my mood, worries and stress?",
        "e.g. tell my doctor about the low days",
        LifeArea.HEALTH,
    ),
    CapitalArea.BODY: AreaWords(
        "My body",
        "How are my health, sleep and eating?",
        "e.g. book a check-up",
        LifeArea.HEALTH,
    ),
    CapitalArea.COMMUNITY: AreaWords(
        "Belonging",
        "Do I feel part of somewhere: a group, a place, a neighbourhood?",
        "e.g. go to the Tuesday group twice",
        LifeArea.COMMUNITY,
    ),
    CapitalArea.SUPPORT: AreaWords(
        "People I can turn to",
        "Are there people I can call when I need to?",
        "e.g. call my sister on Sunday",
        LifeArea.RELATIONSHIPS,
    ),
    CapitalArea.ACTIVITY: AreaWords(
        "Things worth doing",
        "Do my days have things in them that matter to me?",
        "e.g. ask about volunteering",
        LifeArea.PURPOSE,
    ),
    CapitalArea.HOME: AreaWords(
        "Home and safety",
        "Is where I live safe and settled?",
        "e.g. fill in the housing form",
        LifeArea.HOME,
    ),
    CapitalArea.RESPONSIBILITY: AreaWords(
        "Keeping on top of things",
        "Am I managing what I have taken on: bills, dates, promises?",
        "e.g. put my court date in the calendar",
        LifeArea.SKILLS,
    ),
    CapitalArea.COPING: AreaWords(
        "Forms, offices and everyday tasks",
        "Can I deal with services, letters and daily jobs?",
        "e.g. ask someone to come to the benefits office",
        LifeArea.SKILLS,
    ),
    CapitalArea.PROGRESS: AreaWords(
        "Moving forward",
        "Do I feel my life is going somewhere?",
        "e.g. write down one thing that went right",
        LifeArea.PURPOSE,
    ),
}
"""Our own words for each area (not the items of any published scale)."""

SCALE_WORDS = ("very hard", "hard", "so-so", "good", "going well")
"""The scale, 1 to 5, in words."""

BARS = " ▁▂▃▄▅▆▇█"


def _day(day: date) -> str:
    """ "3 Nov": month names from our own list, never the system locale."""
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def scale_word(rating: int) -> str:
    """3 -> "so-so"."""
    return SCALE_WORDS[rating - CAPITAL_LOW]


# Reading ------------------------------------------------------------------------------------


def history(repo: Repository) -> list[CapitalCheckin]:
    """Every life check-in, oldest first."""
    return sorted(repo.all(CapitalCheckin), key=lambda c: c.day)


def on_day(repo: Repository, day: date) -> CapitalCheckin | None:
    """The check-in made on ``day``, if there is one."""
    found = repo.find_by(CapitalCheckin, day=day)
    return found[0] if found else None


def rated(checkins: list[CapitalCheckin]) -> list[CapitalCheckin]:
    """Only the check-ins with at least one area rated."""
    return [c for c in checkins if any(a.rating is not None for a in c.answers)]


def next_due(checkins: list[CapitalCheckin]) -> date | None:
    """The day the next check-in is offered (None: there has not been one yet, so now)."""
    done = rated(checkins)
    return done[-1].day + EVERY if done else None


def due_line(checkins: list[CapitalCheckin], today: date) -> str:
    """When the next check-in is offered, in words."""
    due = next_due(checkins)
    if due is None:
        return "Ready for your first one whenever you are."
    last = rated(checkins)[-1].day
    if due <= today:
        return f"Due now: the last one was on {_day(last)}."
    return f"Next one around {_day(due)}. Any time is fine too."


# Saving -------------------------------------------------------------------------------------


def set_rating(
    repo: Repository, day: date, area: CapitalArea, rating: int | None
) -> CapitalCheckin:
    """Set (or clear, with None) one area's rating in the check-in of ``day``; saved at once."""
    return _change(repo, day, area, rating=rating)


def set_better(repo: Repository, day: date, area: CapitalArea, better: str) -> CapitalCheckin:
    """Set what would make one area one step better, in the check-in of ``day``; saved at once."""
    return _change(repo, day, area, better=better)


def _change(repo: Repository, day: date, area: CapitalArea, **changes: object) -> CapitalCheckin:
    checkin = on_day(repo, day) or CapitalCheckin(day=day)
    answers = {a.area: a for a in checkin.answers}
    old = answers.get(area) or CapitalAnswer(area=area)
    try:
        answers[area] = CapitalAnswer.model_validate({**old.model_dump(), **changes})
    except ValidationError as exc:
        raise InvalidInput(_why(exc)) from None
    if answers[area] == old:
        return checkin
    checkin.answers = [answers[a] for a in CapitalArea if a in answers]
    checkin.updated = now()
    repo.save(checkin)
    return checkin


def _why(exc: ValidationError) -> str:
    err = exc.errors()[0]
    if err.get("type") in ("string_too_long", "too_long"):
        return f"please keep this under {SHORT_TEXT_MAX} characters"
    if err.get("loc", ())[:1] == ("rating",):
        return f"a rating is a whole number from {CAPITAL_LOW} to {CAPITAL_HIGH}"
    return str(err.get("msg", "that cannot be saved")).removeprefix("Value error, ")


# The trend ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """How one area moved between the last two check-ins that rated it."""

    area: CapitalArea
    before: int
    after: int

    @property
    def change(self) -> int:
        return self.after - self.before

    def words(self) -> str:
        """ "up 2", "down 1", "the same"."""
        if self.change > 0:
            return f"up {self.change}"
        if self.change < 0:
            return f"down {-self.change}"
        return "the same"


def ratings(checkins: list[CapitalCheckin], area: CapitalArea) -> list[int]:
    """``area``'s ratings over time, oldest first (check-ins that left it out are skipped)."""
    found = [c.answer(area) for c in checkins]
    return [a.rating for a in found if a is not None and a.rating is not None]


def moves(checkins: list[CapitalCheckin]) -> list[Move]:
    """Each area's move between the latest check-in and the one before it."""
    done = rated(checkins)
    if len(done) < 2:
        return []
    before, after = done[-2], done[-1]
    found = []
    for area in CapitalArea:
        old, new = before.answer(area), after.answer(area)
        if old and new and old.rating is not None and new.rating is not None:
            found.append(Move(area, old.rating, new.rating))
    return found


def moved_most(checkins: list[CapitalCheckin], count: int = 2) -> list[Move]:
    """The areas that moved most since last time (largest change either way; none if none did).

    Ties keep the areas' own order, so the answer is the same every time.
    """
    changed = [m for m in moves(checkins) if m.change]
    return sorted(changed, key=lambda m: -abs(m.change))[:count]


def moved_most_line(checkins: list[CapitalCheckin]) -> str:
    """The two areas that moved most, in a sentence."""
    done = rated(checkins)
    if len(done) < 2:
        return "After your second check-in, this shows which areas moved most."
    most = moved_most(checkins)
    since = f"since {_day(done[-2].day)}"
    if not most:
        return f"Nothing moved {since}: steady is fine too."
    parts = [f"{AREAS[m.area].name} ({m.words()})" for m in most]
    return f"Moved most {since}: " + " and ".join(parts) + "."


def bars(values: list[int], width: int = 6) -> str:
    """The last ``width`` ratings as little bars, oldest on the left (blank while none)."""
    shown = values[-width:]
    return "".join(BARS[round(v * (len(BARS) - 1) / CAPITAL_HIGH)] for v in shown).rjust(width)


def level_bar(rating: int) -> str:
    """The latest rating as a bar of five cells: 3 -> "███··"."""
    return "█" * rating + "·" * (CAPITAL_HIGH - rating)


def trend_rows(checkins: list[CapitalCheckin], width: int = 6) -> list[str]:
    """One line per area: its name, a bar for now, little bars over time, and words beside.

    ``Home and safety          ████·     ▂▃▆  4 good, up 2``
    """
    done = rated(checkins)
    by_area = {m.area: m for m in moves(done)}
    rows = []
    for area in CapitalArea:
        values = ratings(done, area)
        name = AREAS[area].name
        name = name if len(name) <= 24 else name[:23] + "…"
        if not values:
            rows.append(f"{name:<24} {'·' * CAPITAL_HIGH}  {' ' * width}  not rated yet")
            continue
        latest = f"{values[-1]} {scale_word(values[-1])}"
        move = by_area.get(area)
        change = f", {move.words()}" if move else ""
        rows.append(f"{name:<24} {level_bar(values[-1])}  {bars(values, width)}  {latest}{change}")
    return rows


# Make this a goal ---------------------------------------------------------------------------


LIVE = (GoalStatus.ACTIVE, GoalStatus.PAUSED)
"""A goal in these counts as the area's goal; once done or let go, another can be made."""


def goal_for(repo: Repository, area: CapitalArea) -> Goal | None:
    """The active or paused goal made from this area, if there is one."""
    for goal in repo.all(Goal):
        source = goal.source
        linked = source is not None and source.kind == "capital" and source.ref == area.value
        if linked and goal.status in LIVE:
            return goal
    return None


class GoalFrom(BaseModel):
    """What :func:`areas_with_goals` reads of a stored goal: where it came from, its status
    (the title, the steps and the notes are left unread)."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)

    source: GoalSource | None = None
    status: GoalStatus = GoalStatus.ACTIVE


def areas_with_goals(repo: Repository) -> set[CapitalArea]:
    """The areas an active or paused goal was made from (what :func:`goal_for` finds, for
    every area in one reading of the goals, and of only the two fields it needs)."""
    found = set()
    for goal in repo.glance(Goal, GoalFrom):
        source = goal.source
        if source is not None and source.kind == "capital" and goal.status in LIVE:
            found |= {area for area in CapitalArea if area.value == source.ref}
    return found


def make_goal(repo: Repository, area: CapitalArea, better: str = "") -> Goal:
    """A short-term goal in the matching life area, linked back to the check-in's area.

    Its title is what the person wrote would make the area one step better, or, if they wrote
    nothing, a plain starting title they can change under Goals.
    """
    words = AREAS[area]
    title = better.strip() or f"One step better: {words.name}"
    goal = Goal(
        title=title[:SHORT_TEXT_MAX],
        horizon=Horizon.SHORT,
        area=words.life_area,
        why=f"From my life check-in: one step better for {words.name}.",
        source=GoalSource(kind="capital", ref=area.value, label=words.name),
    )
    repo.save(goal)
    return goal


def card_lines(checkins: list[CapitalCheckin], today: date) -> list[str]:
    """Home's few short lines: when the next one is offered, and the areas that moved most."""
    due = next_due(checkins)
    if due is None:
        return ["Ten areas of life, 1 to 5 each.", "Your first one, any time."]
    lines = ["Due now." if due <= today else f"Next one around {_day(due)}."]
    most = moved_most(checkins)
    if most:
        lines.append("Moved most last time:")
        lines += [f"  {AREAS[m.area].name}: {m.words()}" for m in most]
    return lines
