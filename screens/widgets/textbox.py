"""The one text box of the workbook: the cursor goes to the end when it gets focus.

Textual's ``Input`` selects everything when it is tabbed into, so the next key replaced a saved
answer (a check-in's win, a setback's next step). Every box in the workbook is a ``TextBox``, so
there is one behaviour everywhere: Tab in, and the cursor waits after what is already there.

Pasting is the same everywhere too: pasted text is only text (control characters are removed,
line breaks become spaces), and a paste longer than the box holds keeps what fits and says so,
instead of leaving the box as it was without a word.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input

from workbook.text import fit_paste, pasted


class TextBox(Input):
    """An ``Input`` that never selects all on focus; its cursor goes to the end instead."""

    SCOPED_CSS = False  # the 16-colour rule starts at the App's class
    DEFAULT_CSS = """
    TextBox > .input--placeholder { text-style: italic; }
    App.-few-colours TextBox > .input--placeholder { color: $foreground; text-style: italic dim; }
    TextBox:focus { border: heavy $border; }
    TextBox.-textual-compact:focus { border: none; text-style: underline; }
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["select_on_focus"] = False
        if not kwargs.get("validators"):
            # Born with the class Input's validation gives a box without validators: given
            # words, Input validates them in its constructor and adds "-valid", which worked
            # out the box's style there, before it was mounted, to do it again on mounting.
            kwargs["classes"] = " ".join(filter(None, (kwargs.get("classes"), "-valid")))
        super().__init__(*args, **kwargs)

    def on_paste(self, event: events.Paste) -> None:
        """Put pasted text in as text, keeping what fits (Textual's own paste is not run)."""
        event.prevent_default()
        event.stop()
        text = pasted(event.text)
        if not text:
            return
        start, end = sorted(self.selection)
        value, cursor, dropped = fit_paste(self.value, text, start, end, self.max_length or 0)
        self.value = value
        self.cursor_position = cursor
        if dropped:
            self.notify(
                f"This box holds {self.max_length:,} characters, so the first "
                f"{len(text) - dropped:,} of what you pasted were kept.",
                title="Not all of it fitted",
                severity="warning",
                markup=False,
            )

    def on_focus(self, event: events.Focus) -> None:
        """Put the cursor after the text, so typing adds to it and never replaces it."""
        self.cursor_position = len(self.value)
