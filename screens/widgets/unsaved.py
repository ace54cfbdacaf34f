"""Asking before words are left behind: Escape on a form with changes not saved yet.

The workbook never loses a word silently. Leaving a form with unsaved changes asks once: save,
leave without saving, or stay. Escape in the question means stay.
"""

from __future__ import annotations

from typing import Literal

from textual.widget import Widget
from textual.widgets import Checkbox, Input, RadioButton, Switch, TextArea

from screens.dialogs import ChooseOne
from screens.widgets.letter_pick import LetterPick
from screens.widgets.ruler import Ruler

Choice = Literal["save", "discard", "stay"]


class UnsavedScreen(ChooseOne):
    """ "You have changes not saved yet": Save / Leave without saving / Stay (Escape)."""

    def __init__(self) -> None:
        super().__init__(
            "You have changes that are not saved yet. What would you like to do?",
            [("save", "Save them"), ("discard", "Leave without saving"), ("stay", "Stay here")],
            escape="stay",
        )


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
        elif isinstance(widget, (Ruler, LetterPick, Checkbox, RadioButton, Switch)):
            values.append(widget.value)
    return tuple(values)
