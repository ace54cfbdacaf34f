"""The goals card: active goals, their progress, and the next step of each (up to three).

Each next step is fitted to the card's width when it is drawn, not cut at a fixed length:
two cards share 80 columns (about 36 each), and a wide terminal gives a card twice that.
When every step fits beside its goal's name, each takes one line; otherwise each step gets a
line of its own, cut with "…" at the card's edge if it must be, with its goal's name under it.
The whole step is always on the goal's own screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from screens.text import literal
from workbook import goals

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from textual.widget import Widget

    from screens.app import WorkbookApp

NEXT = "  Next: "
GOAL_NAME = 24
"""How much of the goal's name shows beside a step on one line."""


def fitted(text: str, width: int | None = None, style: str = "") -> Text:
    """A person's text on one line, cut with "…" to ``width`` cells (never read as markup)."""
    line = literal(" ".join(text.split()), style)
    if width is not None:
        line.truncate(max(width, 1), overflow="ellipsis")
    return line


class NextSteps:
    """The card's heading, then each goal's next step, laid out for the width it is drawn at."""

    def __init__(self, heading: str, steps: list[tuple[str, str]]) -> None:
        self.heading = heading
        self.steps = steps
        """(next step, goal title) pairs, as the person wrote them."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        width = options.max_width
        yield Text(self.heading, style="bold")
        beside = [
            Text.assemble(
                NEXT, fitted(step), ("  (", "dim"), fitted(title, GOAL_NAME, "dim"), (")", "dim")
            )
            for step, title in self.steps
        ]
        if all(line.cell_len <= width for line in beside):
            yield from beside
            return
        # Not all fit: every step gets its own line, so the card reads the same all the way down.
        indent = " " * len(NEXT)
        for step, title in self.steps:
            yield Text.assemble(NEXT, fitted(step, width - len(NEXT)))
            name = fitted(title, width - len(indent) - 2, "dim")
            yield Text.assemble(indent, ("(", "dim"), name, (")", "dim"))


def card(app: WorkbookApp) -> Widget:
    """Active goals and their progress, and the next step of each (up to three)."""
    repo = app.repo
    if repo is None:
        return Static("")
    active = goals.active_goals(repo)
    if not active:
        return Static(
            "Goals: none yet. Press g to set a first one.", classes="home-card", id="goals-card"
        )
    p = goals.overall_progress(active)
    steps: list[tuple[str, str]] = []
    for goal in active:
        step = goals.next_step(goal)
        if step is not None and len(steps) < 3:
            steps.append((step.text, goal.title))
    # Short enough for a card at 80 columns (it wrapped "done" onto a line of its own), and
    # never "no steps yet done".
    done = f"{p.done}/{p.total} steps done" if p.total else "no steps yet"
    heading = f"Goals: {len(active)} active · {done}"
    return Static(NextSteps(heading, steps), classes="home-card", id="goals-card")
