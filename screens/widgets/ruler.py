"""A rating ruler: pick a whole number on a scale with the arrow keys, digits or the mouse.

Used for importance and confidence (0-10), mood (1-5), craving (0-10), how well a goal went
(0-4, with words). Colour is never the only signal: the chosen value is bracketed and written out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class Ruler(Widget, can_focus=True):
    """A horizontal scale from ``low`` to ``high``; ``value`` is None until the person picks one.

    Keys: left/right (or h/l) move, home/end jump, a digit picks that number (``1`` then ``0``
    quickly for 10 on a 0-10 scale), backspace/delete clears.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", "Less", show=False),
        Binding("right,l", "move(1)", "More", show=False),
        Binding("home", "jump('low')", show=False),
        Binding("end", "jump('high')", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
    ]

    DEFAULT_CSS = """
    Ruler {
        height: auto;
        width: 1fr;
        padding: 0 1;
        border: round $border-blurred;
        background: $surface;
    }
    Ruler:focus {
        /* a heavier line, not only a brighter one: focus reads on a monochrome screen too */
        border: heavy $border;
    }
    """

    value: reactive[int | None] = reactive(None)
    """The number picked, or None if nothing is picked yet."""

    class Changed(Message):
        """Posted when the person picks (or clears) a value."""

        def __init__(self, ruler: Ruler, value: int | None) -> None:
            super().__init__()
            self.ruler = ruler
            self.value = value

        @property
        def control(self) -> Ruler:
            return self.ruler

    def __init__(
        self,
        low: int = 0,
        high: int = 10,
        value: int | None = None,
        *,
        words: Sequence[str] | None = None,
        ends: tuple[str, str] = ("", ""),
        words_only: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        if words is not None and len(words) != high - low + 1:
            raise ValueError("give one word per point of the scale")
        self.low = low
        self.high = high
        self.words = list(words) if words else None
        self.ends = ends
        self.words_only = words_only
        """Say the choice by its word alone ("between 2 and 3"), where the number would only
        confuse (a place among five values, not a score)."""
        self._pending_digit: int | None = None
        self.set_reactive(Ruler.value, value)

    def render(self) -> Text:
        text = Text(no_wrap=False)
        if self.ends[0]:
            text.append(f"{self.ends[0]} ", style="dim")
        for n in range(self.low, self.high + 1):
            if n == self.value:
                text.append(f"[{n}]", style="bold reverse")
            else:
                text.append(f" {n} ")
        if self.ends[1]:
            text.append(f" {self.ends[1]}", style="dim")
        chosen = "not chosen yet" if self.value is None else self.describe(self.value)
        text.append(f"\nChosen: {chosen}")
        return text

    def describe(self, value: int) -> str:
        """The value in words, e.g. ``3 - mostly``."""
        if self.words and self.words_only:
            return self.words[value - self.low]
        if self.words:
            return f"{value} - {self.words[value - self.low]}"
        return str(value)

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_move(self, step: int) -> None:
        start = self.value if self.value is not None else (self.low if step > 0 else self.high + 1)
        self.value = max(self.low, min(self.high, start + step))

    def action_jump(self, where: str) -> None:
        self.value = self.low if where == "low" else self.high

    def action_clear(self) -> None:
        self.value = None

    def on_key(self, event: events.Key) -> None:
        if event.character is None or not event.character.isdigit():
            return
        digit = int(event.character)
        event.stop()
        if self._pending_digit == 1 and digit == 0 and self.high >= 10:
            self.value = 10
            self._pending_digit = None
            return
        if self.low <= digit <= self.high:
            self.value = digit
        self._pending_digit = digit

    def on_click(self, event: events.Click) -> None:
        """A click on a number picks it, on whichever line the scale wraps it to: the numbers
        are found in the lines as drawn (a click on the frame, between numbers or on the
        "Chosen" line does nothing)."""
        where = event.get_content_offset(self)
        if where is None:
            return
        drawn = [self.render_line(y).text for y in range(where.y + 1)]
        if any(line.startswith("Chosen:") for line in drawn):
            return
        for number in re.finditer(r"\d+", drawn[where.y]):
            if number.start() - 1 <= where.x <= number.end():  # with its brackets or spaces
                n = int(number.group())
                if self.low <= n <= self.high:
                    self.value = n
                return
