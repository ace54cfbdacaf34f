"""A line under a field that says what is wrong, shown only while there is something to say.

Bound to a screen's reactive with ``data_bind(message=TheScreen.some_error)``: the screen sets
its own attribute and the line follows (state flows down; no handler finds the line to poke it).
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.visual import VisualType
from textual.widgets import Static


class FieldMessage(Static):
    """Plain words (never read as markup); hidden (class ``-shown`` off) while empty."""

    message: reactive[str] = reactive("")

    def __init__(self, *, id: str | None = None, classes: str = "error") -> None:
        super().__init__("", markup=False, id=id, classes=classes)

    def watch_message(self, message: str) -> None:
        self.update(message)
        self.set_class(bool(message), "-shown")


class Shown(Static):
    """A line or block drawn from a reactive: bind ``shown`` to the screen's (never markup).

    ``above`` is fixed words drawn over it in the same widget (a heading, an introduction),
    with their style, and ``shown_style`` the style of the words drawn from the reactive: one widget
    where a heading and the line under it were two.
    """

    shown: reactive[VisualType] = reactive("")

    def __init__(
        self,
        *,
        id: str | None = None,
        classes: str | None = None,
        above: tuple[str, str] | None = None,
        shown_style: str = "",
    ) -> None:
        super().__init__("", markup=False, id=id, classes=classes)
        self.above = above
        self.shown_style = shown_style

    def watch_shown(self, shown: VisualType) -> None:
        if self.above is None or not isinstance(shown, str):
            self.update(shown)
        else:
            self.update(Content.assemble(self.above, "\n", (shown, self.shown_style)))


class ShownWhen(Static):
    """Fixed words (never markup), shown only while ``shown`` is True (class ``-shown``): bind
    it to the screen's reactive. Only this widget is restyled when it turns, not the screen."""

    shown: reactive[bool] = reactive(False)

    def __init__(self, words: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(words, markup=False, id=id, classes=classes)

    def watch_shown(self, shown: bool) -> None:
        self.set_class(shown, "-shown")
