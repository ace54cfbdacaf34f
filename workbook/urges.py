"""The urge log and what it shows over time: urges this week, common triggers, times of day.

Words for the log and the urge-surfing guide come from ``content/<locale>/urges.toml``. Times
are local wall-clock times, so the times-of-day pattern reads the clock the person saw.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, time, timedelta

from pydantic import BaseModel, ConfigDict, Field

from workbook.checkins import FutureDate
from workbook.content import DEFAULT_LOCALE, read_toml
from workbook.models import Urge
from workbook.storage import Repository

# --- Words --------------------------------------------------------------------------------


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LogWords(_Content):
    strength: str
    minutes: str
    minutes_example: str
    trigger: str
    trigger_example: str
    thoughts: str
    thoughts_example: str
    did: str
    did_example: str
    passed: str


class TimeOfDay(_Content):
    name: str = Field(min_length=1)
    start: int = Field(ge=0, le=23)


class GuideWords(_Content):
    intro: str
    steps: list[str] = Field(min_length=1)
    choose_minutes: str
    riding: str
    finished: str
    strength_now: str
    offer_log: str
    hard_moment: str
    still_strong: str = Field(min_length=1)
    """A next step when the urge is still strong at the end (F1, a person, another round)."""


class UrgeWords(_Content):
    """Everything in ``urges.toml``."""

    log: LogWords
    times_of_day: list[TimeOfDay] = Field(min_length=1)
    guide: GuideWords

    def time_of_day(self, at: time) -> str:
        """The name of the part of the day ``at`` falls in."""
        name = self.times_of_day[0].name
        for part in sorted(self.times_of_day, key=lambda t: t.start):
            if at.hour >= part.start:
                name = part.name
        return name


@functools.cache
def words(locale: str = DEFAULT_LOCALE) -> UrgeWords:
    """The urge log and guide words, validated."""
    return UrgeWords.model_validate(read_toml("urges.toml", locale))


# --- The log ------------------------------------------------------------------------------


def save_urge(repo: Repository, urge: Urge, today: date) -> Urge:
    """Save (or edit) an urge. A future date is refused."""
    if urge.on > today:
        day = urge.on
        raise FutureDate(
            f"{day:%A} {day.day} {day:%B %Y} hasn't happened yet. Pick today or earlier."
        )
    repo.save(urge)
    return urge


def all_urges(repo: Repository) -> list[Urge]:
    """Every urge, newest first."""
    return sorted(repo.all(Urge), key=lambda u: (u.on, u.at or time.max), reverse=True)


# --- Patterns -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Patterns:
    """What the log shows, as of ``today``."""

    this_week: int
    """Urges in the last 7 days, today included."""
    passed_this_week: int
    """Of those, how many passed."""
    average_strength: float | None
    """Their average peak strength, or None with none."""
    triggers: list[tuple[str, int]]
    """The most common triggers (as first written), with how many times, most first."""
    times: list[tuple[str, int]]
    """Times of day urges came, with how many, most first."""
    total: int
    """Every urge in the log."""


def _trigger_key(text: str) -> str:
    """Triggers written slightly differently ("Payday", "payday.") count as one."""
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def common_triggers(urges: list[Urge], top: int = 3) -> list[tuple[str, int]]:
    """The ``top`` triggers by count; ties go to the most recent."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for urge in sorted(urges, key=lambda u: (u.on, u.at or time.min), reverse=True):
        key = _trigger_key(urge.trigger)
        if key:
            counts[key] += 1
            shown.setdefault(key, urge.trigger.strip())
    order = sorted(counts, key=lambda k: -counts[k])  # stable: recent first among ties
    return [(shown[k], counts[k]) for k in order[:top]]


def times_of_day(urges: list[Urge], locale: str = DEFAULT_LOCALE) -> list[tuple[str, int]]:
    """How many urges came in each part of the day (where the time is known), most first."""
    names = words(locale)
    counts = Counter(names.time_of_day(u.at) for u in urges if u.at is not None)
    return counts.most_common()


def patterns(urges: list[Urge], today: date, *, days: int = 28) -> Patterns:
    """The week's count and the patterns over the last ``days`` days (today included)."""
    week_from = today - timedelta(days=6)
    since = today - timedelta(days=days - 1)
    week = [u for u in urges if week_from <= u.on <= today]
    recent = [u for u in urges if since <= u.on <= today]
    strengths = [u.strength for u in week]
    return Patterns(
        this_week=len(week),
        passed_this_week=sum(1 for u in week if u.passed),
        average_strength=sum(strengths) / len(strengths) if strengths else None,
        triggers=common_triggers(recent),
        times=times_of_day(recent),
        total=len(urges),
    )
