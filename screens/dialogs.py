"""The dialog kit: one yes/no question and one choose-one question, styled in one place.

Every dialog that only asks something uses these, so a question looks, reads and answers the
same everywhere: centred, the safe answer focused first, Escape always the safe answer, and the
words never read as markup (a name or a goal title may hold square brackets).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Button, Static

from screens.base import WorkbookDialog


def escape_says(bindings: dict[str, ActiveBinding], words: str) -> dict[str, ActiveBinding]:
    """``bindings`` with Escape's footer label set to the answer it gives (``words``)."""
    active = bindings.get("escape")
    if active is not None:
        binding = dataclasses.replace(active.binding, description=words)
        bindings["escape"] = active._replace(binding=binding)
    return bindings


DIALOG_CSS = """
Confirm, ChooseOne { align: center middle; }
Confirm > Vertical, ChooseOne > Vertical {
    width: 64; max-width: 100%; height: auto; max-height: 100%;
    border: round $primary; background: $surface; padding: 0 1;
}
Confirm .dialog-heading, ChooseOne .dialog-heading { text-style: bold; }
Confirm .dialog-buttons, ChooseOne .dialog-buttons { height: auto; margin-top: 1; }
Confirm Button, ChooseOne Button { margin-right: 1; }
"""
"""The centred-dialog style, for every question the workbook asks."""


class Question(Static):
    """The question asked, as plain words (never markup)."""

    question: reactive[str] = reactive("")

    def watch_question(self, question: str) -> None:
        self.update(Text(question))


class Confirm(WorkbookDialog[bool]):
    """A yes-or-no question. Dismisses True for yes; No, Escape and ``n`` mean no.

    No is focused first, so Enter pressed by habit never removes anything. With ``again``, yes
    is asked a second time with those words (removing a passphrase asks twice).
    """

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "No"),
        Binding("n", "answer(False)", "No", show=False),
        Binding("y", "answer(True)", "Yes", show=False),
    ]

    question: reactive[str] = reactive("", init=False)
    """The question shown (asking twice changes it to the second question)."""

    def __init__(
        self,
        question: str,
        *,
        yes: str = "Yes",
        no: str = "No, keep it",
        heading: str | None = None,
        danger: bool = True,
        again: str | None = None,
    ) -> None:
        super().__init__()
        self.set_reactive(Confirm.question, question)
        self.yes = yes
        self.no = no
        self.heading = heading
        self.danger = danger
        self.again = again

    def compose(self) -> ComposeResult:
        with Vertical():
            if self.heading:
                yield Static(Text(self.heading), classes="dialog-heading")
            yield Question(id="question").data_bind(Confirm.question)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.no, variant="primary", id="no")
                yield Button(self.yes, variant="error" if self.danger else "default", id="yes")

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return escape_says(super().active_bindings, self.no)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_answer(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        if yes and self.again:
            self.question, self.again = self.again, None
            self.query_one("#no", Button).focus()
            return
        self.dismiss(yes)


class ChooseOne(WorkbookDialog[str]):
    """A question with a few answers, each a button. Dismisses with the chosen answer's id.

    ``choices`` are ``(id, label)`` pairs in the order shown; the first is focused unless
    ``focus`` names another; Escape answers ``escape``.
    """

    DEFAULT_CSS = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "escape", "Back")]

    def __init__(
        self,
        question: str,
        choices: Sequence[tuple[str, str]],
        *,
        escape: str,
        focus: str | None = None,
        heading: str | None = None,
    ) -> None:
        super().__init__()
        if escape not in {choice for choice, _ in choices}:
            raise ValueError(f"Escape must answer one of the choices, not {escape!r}")
        self.question = question
        self.choices = tuple(choices)
        self.escape = escape
        self.focus_id = focus or self.choices[0][0]
        self.heading = heading

    def compose(self) -> ComposeResult:
        with Vertical():
            if self.heading:
                yield Static(Text(self.heading), classes="dialog-heading")
            yield Static(Text(self.question))
            with Horizontal(classes="dialog-buttons"):
                for choice, label in self.choices:
                    first = choice == self.focus_id
                    yield Button(label, id=choice, variant="primary" if first else "default")

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return escape_says(super().active_bindings, dict(self.choices)[self.escape])

    def on_mount(self) -> None:
        self.query_one(f"#{self.focus_id}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id is not None:
            self.dismiss(event.button.id)

    def action_escape(self) -> None:
        self.dismiss(self.escape)
