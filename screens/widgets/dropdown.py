"""A drop-down choice that looks and works like Textual's ``Select``, built from fewer parts.

Textual's ``Select`` mounts six widgets (the current value, its label, two arrows, and the list
of options with its five styled parts) the moment it is shown, and every one of them has its
style worked out again each time the screen is shown, resized or focused: on Settings the five
drop-downs were more than half of the styling done while it opened (bench/RESULTS.md). A
``Dropdown`` is two widgets, the box and the line it draws, and the list is built the first
time it is opened.

Same keys as ``Select``: Enter, Space, Up or Down open the list; there Up and Down move, Enter
(or a click) picks, Escape closes it, and typing a few letters jumps to the option that has
them. A click on the box opens or closes the list.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList

T = TypeVar("T", bound=Hashable)

SEARCH_PAUSE = 0.7
"""Seconds without a key after which typing in the open list starts a new search (Select's)."""


class DropdownBox(Widget):
    """The closed box: the chosen option's words and an arrow, drawn as ``Select`` draws them."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    DropdownBox {
        border: tall $border-blurred;
        color: $foreground;
        background: $surface;
        width: 1fr;
        height: auto;
        padding: 0 2;
        pointer: pointer;
        &:ansi {
            border: tall $border-blurred;
            color: ansi_default;
            background: ansi_default;
        }
    }
    """

    label: reactive[str] = reactive("", layout=True)
    """The chosen option's words."""
    expanded: reactive[bool] = reactive(False)
    """Whether the list is open (the arrow points up)."""

    drawn: tuple[tuple[int, str, bool], list[Content]] | None = None
    """The rows last drawn, and what they were drawn for (layout asks for them often)."""

    def rows(self, width: int) -> list[Content]:
        """The label wrapped to ``width`` less the arrow's two columns, the arrow on the first."""
        key = (width, self.label, self.expanded)
        if self.drawn is None or self.drawn[0] != key:
            self.drawn = (key, self.wrapped(width))
        return self.drawn[1]

    def wrapped(self, width: int) -> list[Content]:
        room = max(1, width - 2)
        lines = Content(self.label).wrap(room) or [Content("")]
        arrow = Content.styled(" ▲" if self.expanded else " ▼", "$foreground 50%")
        return [
            line.pad_right(room - line.cell_length) + (arrow if n == 0 else Content("  "))
            for n, line in enumerate(lines)
        ]

    def render(self) -> Content:
        return Content("\n").join(self.rows(self.content_region.width))

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.rows(width)) if width else 0

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(Dropdown.Toggle())


