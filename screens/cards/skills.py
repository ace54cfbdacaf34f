"""The skills card: how many skills are at each level, and the last change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from screens.text import literal
from workbook import skills
from workbook.storage import Repository

if TYPE_CHECKING:
    from textual.widget import Widget

    from screens.app import WorkbookApp


def summary_text(repo: Repository) -> str:
    """How many skills are at each level, most confident first."""
    counts = skills.level_counts(repo)
    order = reversed(skills.LEVELS)
    return " · ".join(f"{level.value.capitalize()}: {counts[level]}" for level in order)


def change_text(change: skills.RecentChange) -> Text:
    """A level change in words, e.g. ``Fri 27 Nov: Plan a week, learning → practising``."""
    c = change.change
    text = Text(f"{c.day:%a %d %b}: ")
    text.append_text(literal(change.title))  # an own skill's name is the person's text
    text.append(f", {c.from_level.value} → {c.to_level.value}")
    return text


def last_change_text(repo: Repository, empty: str) -> Text:
    """The latest level change, or ``empty`` (a gentle start) when there is none yet."""
    recent = skills.recent_changes(repo, limit=1)
    if not recent:
        return Text(empty)
    return Text("Last change: ").append_text(change_text(recent[0]))


def card(app: WorkbookApp) -> Widget:
    """Home's card: how many skills are at each level, and the last change."""
    assert app.repo is not None
    text = Text("Skills · ", style="bold")
    text.append(summary_text(app.repo))
    text.append("\n").append_text(
        last_change_text(app.repo, "Bank, alarm, appointments: pick one to start with.")
    )
    return Static(text, id="skills-card")
