"""Small helpers for showing a person's text: on one line, cut to fit, never read as markup."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from workbook.text import clip

__all__ = ["Hanging", "clip", "day_text", "hanging", "literal", "pad"]

# Control characters would reach the terminal as commands (clear the screen, set the title...),
# so a person's text shows them as visible symbols instead: "␛" for escape, "␇" for a bell.
_VISIBLE_CONTROLS = {code: 0x2400 + code for code in range(32) if code not in (9, 10)}
_VISIBLE_CONTROLS |= {0x7F: 0x2421} | {code: 0xFFFD for code in range(0x80, 0xA0)}


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal cells (for lining up columns)."""
    return set_cell_size(text, max(width, cell_len(text)))


def literal(text: str, style: str = "") -> Text:
    """A person's text exactly as typed, never read as markup, controls made visible."""
    return Text(text.translate(_VISIBLE_CONTROLS), style=style)


def day_text(day: date) -> str:
    """A date as people say it: ``27 Nov 2026``."""
    return f"{day.day} {day:%b %Y}"


class Hanging:
    """``lead`` then ``body``, with every wrapped line of ``body`` lined up under its first
    character (a hanging indent), never back at the left edge: "  • Not lower because: ..."
    or "Why it matters to me: ...". Both are shown as written, never read as markup."""

    def __init__(self, lead: str | Text, body: str | Text) -> None:
        self.lead = lead if isinstance(lead, Text) else Text(lead)
        self.body = body if isinstance(body, Text) else literal(body)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Drawn as a two-column grid would draw it (lead, then the body wrapped in the rest of
        # the width, each line padded to it), without building a table: a plan's summary
        # holds dozens of these, and tables made it the slowest part of the screen to draw.
        lead = cell_len(self.lead.plain)
        width = options.max_width - lead
        if width < 8 or lead == 0:  # nothing to hang, or no room: as the grid draws it
            yield self._grid(lead)
            return
        lines = self.body.wrap(console, width, justify="left", overflow="fold")
        indent = " " * lead
        for number, line in enumerate(lines):
            row = Text()
            row.append(self.lead if number == 0 else indent)
            row.append(line)  # (each part's own style goes with it)
            yield from row.render(console, end="\n")

    def _grid(self, lead: int) -> Table:
        grid = Table.grid(padding=0, expand=True)
        grid.add_column(width=lead, no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(self.lead, self.body)
        return grid

    @property
    def plain(self) -> str:
        """The words, on one line as stored (for tests and for reading back)."""
        return self.lead.plain + self.body.plain


def hanging(lead: str | Text, body: str | Text) -> Hanging:
    """``lead`` then ``body`` with a hanging indent (see :class:`Hanging`)."""
    return Hanging(lead, body)
