"""The urge log and what it shows over time: urges this week, common triggers, times of day.

Words for the log and the urge-surfing guide come from ``content/<locale>/urges.toml``. Times
are local wall-clock times, so the times-of-day pattern reads the clock the person saw.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from workbook.checkins import FutureDate
from workbook.content import DEFAULT_LOCALE, read_toml
from workbook.models import TriggerKind, Urge, UrgeGlance
from workbook.storage import Repository

# --- Words --------------------------------------------------------------------------------


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # as ContentModel


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
    kind: str


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


class KindWords(_Content):
    """One kind of trigger: its stored value, the one key that picks it, and its name."""

    kind: TriggerKind
    key: str = Field(pattern=r"^[a-z]$")
    name: str = Field(min_length=1, max_length=24)


class UrgeWords(_Content):
    """Everything in ``urges.toml``."""

    log: LogWords
    trigger_kinds: list[KindWords]
    times_of_day: list[TimeOfDay] = Field(min_length=1)
    guide: GuideWords

    @model_validator(mode="after")
    def _every_kind_once(self) -> UrgeWords:
        kinds = [k.kind for k in self.trigger_kinds]
        keys = [k.key for k in self.trigger_kinds]
        if sorted(kinds) != sorted(TriggerKind) or len(set(keys)) != len(keys):
            raise ValueError("trigger_kinds: name every kind once, each with a key of its own")
        return self

    def kind_name(self, kind: TriggerKind) -> str:
        """What the screens and the report call ``kind`` ("a person", "money")."""
        return next(k.name for k in self.trigger_kinds if k.kind == kind)

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


class Noted(Protocol):
    """What the patterns read of an urge: a whole :class:`Urge`, or Home's glance of one."""

    @property
    def on(self) -> date: ...
    @property
    def at(self) -> time | None: ...
    @property
    def strength(self) -> int: ...
    @property
    def trigger(self) -> str: ...
    @property
    def kind(self) -> TriggerKind | None: ...
    @property
    def passed(self) -> bool | None: ...


N = TypeVar("N", bound=Noted)


def _newest_first(found: list[N]) -> list[N]:
    """Newest first: by day, then by time (an urge with no time last noted that day)."""
    return sorted(found, key=lambda u: (u.on, u.at or time.max), reverse=True)


def all_urges(repo: Repository) -> list[Urge]:
    """Every urge, newest first."""
    return _newest_first(repo.all(Urge))


def newest_urges(repo: Repository, n: int) -> list[Urge]:
    """The ``n`` newest urges, newest first, in the order :func:`all_urges` gives them (only
    those are read: the log lists a hundred, of years of urges)."""
    return repo.newest(Urge, n, "on", "at")


def urges_since(repo: Repository, since: date) -> list[Urge]:
    """The urges noted on ``since`` or later (only those are read), newest first."""
    return _newest_first(repo.find_between(Urge, "on", since, date.max))


def glanced_urges(repo: Repository) -> list[UrgeGlance]:
    """Every urge's day, time, strength, trigger and "passed", newest first (as
    :func:`all_urges`, without validating each whole urge): what Home's card counts."""
    return _newest_first(repo.glance(Urge, UrgeGlance))


def trigger_text(urge: Urge, locale: str = DEFAULT_LOCALE) -> str:
    """What was happening, with its kind first when one was chosen: "money: Payday"."""
    if urge.kind is None:
        return urge.trigger
    name = words(locale).kind_name(urge.kind)
    return f"{name}: {urge.trigger}" if urge.trigger.strip() else name


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
    triggers: list[TriggerCount]
    """The most common triggers (by kind, else as first written), most first."""
    times: list[tuple[str, int]]
    """Times of day urges came, with how many, most first."""
    total: int
    """Every urge in the log."""


def _trigger_key(text: str) -> str:
    """Triggers written slightly differently ("Payday", "payday.") count as one."""
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


@dataclass(frozen=True)
class TriggerCount:
    """One common trigger: a kind with the person's own words for it, or words with no kind."""

    name: str
    """The kind's name ("money"), or the words as last written when no kind was chosen."""
    count: int
    """How many urges it came with."""
    words: tuple[str, ...] = ()
    """For a kind: the different things written with it, newest first (empty ones left out)."""


def common_triggers(
    urges: Sequence[Noted], top: int = 3, locale: str = DEFAULT_LOCALE
) -> list[TriggerCount]:
    """The ``top`` triggers by count; ties go to the most recent.

    Urges with a kind are counted by it, so "Payday" and "a bill I can't pay" both add to
    money. An urge with no kind (noted before kinds existed, or left unchosen) counts by its
    words, where the same words written slightly differently still count as one.
    """
    names = words(locale)
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    written: dict[str, dict[str, str]] = {}
    for urge in sorted(urges, key=lambda u: (u.on, u.at or time.min), reverse=True):
        text = urge.trigger.strip()
        if urge.kind is not None:
            key = f"kind:{urge.kind.value}"
            shown.setdefault(key, names.kind_name(urge.kind))
            if _trigger_key(text):
                written.setdefault(key, {}).setdefault(_trigger_key(text), text)
        elif _trigger_key(text):
            key = f"words:{_trigger_key(text)}"
            shown.setdefault(key, text)
        else:
            continue
        counts[key] += 1
    order = sorted(counts, key=lambda k: -counts[k])  # stable: recent first among ties
    return [
        TriggerCount(shown[k], counts[k], tuple(written.get(k, {}).values())) for k in order[:top]
    ]


def times_of_day(urges: Sequence[Noted], locale: str = DEFAULT_LOCALE) -> list[tuple[str, int]]:
    """How many urges came in each part of the day (where the time is known), most first."""
    names = words(locale)
    counts = Counter(names.time_of_day(u.at) for u in urges if u.at is not None)
    return counts.most_common()


PATTERN_DAYS = 28
"""The patterns (common triggers, times of day) look at the last four weeks."""


def patterns(
    urges: Sequence[Noted], today: date, *, days: int = PATTERN_DAYS, total: int | None = None
) -> Patterns:
    """The week's count and the patterns over the last ``days`` days (today included).

    ``urges`` may be only the recent ones (``urges_since``) when ``total``, the number of
    urges in the whole log, is given.
    """
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
        total=len(urges) if total is None else total,
    )
