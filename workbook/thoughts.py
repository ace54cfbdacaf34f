"""Catch the thought, check it, change it: a short exercise for the voice of an urge.

The idea comes from cognitive behavioural therapy (CBT), where noticing a thought, testing it
and finding a more helpful one is a core skill (SMART Recovery teaches a version as its ABC
tool). The words here are our own. Each go is kept (:class:`~workbook.models.ThoughtCheck`),
saved as the person types, so the new thoughts that helped can be read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from workbook.errors import InvalidInput
from workbook.models import LONG_TEXT_MAX, ThoughtCheck, now
from workbook.storage import Repository


@dataclass(frozen=True)
class Step:
    """One step of the exercise: its field, its words, and an example."""

    field: str
    title: str
    ask: str
    example: str


STEPS = (
    Step(
        "caught",
        "1. Catch it",
        "What is the urge telling you? Write it down, word for word.",
        'e.g. "One won\'t hurt." / "I\'ve had a rotten day, I deserve it."',
    ),
    Step(
        "checked",
        "2. Check it",
        "Is it true, all of it? What happened the last times you listened? "
        "What would you say to a friend who thought this?",
        'e.g. "One has never been one for me. Last time I felt worse the next day."',
    ),
    Step(
        "changed",
        "3. Change it",
        "Write a thought that is truer and kinder, and one thing you will do now.",
        'e.g. "I\'ve had a rotten day and I deserve something good: a bath and a call to Sam."',
    ),
)

INTRO = (
    "An urge often comes with a voice that sounds very sure of itself. Thoughts are not facts: "
    "you can catch one, check it, and change it. It takes a few minutes, and gets easier."
)
CREDIT = (
    "This idea comes from cognitive behavioural therapy (CBT); SMART Recovery teaches a version "
    "of it too. The words here are our own."
)


def save(repo: Repository, check: ThoughtCheck, **changes: Any) -> ThoughtCheck:
    """Change some of the three answers and save at once; return the go as saved.

    A go with nothing written in it is never stored.
    """
    data = {**check.model_dump(), **changes}
    if data == check.model_dump():
        return check
    data["updated"] = now()
    try:
        changed = ThoughtCheck.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(_why(exc)) from None
    if is_empty(changed) and repo.find(ThoughtCheck, changed.id) is None:
        return changed
    repo.save(changed)
    return changed


def is_empty(check: ThoughtCheck) -> bool:
    return not any(getattr(check, s.field).strip() for s in STEPS)


def helped_before(repo: Repository, limit: int = 3) -> list[str]:
    """The newest changed thoughts, most recent first: worth reading again."""
    found = sorted(repo.all(ThoughtCheck), key=lambda c: c.updated, reverse=True)
    return [c.changed.strip() for c in found if c.changed.strip()][:limit]


def _why(exc: ValidationError) -> str:
    err = exc.errors()[0]
    if err.get("type") in ("string_too_long", "too_long"):
        return f"That is very long; please keep each answer under {LONG_TEXT_MAX:,} characters."
    return str(err.get("msg", "That cannot be saved.")).removeprefix("Value error, ")
