"""The calm header every screen shares: section name on the left, name and date on the right."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label


class TopBar(Horizontal):
    """Section title, then the person's name and today's date. Names are shown literally."""

    DEFAULT_CSS = """
    TopBar {
        height: 1;
        dock: top;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    TopBar #topbar-title {
        width: 1fr; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis;
    }
    TopBar #topbar-who {
        width: auto; max-width: 40%; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    TopBar #topbar-date { width: auto; color: $text-muted; padding-left: 1; }
    """

    who: reactive[str] = reactive("", recompose=True)
    """The person's name (or label): a rename in Settings sets it and the bar is drawn again."""

    def __init__(self, title: str, who: str, today: date) -> None:
        super().__init__()
        self._title = title
        self.set_reactive(TopBar.who, who)
        self._today = today

    def compose(self) -> ComposeResult:
        yield Label(f"Side by Side · {self._title}", id="topbar-title", markup=False)
        yield Label(self.who, id="topbar-who", markup=False)
        yield Label(self._when(), id="topbar-date", markup=False)

    def _when(self) -> str:
        when = f"{self._today:%a} {self._today.day} {self._today:%b %Y}"
        return f"· {when}" if self.who else when

    def set_who(self, who: str) -> None:
        """Show a new name (after a rename in Settings)."""
        self.who = who