class DropdownList(OptionList):
    """The open list, built the first time the drop-down is opened; it closes when it loses
    focus, and typing jumps to the option with those letters (as ``Select`` does)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Dismiss menu")]
    ALLOW_SELECT = False

    query_typed = ""
    """The letters typed so far for the search."""
    typed_at = 0.0
    """When the last of them was typed (``time.monotonic``)."""

    def action_dismiss(self) -> None:
        self.post_message(Dropdown.Close(refocus=True))

    def on_blur(self) -> None:
        self.post_message(Dropdown.Close(refocus=False))
        self.suppress_click()  # a click on the box that took the focus away does not reopen it

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return character is not None and character.isprintable()

    def on_key(self, event: events.Key) -> None:
        if event.character is None or not event.is_printable:
            return
        event.stop()
        event.prevent_default()
        now = time.monotonic()
        if now - self.typed_at > SEARCH_PAUSE:
            self.query_typed = ""
        self.typed_at = now
        self.query_typed += event.character.lower()
        found = self.search(self.query_typed)
        if found is not None:
            self.highlighted = found
            self.scroll_to_highlight()

    def search(self, query: str) -> int | None:
        """The option holding ``query`` nearest its start (the first such, as ``Select``)."""
        best: tuple[int, int] | None = None
        for index in range(self.option_count):
            where = str(self.get_option_at_index(index).prompt).lower().find(query)
            if where != -1 and (best is None or where < best[0]):
                best = (where, index)
        return None if best is None else best[1]


class Dropdown(Widget, Generic[T], can_focus=True):
    """Choose one of ``options`` (``(words, value)`` pairs); ``value`` is always one of them.

    Setting ``value`` (by the person or in code) posts :class:`Dropdown.Changed`, as setting a
    ``Select``'s value posts ``Select.Changed``; the value it starts with does not.
    """

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,down,space,up", "open", "Show menu", show=False),
    ]
    DEFAULT_CSS = """
    Dropdown {
        height: auto;
        color: $foreground;
        &:focus > DropdownBox {
            border: tall $border;
            background-tint: $foreground 5%;
        }
        &:ansi:focus > DropdownBox { border: tall $border; }
        & > DropdownList {
            width: 1fr;
            display: none;
            height: auto;
            max-height: 12;
            overlay: screen;
            constrain: none inside;
            color: $foreground;
            border: tall $border-blurred;
            background: $surface;
            &:focus { background-tint: $foreground 5%; }
            & > .option-list--option { padding: 0 1; }
        }
        &.-expanded > DropdownList { display: block; }
        &.-textual-compact > DropdownBox {
            padding: 0 1 0 0;
            border: none !important;
        }
    }
    """

    value: reactive[T] = reactive[T](None, init=False, always_update=False)  # type: ignore[arg-type]
    """The chosen option's value."""
    label: reactive[str] = reactive("")
    """The chosen option's words (drawn by the box)."""
    expanded: reactive[bool] = reactive(False, init=False)
    """Whether the list of options is open."""

    class Changed(Message):
        """The value was changed."""

        def __init__(self, dropdown: Dropdown[Any], value: Any) -> None:
            super().__init__()
            self.dropdown = dropdown
            self.value = value

        @property
        def control(self) -> Dropdown[Any]:
            return self.dropdown

    class Toggle(Message):
        """The box was clicked: open or close the list."""

    class Close(Message):
        """The list is done with (Escape, a pick elsewhere, or it lost focus)."""

        def __init__(self, refocus: bool) -> None:
            super().__init__()
            self.refocus = refocus

    def __init__(
        self,
        options: Sequence[tuple[str, T]],
        value: T,
        *,
        id: str | None = None,
        classes: str | None = None,
        compact: bool = False,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.compact = compact
        """Drawn without borders, as ``Select(compact=True)``."""
        if compact:  # born with it, so it is styled once
            self.add_class("-textual-compact", update=False)
        self.options = list(options)
        if not self.options:
            raise ValueError("A drop-down needs at least one option.")
        values = [v for _, v in self.options]
        start = value if value in values else values[0]
        self.set_reactive(Dropdown.value, start)  # type: ignore[misc]
        self.set_reactive(Dropdown.label, self.words_of(start))

    def words_of(self, value: T) -> str:
        """The words shown for ``value``."""
        return next(words for words, v in self.options if v == value)

    def index_of(self, value: T) -> int:
        return next(n for n, (_, v) in enumerate(self.options) if v == value)

    def compose(self) -> ComposeResult:
        yield DropdownBox().data_bind(Dropdown.label, Dropdown.expanded)

    def validate_value(self, value: T) -> T:
        if all(v != value for _, v in self.options):
            raise ValueError(f"{value!r} is not one of this drop-down's options.")
        return value

    def watch_value(self, value: T) -> None:
        self.label = self.words_of(value)
        self.post_message(self.Changed(self, value))

    def watch_expanded(self, expanded: bool) -> None:
        self.set_class(expanded, "-expanded")

    def action_open(self) -> None:
        """Open the list (built now if it never was), on the option chosen."""
        lists = self.query(DropdownList)
        if lists:
            options = lists.first()
        else:
            options = DropdownList(*(words for words, _ in self.options), compact=self.compact)
            self.mount(options)
        options.highlighted = self.index_of(self.value)
        self.expanded = True
        options.focus(scroll_visible=False)
        self.call_after_refresh(options.scroll_to_highlight)

    def on_dropdown_toggle(self, event: Toggle) -> None:
        event.stop()
        if self.expanded:
            self.expanded = False
            self.focus()
        else:
            self.action_open()

    def on_dropdown_close(self, event: Close) -> None:
        event.stop()
        self.expanded = False
        if event.refocus:
            self.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.value = self.options[event.option_index][1]
        self.expanded = False
        self.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
