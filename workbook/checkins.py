"""The daily check-in: one per local date, today's editable, a missed day filled in later.

Also the setback record (a return to use, with a short reflection) and the words for both,
loaded from ``content/<locale>/checkin.toml``. Every function takes ``today`` rather than asking
the clock, so tests are deterministic.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from workbook.content import DEFAULT_LOCALE, read_toml
from workbook.errors import InvalidInput
from workbook.models import Checkin, CheckinDay, Pathway, Setback, UseAnswer, now
from workbook.storage import Repository


class FutureDate(InvalidInput, ValueError):
    """A check-in, setback or urge dated after today."""


# --- Words --------------------------------------------------------------------------------


class _Content(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # as ContentModel


class Answer(_Content):
    """One answer to the "used today" question."""

    value: UseAnswer
    label: str = Field(min_length=1)


class UsedQuestion(_Content):
    """The "used or acted on it today" question for one pathway."""

    pathway: Pathway
    question: str = Field(min_length=1)
    answers: list[Answer] = Field(min_length=2)


class Prompt(_Content):
    question: str = Field(min_length=1)
    example: str = ""


class Mood(_Content):
    question: str
    words: list[str] = Field(min_length=5, max_length=5)


class Craving(_Content):
    question: str
    ends: tuple[str, str]


class Halt(_Content):
    question: str


class SetbackWords(_Content):
    kind_words: list[str] = Field(min_length=1)
    going_on: str
    going_on_example: str
    halt: str
    helped_before: str
    helped_before_example: str
    next_step: str
    next_step_example: str
    optional: str = Field(min_length=1)
    """Said first: every question is optional."""
    talk_now: str = Field(min_length=1)
    """Offers F1 in words."""
    kept_nothing_yet: str = Field(min_length=1)
    """The kept-days line when there are none to show."""
    change_day: str = Field(min_length=1)
    """The label of the day field, at the bottom."""

    def kind_for(self, day: date) -> str:
        """The kind words for a setback on ``day`` (varied, but the same all that day)."""
        return self.kind_words[day.toordinal() % len(self.kind_words)]


def in_their_words(text: str, own: str) -> str:
    """``text`` with "the habit" in the person's own words for it, where they gave some.

    Their words are kept exactly (only trimmed and put on one line); the caller shows the result
    with markup off.
    """
    words = " ".join(own.split())
    return text.replace("the habit", words) if words else text


class PathwaySetback(_Content):
    """The setback screen's words for a pathway other than stopping completely."""

    pathway: Pathway
    heading: str = Field(min_length=1)
    """Said first, in place of the word "setback"."""
    kind_words: list[str] = Field(min_length=1)
    going_on: str = Field(min_length=1)
    going_on_example: str = Field(min_length=1)


class CheckinWords(_Content):
    """Everything in ``checkin.toml``."""

    mood: Mood
    craving: Craving
    used: list[UsedQuestion]
    halt: Halt
    sleep: Prompt
    win: Prompt
    note: Prompt
    setback: SetbackWords
    setback_pathway: list[PathwaySetback] = Field(default_factory=list)

    def setback_for(self, pathway: Pathway) -> tuple[str | None, SetbackWords]:
        """The setback screen's heading (None: the usual title) and words, for ``pathway``."""
        own = next((p for p in self.setback_pathway if p.pathway == pathway), None)
        if own is None:
            return None, self.setback
        words = self.setback.model_copy(
            update={
                "kind_words": own.kind_words,
                "going_on": own.going_on,
                "going_on_example": own.going_on_example,
            }
        )
        return own.heading, words

    def used_for(self, pathway: Pathway) -> UsedQuestion:
        """The question and answers worded for ``pathway``."""
        return next(q for q in self.used if q.pathway == pathway)


@functools.cache
def words(locale: str = DEFAULT_LOCALE) -> CheckinWords:
    """The check-in and setback words, validated (every pathway must be covered)."""
    loaded = CheckinWords.model_validate(read_toml("checkin.toml", locale))
    missing = set(Pathway) - {q.pathway for q in loaded.used}
    if missing:
        raise ValueError(f"checkin.toml has no 'used' question for {sorted(missing)}")
    return loaded


