"""The goals card: active goals, their progress, and the next step of each (up to three)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from screens.text import clip
from workbook import goals

if TYPE_CHECKING:
    from textual.widget import Widget

    from screens.app import WorkbookApp


def card(app: WorkbookApp) -> Widget:
    """Active goals and their progress, and the next step of each (up to three)."""
    repo = app.repo
    if repo is None:
        return Static("")
    active = goals.active_goals(repo)
    if not active:
        return Static("Goals: none yet. Press g to set a first one.", classes="home-card")
    p = goals.overall_progress(active)
    text = Text()
    text.append(f"Goals: {len(active)} active · {p.text()} done", style="bold")
    shown = 0
    for goal in active:
        step = goals.next_step(goal)
        if step is None or shown == 3:
            continue
        text.append("\n  Next: ")
        text.append(clip(step.text, 36))
        text.append(f"  ({clip(goal.title, 24)})", style="dim")
        shown += 1
    return Static(text, classes="home-card")
