"""`?`: every key on the screen you came from, and the keys that work everywhere."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from screens.base import WorkbookScreen

MOVING = (
    ("Tab / Shift+Tab", "Move to the next or previous thing on the screen"),
    ("↑ ↓", "Move up and down a list"),
    ("Enter", "Choose, or press the button that is lit"),
    ("Space", "Tick or untick a box"),
    ("Ctrl+P", "Command palette: jump to any part of the workbook"),
)
# Keys Textual binds for itself that a person does not need to read about here.
SKIP_ACTIONS = {"help_quit", "command_palette"}


class HelpScreen(WorkbookScreen):
    """The keys of ``screen`` (the one below) and the global ones, each with what it does."""

    SECTION_TITLE = "Keys"
    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self._here, self._everywhere = self.keys_of(screen)
        self._title = getattr(screen, "SECTION_TITLE", "") or "this screen"

    def keys_of(
        self, screen: Screen[object]
    ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(key, what it does) for the screen's own bindings, and for the app's."""
        here: list[tuple[str, str]] = []
        everywhere: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for key, active in screen.active_bindings.items():
            binding: Binding = active.binding
            what = binding.tooltip or binding.description
            if not what or binding.action in SKIP_ACTIONS:
                continue
            shown = self.app.get_key_display(binding) if key == binding.key else key
            row = (shown, what)
            if row in seen:
                continue
            seen.add(row)
            (everywhere if isinstance(active.node, App) else here).append(row)
        return here, everywhere

    def body(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(f"On {self._title}", classes="heading", markup=False)
            yield self._table(self._here or [("", "No keys of its own.")])
            yield Static("Everywhere", classes="heading", markup=False)
            yield self._table(self._everywhere)
            yield Static("Moving around", classes="heading", markup=False)
            yield self._table(list(MOVING))
            yield Static("Escape goes back.", classes="hint", markup=False)

    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> Static:
        lines = [Content.assemble((f"{key:>16}", "bold"), "  ", what) for key, what in rows]
        return Static(Content("\n").join(lines), classes="keys")
