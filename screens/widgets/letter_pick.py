"""Pick one of a few named choices with one key: its letter. Optional: the letter again clears.

Used for the kind of trigger on the urge form ("m" for money, "p" for a person). Colour is never
the only signal: the chosen one is bracketed and written out under the choices.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class LetterPick(Widget, can_focus=True):
    """Choices shown as ``m money``; a letter picks one, left/right move, backspace clears.

    ``choices`` are ``(value, key, name)``; ``value`` is None until the person picks one.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous", show=False),
        Binding("right", "move(1)", "Next", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
    ]

    DEFAULT_CSS = """
    LetterPick {
        height: auto;
        width: 1fr;
        padding: 0 1;
        border: round $border-blurred;
        background: $surface;
    }
    LetterPick:focus {
        /* a heavier line, not only a brighter one: focus reads on a monochrome screen too */
        border: heavy $border;
    }
    """

    value: reactive[str | None] = reactive(None, layout=True)
    """The value picked, or None."""

    class Changed(Message):
        """Posted when the person picks (or clears) a choice."""

        def __init__(self, pick: LetterPick, value: str | None) -> None:
            super().__init__()
            self.pick = pick
            self.value = value

        @property
        def control(self) -> LetterPick:
            return self.pick

    def __init__(
        self,
        choices: Sequence[tuple[str, str, str]],
        value: str | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.choices = list(choices)
        self._by_key = {key: choice for choice, key, _ in self.choices}
        self.set_reactive(LetterPick.value, value if value in self.values else None)

    @property
    def values(self) -> list[str]:
        return [choice for choice, _, _ in self.choices]

    def name_of(self, value: str | None) -> str:
        """The name shown for ``value``."""
        return next((name for choice, _, name in self.choices if choice == value), "")

    def render(self) -> Text:
        width = max(20, self.content_region.width or self.size.width or 72)
        text = Text()
        used = 0
        for choice, key, name in self.choices:
            piece = f"[{key} {name}]" if choice == self.value else f" {key} {name} "
            if used and used + cell_len(piece) > width:
                text.append("\n")
                used = 0
            if choice == self.value:
                text.append(piece, style="bold reverse")
            else:
                text.append(" ")
                text.append(key, style="bold underline")
                text.append(f" {name} ")
            used += cell_len(piece)
        chosen = self.name_of(self.value) if self.value is not None else "none (that's fine)"
        text.append(f"\nChosen: {chosen}")
        return text

    def watch_value(self, value: str | None) -> None:
        self.post_message(self.Changed(self, value))

    def on_key(self, event: events.Key) -> None:
        choice = self._by_key.get(event.character or "")
        if choice is None:
            return
        event.stop()
        event.prevent_default()
        self.value = None if self.value == choice else choice

    def action_move(self, step: int) -> None:
        values = self.values
        if self.value is None:
            self.value = values[0] if step > 0 else values[-1]
            return
        self.value = values[(values.index(self.value) + step) % len(values)]

    def action_clear(self) -> None:
        self.value = None
