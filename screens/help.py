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
Row = tuple[str, str]

# Keys Textual binds for itself that "Moving around" already covers, or that need no words.
# A scrolling part of ours (the plan summary) inherits Textual's scroll keys: arrows cover them.
SCROLLING = ("up", "down", "left", "right", "home", "end")
SKIP_ACTIONS: tuple[str, ...] = (
    *("help_quit", "command_palette", "focus_next", "focus_previous", "copy_text"),
    *(f"scroll_{way}" for way in SCROLLING),
    *(f"page_{way}" for way in SCROLLING[:4]),
)


def friendly_key(shown: str) -> str:
    """ "^q" as "Ctrl+Q" and "f1" as "F1": the way keys are printed on a keyboard."""
    if shown.startswith("^") and len(shown) > 1:
        rest = shown[1:]
        return "Ctrl+" + (rest.upper() if len(rest) == 1 else rest)
    if shown[:1] == "f" and shown[1:].isdigit():
        return shown.upper()
    return shown


def ours(node: object) -> bool:
    """Whether ``node`` is one of the workbook's own widgets (the plan summary, a ruler...)."""
    return type(node).__module__.startswith("screens.")


class HelpScreen(WorkbookScreen):
    """The keys of ``screen`` (the one below) and the global ones, each with what it does."""

    SECTION_TITLE = "Keys"
    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self._here, self._everywhere = self.keys_of(screen)
        self._title = getattr(screen, "SECTION_TITLE", "") or "this screen"

    def keys_of(self, screen: Screen[object]) -> tuple[list[Row], list[Row]]:
        """(keys, what they do) for the screen's own bindings, and for the app's."""
        here: dict[str, list[str]] = {}
        everywhere: dict[str, list[str]] = {}
        for key, active in screen.active_bindings.items():
            binding: Binding = active.binding
            what = binding.tooltip or binding.description
            if not what or binding.action.endswith(SKIP_ACTIONS):
                continue
            if not (active.node is screen or isinstance(active.node, App) or ours(active.node)):
                continue  # Textual's own widgets' keys (Input, lists): "Moving around" has them
            rows = everywhere if isinstance(active.node, App) else here
            shown = friendly_key(self.app.get_key_display(binding) if key == binding.key else key)
            # Several keys for one action (F1 and Ctrl+G) share a row; the first one's words win.
            rows.setdefault(binding.action, [what]).append(shown)
        return self._rows(here), self._rows(everywhere)

    @staticmethod
    def _rows(found: dict[str, list[str]]) -> list[Row]:
        return [(" / ".join(keys), what) for what, *keys in found.values()]

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
    def _table(rows: list[Row]) -> Static:
        lines = [Content.assemble((f"{key:>16}", "bold"), "  ", what) for key, what in rows]
        return Static(Content("\n").join(lines), classes="keys")
