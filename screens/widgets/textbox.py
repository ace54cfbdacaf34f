"""The one text box of the workbook: the cursor goes to the end when it gets focus.

Textual's ``Input`` selects everything when it is tabbed into, so the next key replaced a saved
answer (a check-in's win, a setback's next step). Every box in the workbook is a ``TextBox``, so
there is one behaviour everywhere: Tab in, and the cursor waits after what is already there.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input


class TextBox(Input):
    """An ``Input`` that never selects all on focus; its cursor goes to the end instead."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["select_on_focus"] = False
        super().__init__(*args, **kwargs)

    def on_focus(self, event: events.Focus) -> None:
        """Put the cursor after the text, so typing adds to it and never replaces it."""
        self.cursor_position = len(self.value)
