"""Tick boxes and choices that say "on" with a mark, not only with colour.

Textual draws an unticked box as a dimmed "X" and an unchosen radio button as a dimmed dot, so
colour alone tells them apart. These show the mark only when it is on, which also reads right
with NO_COLOR and on a monochrome screen.
"""

from __future__ import annotations

from typing import Any, TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, RadioSet, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

T = TypeVar("T")


class Tick(Checkbox):
    """A checkbox showing "X" when ticked and a blank when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "X" if self.value else " "


class Choice(RadioButton):
    """A radio button showing a dot only when chosen."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "●" if self.value else " "


class Choices(RadioSet):
    """A radio set whose highlight starts on the answer already chosen, so the arrows move from
    there (Textual's starts on the first). Only public actions are used to move it."""

    def on_mount(self) -> None:
        self.call_after_refresh(self._highlight_pressed)

    def _highlight_pressed(self) -> None:
        buttons = list(self.query(RadioButton))
        pressed = self.pressed_button
        if pressed is None or pressed not in buttons:
            return
        for _ in range(buttons.index(pressed)):
            self.action_next_button()


class TickList(SelectionList[T]):
    """A selection list whose unticked rows show a blank box."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if selection.value in self.selected:
            return strip
        segments: list[Any] = list(strip)
        if len(segments) > 1 and segments[1].text == "X":
            segments[1] = Segment(" ", segments[1].style)
        return Strip(segments, strip.cell_length)
