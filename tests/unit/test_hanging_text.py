"""A hanging indent is drawn without a table, exactly as the two-column grid drew it.

The plan's summary holds dozens of hanging lines; a Rich table for each made drawing it the
slowest part of opening the plan (issue 20). The grid stays as the reference.
"""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console, Group, RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from screens.text import Hanging, hanging

BODIES = [
    "",
    "short",
    "Not lower because: I have felt the difference now, and I do not want to lose it.",
    "a" * 130,
    "line one\nline two is longer than the width of the column for sure, yes",
    "  leading spaces and trailing   ",
    "emoji 🙂 wide 漢字漢字漢字 text that wraps around the edge of the box somewhere",
    "[bold]not markup[/bold] \x1b and a bell \x07",
    "word " * 40,
    "x\n\n\ny",
]
LEADS: list[str | Text] = [
    "  • ",
    Text("Why it matters to me: ", style="bold"),
    "Serves the long-term goal: ",
    "",
]


def cells(renderable: RenderableType, width: int) -> list[list[tuple[str, Style]]]:
    """Each line as (character, style) pairs: what a terminal would show."""
    console = Console(file=StringIO(), width=width, color_system="truecolor", force_terminal=True)
    lines = console.render_lines(Group(renderable, Text("after")), console.options)
    return [[(ch, seg.style or Style()) for seg in line for ch in seg.text] for line in lines]


@pytest.mark.parametrize("width", [5, 20, 30, 37, 60, 76, 100])
def test_hanging_lines_match_the_grid(width: int) -> None:
    for lead in LEADS:
        for body in BODIES:
            for style in ("", "dim"):
                shown = hanging(lead, Text(body, style=style) if style else body)
                grid = shown._grid(len(shown.lead.plain))
                assert cells(shown, width) == cells(grid, width), (lead, body, style)


def test_no_table_is_built_for_a_line_with_room() -> None:
    console = Console(file=StringIO(), width=80)
    drawn = list(Hanging("  • ", "a step I will take").__rich_console__(console, console.options))
    assert drawn and all(isinstance(part, Segment) for part in drawn)
