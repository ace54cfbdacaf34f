"""The one multi-line text box of the workbook: pasting puts in text, and only what fits.

Textual's ``TextArea`` puts a paste in as it comes: an ESC or a BEL was stored in the answer
(an ESC later showed as ``^[``), a lone carriage return split nothing yet hid what followed,
and a paste longer than the answer can hold was kept on screen and then refused on saving.
Every multi-line box in the workbook is a ``WritingArea`` (a test forbids a plain
``TextArea`` in screens/, as one forbids a plain ``Input``), so pasting behaves as it does in
the one-line :class:`~screens.widgets.textbox.TextBox`: control characters are removed, line
breaks of every kind become plain new lines, and a paste longer than the box holds keeps what
fits and says so. Typing stops at the same limit, with one kind word (as a one-line box stops
at its ``max_length``), instead of a refusal only when the answer is saved.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import events
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from workbook.models import LONG_TEXT_MAX
from workbook.text import pasted_lines


class WritingArea(TextArea):
    """A ``TextArea`` whose pastes are only text, and never more than ``max_length``."""

    def __init__(self, *args: Any, max_length: int = LONG_TEXT_MAX, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_length = max_length
        """How many characters the answer holds (a paste beyond it keeps what fits)."""
        self._said_full = False

    def on_paste(self, event: events.Paste) -> None:
        """Put pasted text in as text, keeping what fits (Textual's own paste is not run)."""
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        text = pasted_lines(event.text)
        start, end = sorted(self.selection)
        chosen = len(self.get_text_range(start, end))
        room = max(0, self.max_length - (len(self.text) - chosen))
        kept = text[:room]
        if kept or chosen:
            result = self.replace(kept, start, end)
            self.move_cursor(result.end_location)
        if len(kept) < len(text):
            self.notify(
                f"This box holds {self.max_length:,} characters, so the first "
                f"{len(kept):,} of what you pasted were kept.",
                title="Not all of it fitted",
                severity="warning",
                markup=False,
            )

    def edit(self, edit: Edit) -> EditResult:
        """Every change (typing, pasting, a program's) kept within ``max_length``."""
        replaced = len(self.get_text_range(edit.from_location, edit.to_location))
        room = max(0, self.max_length - (len(self.text) - replaced))
        if len(edit.text) > room:
            edit = replace(edit, text=edit.text[:room])
            if not self._said_full:
                self._said_full = True
                self.notify(
                    f"This box holds {self.max_length:,} characters; it is full.",
                    title="Not all of it fitted",
                    severity="warning",
                    markup=False,
                )
        result = super().edit(edit)
        if len(self.text) < self.max_length:
            self._said_full = False  # said again the next time it fills
        return result
