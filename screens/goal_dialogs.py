"""Small dialogs shared by the goals screens and the weekly review: a date, a step, a note,
a yes-or-no question. Each is a ``ModalScreen`` that dismisses with a typed result
(None when the person cancels). Everything typed is shown back with markup off.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Button, Input, Label, Static

from screens.base import WorkbookDialog
from screens.widgets.message import FieldMessage
from screens.widgets.textbox import TextBox
from workbook import clock
from workbook.errors import InvalidInput
from workbook.goals import parse_date

DIALOG_CSS = """
.goal-dialog {
    align: center middle;
}
.goal-dialog > Vertical {
    width: 70;
    max-width: 100%;
    height: auto;
    max-height: 100%;
    padding: 1 2;
    border: round $primary;
    background: $surface;
}
.goal-dialog .dialog-heading { text-style: bold; margin-bottom: 1; }
.goal-dialog .dialog-hint { color: $text-muted; }
.goal-dialog .dialog-body { margin-bottom: 1; }
.goal-dialog .dialog-message { color: $text-warning; height: auto; }
.goal-dialog Horizontal { height: auto; margin-top: 1; }
.goal-dialog Button { margin-right: 2; }
"""


T = TypeVar("T")


class _Dialog(WorkbookDialog[T | None], Generic[T]):
    """Base: Escape cancels (dismisses with None)."""

    DEFAULT_CSS = DIALOG_CSS
    SCOPED_CSS = False
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    message: reactive[str] = reactive("")
    """What needs changing before the dialog can be accepted (bound to its message line)."""

    def __init__(self) -> None:
        super().__init__(classes="goal-dialog")

    def action_cancel(self) -> None:
        self.dismiss(None)

    def message_line(self) -> FieldMessage:
        return FieldMessage(id="message", classes="dialog-message").data_bind(_Dialog.message)

    def buttons(self, ok: str) -> ComposeResult:
        with Horizontal():
            yield Button(ok, variant="primary", id="ok", compact=True)
            yield Button("Cancel", id="cancel", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.accept()
        else:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.accept()

    def accept(self) -> None:
        raise NotImplementedError


class DateDialog(_Dialog[tuple[date | None]]):
    """Pick (or clear) a date. Dismisses with ``(date,)``, ``(None,)`` to clear, or None."""

    def __init__(self, heading: str, current: date | None) -> None:
        super().__init__()
        self.heading = heading
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.heading, classes="dialog-heading", markup=False)
            yield Label("Date (YYYY-MM-DD), or leave it empty for no date:", markup=False)
            value = self.current.isoformat() if self.current else ""
            yield TextBox(value, placeholder="for example 2026-12-31", id="date", compact=True)
            yield self.message_line()
            yield from self.buttons("Save date")

    def accept(self) -> None:
        try:
            chosen = parse_date(self.query_one("#date", Input).value, clock.today())
        except InvalidInput as exc:
            self.message = str(exc)
            return
        self.dismiss((chosen,))


class StepDialog(_Dialog[tuple[str, date | None]]):
    """Add a step: its words and an optional date."""

    def __init__(self, goal_title: str, suggested: str = "") -> None:
        super().__init__()
        self.goal_title = goal_title
        self.suggested = suggested
        """Words offered in the box (the review's "next step"), to keep or change."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Add a step", classes="dialog-heading")
            yield Label(f"To: {self.goal_title}", classes="dialog-hint", markup=False)
            yield Label("What is one small thing you could do?")
            yield TextBox(
                self.suggested,
                placeholder="for example: ring the bank on Monday morning",
                id="step",
                max_length=200,
                compact=True,
            )
            yield Label("A date for it (optional):")
            yield TextBox(
                placeholder="for example 2026-12-31, friday or next week", id="due", compact=True
            )
            yield self.message_line()
            yield from self.buttons("Add step")

    def accept(self) -> None:
        text = self.query_one("#step", Input).value
        if not text.strip():
            self.message = "A step needs a few words. What is one small thing you could do?"
            return
        try:
            due = parse_date(self.query_one("#due", Input).value, clock.today())
        except InvalidInput as exc:
            self.message = str(exc)
            return
        self.dismiss((text, due))


class NoteDialog(_Dialog[str]):
    """A kind word, then an optional note. Dismisses with the note ("" if none) or None."""

    def __init__(
        self, heading: str, body: str, prompt: str, ok: str, placeholder: str = ""
    ) -> None:
        super().__init__()
        self.heading = heading
        self.body = body
        self.prompt = prompt
        self.ok = ok
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.heading, classes="dialog-heading", markup=False)
            if self.body:
                yield Static(self.body, classes="dialog-body", markup=False)
            yield Label(self.prompt, markup=False)
            yield TextBox(placeholder=self.placeholder, id="note", max_length=5000, compact=True)
            yield from self.buttons(self.ok)

    def accept(self) -> None:
        self.dismiss(self.query_one("#note", Input).value)


def pause_dialog() -> NoteDialog:
    return NoteDialog(
        "Pause this goal",
        "It keeps its steps. You can pick it up again whenever you like.",
        "A note for later (optional):",
        "Pause it",
        "for example: back to this after the move",
    )


def done_dialog() -> NoteDialog:
    return NoteDialog(
        "Mark this goal done",
        "You did what you set out to do.",
        "Anything to remember about how you got there? (optional)",
        "Mark done",
        "for example: asking for help early made the difference",
    )


def let_go_dialog() -> NoteDialog:
    return NoteDialog(
        "Let this goal go",
        "Letting a goal go is allowed. Life changes, and some goals stop fitting.",
        "What did you learn from it? (optional)",
        "Let it go",
        "for example: I want something smaller first",
    )
