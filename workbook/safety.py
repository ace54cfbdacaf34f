"""Safety facts that protect life, loaded from ``content/<locale>/safety.toml``.

Tolerance after a break, withdrawal, and what to do in an overdose. Screens and the CLI show the
same words, so a fact is written (and corrected) in one place. This module never imports Textual.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from datetime import date, timedelta

from pydantic import Field

from workbook.content import DEFAULT_LOCALE, ContentModel, read_toml
from workbook.models import Profile, WorkingOn
from workbook.stretches import Record

# What a person may be working on for which overdose and tolerance facts matter. "Other" is
# included: we cannot tell, and a short fact said once too often costs less than one left out.
SUBSTANCES = frozenset({WorkingOn.ALCOHOL, WorkingOn.OTHER_DRUGS, WorkingOn.OTHER})


class Tolerance(ContentModel):
    """After days or weeks without using, the old amount can cause an overdose."""

    text: str = Field(min_length=1)


class Withdrawal(ContentModel):
    """Stopping some things all at once can be dangerous; ask first."""

    text: str = Field(min_length=1)
    """Alcohol, benzodiazepines and sleeping pills: seizures."""
    opioids: str = Field(min_length=1)
    """Opioids: rarely dangerous in itself, but tolerance drops."""


class Steps(ContentModel):
    """A heading and short steps."""

    heading: str = Field(min_length=1)
    steps: list[str] = Field(min_length=1)


class SafetyWords(ContentModel):
    """Everything in ``safety.toml``."""

    tolerance: Tolerance
    withdrawal: Withdrawal
    overdose: Steps

    def overdose_steps(self, emergency: str) -> list[str]:
        """The overdose steps with the person's emergency number in them."""
        return [step.replace("{emergency}", emergency) for step in self.overdose.steps]


@functools.cache
def words(locale: str = DEFAULT_LOCALE) -> SafetyWords:
    """The safety words, validated."""
    return SafetyWords.model_validate(read_toml("safety.toml", locale))


def substances_matter(profile: Profile | None) -> bool:
    """Whether overdose and tolerance facts apply: yes unless only other habits are named."""
    if profile is None or not profile.working_on:
        return True
    return bool(SUBSTANCES & set(profile.working_on))


# A break this long or longer lowers tolerance enough to say so. Even a few days matter.
BREAK_DAYS = 3


def break_before(record: Record, day: date, used_days: Collection[date] = ()) -> int:
    """Days without using right before ``day`` (0 unless it is at least :data:`BREAK_DAYS`).

    A kept day is one with no setback; ``used_days`` are kept days that still had some use (a
    day within a cut-back limit), which end a break just as a setback does.
    """
    stretch = next((s for s in record.all_stretches if s.last == day - timedelta(days=1)), None)
    if stretch is None:
        return 0
    days = 0
    current = stretch.last
    while current >= stretch.first and current not in used_days:
        days += 1
        current -= timedelta(days=1)
    return days if days >= BREAK_DAYS else 0
