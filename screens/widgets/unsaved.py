"""Asking before words are left behind: Escape on a form with changes not saved yet.

The workbook never loses a word silently. Leaving a form with unsaved changes asks once: save,
leave without saving, or stay. Escape in the question means stay.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Input, Static, TextArea
from textual.widgets._toggle_button import ToggleButton

from screens.base import WorkbookDialog
from screens.widgets.ruler import Ruler

Choice = Literal["save", "discard", "stay"]


class UnsavedScreen(WorkbookDialog[Choice]):
    """ "You have changes not saved yet": Save / Leave without saving / Stay."""

    DEFAULT_CSS = """
    UnsavedScreen { align: center middle; }
    UnsavedScreen > Vertical {
        width: 64; height: auto; border: round $primary; background: $surface; padding: 0 1;
    }
    UnsavedScreen Horizontal { height: auto; margin-top: 1; }
    UnsavedScreen Button { margin-right: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "stay", "Stay")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("You have changes that are not saved yet. What would you like to do?")
            with Horizontal():
                yield Button("Save them", id="save", variant="primary")
                yield Button("Leave without saving", id="discard")
                yield Button("Stay here", id="stay")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        choice: Choice = "save"
        if event.button.id in ("discard", "stay"):
            choice = "discard" if event.button.id == "discard" else "stay"
        self.dismiss(choice)

    def action_stay(self) -> None:
        self.dismiss("stay")


def form_state(root: Widget, exclude: frozenset[str] = frozenset()) -> tuple[object, ...]:
    """Every value a person can change under ``root`` (to tell whether anything changed)."""
    values: list[object] = []
    for widget in root.query("*"):
        if widget.id in exclude:
            continue
        if isinstance(widget, Input):
            values.append(widget.value)
        elif isinstance(widget, TextArea):
            values.append(widget.text)
        elif isinstance(widget, (Ruler, ToggleButton)):
            values.append(widget.value)
    return tuple(values)
