"""The calm header every screen shares: section name on the left, name and date on the right."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget


def one_line(text: str) -> str:
    """``text`` as one line of cells: its first line, tabs as spaces (as a label draws it)."""
    lines = text.splitlines()
    return lines[0].expandtabs(8) if lines else ""


def cut(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending in "…" when cut (as a label's text-overflow)."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…" if width > 0 else ""


class TopBar(Widget):
    """Section title, then the person's name and today's date. Names are shown literally.

    One widget drawing one line (until December 2026 a row of three labels): every screen has
    one, and each widget a screen mounts is styled, laid out and drawn as the screen opens
    (bench/RESULTS.md, issue 20). It draws what the three labels drew, cell for cell: the title
    in bold taking the room left (cut with "…"), the name muted and at most 40% of the line
    (cut with "…"), then a space and the date, muted.
    """

    DEFAULT_CSS = """
    TopBar {
        height: 1;
        dock: top;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    TopBar > .topbar--title { text-style: bold; }
    TopBar > .topbar--muted { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"topbar--title", "topbar--muted"}

    who: reactive[str] = reactive("")
    """The person's name (or label): a rename in Settings sets it and the bar is drawn again."""

    def __init__(self, title: str, who: str, today: date) -> None:
        super().__init__()
        self._title = title
        self.set_reactive(TopBar.who, who)
        self._today = today

    @property
    def title_text(self) -> str:
        return f"Side by Side · {self._title}"

    def when_text(self) -> str:
        when = f"{self._today:%a} {self._today.day} {self._today:%b %Y}"
        return f"· {when}" if self.who else when

    def render_line(self, y: int) -> Strip:
        """The bar's one line (Textual pads it and runs the app's line filters over it)."""
        width = self.content_size.width
        title, who, when = one_line(self.title_text), one_line(self.who), self.when_text()
        # As the row of labels was laid out: the name at most 40% of the line, the title
        # the rest (at least a cell: "…"), the date last, clipped at the edge if no room.
        who_width = min(cell_len(who), width * 2 // 5)
        title_width = min(width, max(1, width - who_width - cell_len(when) - 1))
        who_width = min(who_width, width - title_width)
        when_width = width - title_width - who_width  # a space, then the date
        base, background = self.background_colors
        blank = RichStyle(bgcolor=(base + background).rich_color)  # as Textual pads a line
        bold = self.get_visual_style("topbar--title").rich_style
        muted = self.get_visual_style("topbar--muted").rich_style
        title = cut(title, title_width)
        segments = [
            Segment(title, bold),
            Segment(" " * (title_width - cell_len(title)), blank),
            Segment(cut(who, who_width), muted),
            Segment(" " if when_width else "", blank),
            Segment(set_cell_size(when, max(0, when_width - 1)), muted),
        ]
        return Strip([s for s in segments if s.text], width)

    def set_who(self, who: str) -> None:
        """Show a new name (after a rename in Settings)."""
        self.who = who
