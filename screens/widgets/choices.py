"""Checkboxes and radio buttons whose state shows in the glyph, not only in its colour.

Textual's stock toggles draw the same mark on and off and tell them apart by colour; these draw
``X``/``●`` when chosen and a blank when not, so the state reads on any terminal.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class TickBox(Checkbox):
    """A checkbox that reads ``[X]`` when ticked and ``[ ]`` when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "X" if self.value else " "


class Choice(RadioButton):
    """A radio button that reads ``(●)`` when chosen and ``( )`` when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "●" if self.value else " "