# --- Check-ins ----------------------------------------------------------------------------


def _refuse_future(day: date, today: date) -> None:
    if day > today:
        raise FutureDate(
            f"{day:%A} {day.day} {day:%B %Y} hasn't happened yet. Pick today or an earlier day."
        )


def checkin_for(repo: Repository, day: date) -> Checkin | None:
    """The check-in for ``day``, if there is one."""
    found = repo.find_by(Checkin, on=day)
    return found[0] if found else None


def all_checkins(repo: Repository) -> list[Checkin]:
    """Every check-in, oldest day first."""
    return sorted(repo.all(Checkin), key=lambda c: c.on)


def checkin_days(repo: Repository) -> tuple[CheckinDay, ...]:
    """Every check-in's day, mood, craving and "used" answer, oldest day first.

    What Home needs for the day counter and the check-in card, read without validating whole
    check-ins, and remembered until the workbook changes (the counter and the card share it).
    """

    def read() -> tuple[CheckinDay, ...]:
        return tuple(sorted(repo.glance(Checkin, CheckinDay), key=lambda c: c.on))

    return repo.remembered("checkin_days", read)


def save_checkin(repo: Repository, checkin: Checkin, today: date) -> Checkin:
    """Save ``checkin`` as the one for its date; if that date has one already, edit it.

    A future date is refused. A day filled in after it has passed is marked with the day it was
    filled in, so it can be shown clearly.
    """
    _refuse_future(checkin.on, today)
    existing = checkin_for(repo, checkin.on)
    fields: dict[str, Any] = {"updated": now()}
    if existing is not None:
        fields.update(id=existing.id, created=existing.created, filled_in_on=existing.filled_in_on)
    elif checkin.on < today:
        fields["filled_in_on"] = today
    stored = Checkin.model_validate({**checkin.model_dump(), **fields})
    repo.save(stored)
    return stored


def missed_days(
    repo: Repository,
    today: date,
    within: int = 7,
    *,
    known: Sequence[Checkin | CheckinDay] | None = None,
) -> list[date]:
    """Days in the last ``within`` days (not today) without a check-in, newest first.

    Only days since the first check-in count: a new workbook has missed nothing. Pass ``known``
    (every check-in) when you have already loaded them.
    """
    found = all_checkins(repo) if known is None else known
    if not found:
        return []
    have = {c.on for c in found}
    first = min(have)
    days = [date.fromordinal(today.toordinal() - n) for n in range(1, within + 1)]
    return [d for d in days if d >= first and d not in have]


# --- Setbacks -----------------------------------------------------------------------------


def save_setback(repo: Repository, setback: Setback, today: date) -> Setback:
    """Save a setback (a return to use) and its reflection. A future date is refused."""
    _refuse_future(setback.on, today)
    repo.save(setback)
    return setback


def remove_setback(repo: Repository, day: date) -> bool:
    """Remove the setback written down for ``day`` (one noted by mistake); return if there was one.

    A check-in for that day that says "yes" still counts as a setback: change the check-in too.
    """
    found = setback_for(repo, day)
    return found is not None and repo.remove(Setback, found.id)


def setback_for(repo: Repository, day: date) -> Setback | None:
    """The setback written down for ``day``, if there is one."""
    found = repo.all(Setback, where=lambda s: s.on == day)
    return found[0] if found else None


def all_setbacks(repo: Repository) -> list[Setback]:
    """Every setback written down, oldest first."""
    return sorted(repo.all(Setback), key=lambda s: s.on)


def needs_reflection(repo: Repository, checkin: Checkin) -> bool:
    """Whether a saved check-in records a return to use that has no reflection yet."""
    return (
        checkin.used is not None
        and checkin.used.is_setback
        and setback_for(repo, checkin.on) is None
    )
