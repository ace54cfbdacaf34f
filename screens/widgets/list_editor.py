"""A list edited in place: add with Enter, edit where it stands, reorder, remove with undo.

Each item is a pydantic model; each column edits one of its fields. Every change is reported at
once with :class:`ListEditor.Changed` (the screen saves it), so there is no Save button to forget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from screens.widgets.message import FieldMessage
from screens.widgets.textbox import TextBox
from workbook import clock, dates
from workbook.errors import InvalidInput
from workbook.models import LONG_TEXT_MAX, LifeArea


@dataclass(frozen=True)
class Column:
    """One field of an item, edited in one box of the row."""

    field: str
    """The item's field this box edits."""
    placeholder: str
    """What the empty box says."""
    kind: str = "text"
    """``text``, ``date`` (YYYY-MM-DD or empty) or ``area`` (a LifeArea picker)."""
    width: str = "1fr"
    """The box's width in CSS units."""
    max_length: int = LONG_TEXT_MAX
    """The most characters the box takes."""
    suggestions: tuple[str, ...] = ()
    """Words to suggest as the person types (the right arrow accepts one)."""


NewItem = Callable[[dict[str, Any]], BaseModel]
"""Makes a new item from the add row's values (may raise InvalidInput)."""

AT_LIMIT = "That is as much as this box can hold ({limit:,} characters)."


class ListEditor(Vertical):
    """A list of items, each a row of boxes, with an empty row at the end for a new one.

    Keys, in a row: Enter in the last row adds; ctrl+up/ctrl+down move the item; ctrl+r removes
    it (ctrl+z puts it back); ctrl+o asks for a goal to be made from it.
    """

    message: reactive[str] = reactive("")
    """A short message under the list ("Removed. Press ctrl+z to put it back."); empty hides it."""

    def watch_message(self, message: str) -> None:
        line = getattr(self, "_message_line", None)
        if line is not None:
            line.message = message

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+up,alt+up", "move(-1)", "Move up", show=False),
        Binding("ctrl+down,alt+down", "move(1)", "Move down", show=False),
        Binding("ctrl+r", "remove", "Remove", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+o", "goal", "Make a goal", show=False),
    ]

    DEFAULT_CSS = """
    ListEditor { height: auto; }
    ListEditor .le-row { height: 1; margin-bottom: 1; }
    ListEditor .le-row.-open { margin-bottom: 0; }
    ListEditor .le-full { height: auto; padding-left: 4; margin-bottom: 1; color: $text-muted; }
    ListEditor .le-full.-empty { display: none; }
    ListEditor .le-num { width: 4; color: $text-muted; }
    ListEditor .le-new .le-num { color: $primary; }
    ListEditor Input { margin-right: 1; }
    ListEditor Select { margin-right: 1; }
    ListEditor .le-keys { color: $text-muted; }
    ListEditor #le-msg { color: $text-warning; height: auto; display: none; }
    ListEditor #le-msg.-shown { display: block; }
    """

    class Changed(Message):
        """The list changed (an edit, an addition, a move, a removal or an undo)."""

        def __init__(
            self, editor: ListEditor, items: list[BaseModel], *, typing: bool = False
        ) -> None:
            super().__init__()
            self.editor = editor
            self.items = items
            self.typing = typing
            """A key typed in a row's box (the screen may save a moment later)."""

        @property
        def control(self) -> ListEditor:
            return self.editor

    class GoalRequested(Message):
        """The person asked for a goal to be made from this item."""

        def __init__(self, editor: ListEditor, item: BaseModel) -> None:
            super().__init__()
            self.editor = editor
            self.item = item

        @property
        def control(self) -> ListEditor:
            return self.editor

    def __init__(
        self,
        items: Sequence[BaseModel],
        columns: Sequence[Column],
        new_item: NewItem,
        *,
        goals: bool = True,
        then_focus: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.items: list[BaseModel] = list(items)
        self.columns = list(columns)
        self.new_item = new_item
        self.goals = goals
        self.then_focus = then_focus
        self._removed: list[tuple[int, BaseModel]] = []
        self._date_problem = False

    # Building the rows ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        for index, item in enumerate(self.items):
            with Horizontal(classes="le-row", id=f"row-r{index}"):
                yield Label(f"{index + 1}.", classes="le-num")
                for column in self.columns:
                    yield self._box(column, f"r{index}-{column.field}", getattr(item, column.field))
            yield Static("", id=f"full-r{index}", classes="le-full -empty", markup=False)
        with Horizontal(classes="le-row le-new", id="row-new"):
            yield Label("+", classes="le-num")
            for column in self.columns:
                yield self._box(column, f"new-{column.field}", None)
        yield Static("", id="full-new", classes="le-full -empty", markup=False)
        if self.items:
            keys = "ctrl+↑↓ move · ctrl+r remove · ctrl+z undo"
            yield Static(keys + (" · ctrl+o make a goal" if self.goals else ""), classes="le-keys")
        # Bound by hand, not with data_bind: the list recomposes itself after each change, and
        # Textual's data_bind needs the widget's own compose to be running (it is not then).
        self._message_line = FieldMessage(id="le-msg", classes="")
        self._message_line.message = self.message
        yield self._message_line

    @staticmethod
    def _box(column: Column, ident: str, value: Any) -> Widget:
        if column.kind == "area":
            options = [(area.value, area) for area in LifeArea]
            select: Select[LifeArea] = Select(
                options,
                prompt="part of life",
                value=value if value is not None else Select.NULL,
                id=ident,
                compact=True,
            )
            select.styles.width = column.width
            return select
        text = "" if value is None else (value.isoformat() if isinstance(value, date) else value)
        box = TextBox(
            text,
            placeholder=column.placeholder,
            id=ident,
            compact=True,
            max_length=column.max_length,
            suggester=SuggestFromList(column.suggestions, case_sensitive=False)
            if column.suggestions
            else None,
        )
        box.styles.width = column.width
        return box

    # Where the person is ----------------------------------------------------------------------

    def _focused_row(self) -> tuple[int | None, str | None]:
        """The item index and field of the focused box (index None for the add row)."""
        focused = self.screen.focused
        ident = focused.id if focused is not None and focused in self.query("*") else None
        if not ident:
            return None, None
        row, _, field = ident.partition("-")
        return (None if row == "new" else int(row[1:])), field

    def focus_row(self, index: int | None, field: str | None = None) -> None:
        """Put the cursor in a row (None for the add row)."""
        field = field or self.columns[0].field
        ident = f"new-{field}" if index is None else f"r{index}-{field}"
        self.query_one(f"#{ident}").focus()

    def say(self, message: str) -> None:
        """Show a short message under the list (an empty string hides it)."""
        self.message = message

    # Reading a long answer in full -----------------------------------------------------------

    def _show_full(self, box: Widget | None) -> None:
        """Under the focused box's row, its whole text wrapped, when the box is too narrow for
        it: a long answer can always be read back in full, not only the part the box shows."""
        shown = ""
        row = ""
        if isinstance(box, Input) and box.id and box in self.query("*"):
            row = box.id.partition("-")[0]
            room = box.content_size.width - 1  # the cursor takes a cell at the end
            if room > 0 and cell_len(box.value) > room:
                shown = box.value
        for full in self.query(".le-full").results(Static):
            text = shown if full.id == f"full-{row}" else ""
            full.update(text)
            full.set_class(not text, "-empty")
        for line in self.query(".le-row"):
            line.set_class(bool(shown) and line.id == f"row-{row}", "-open")

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        self._show_full(event.widget)

    @on(events.DescendantBlur)
    def _focus_left(self, event: events.DescendantBlur) -> None:
        if self.screen.focused is None or self.screen.focused not in self.query("*"):
            self._show_full(None)

    def _changed(self, *, typing: bool = False) -> None:
        self.post_message(self.Changed(self, list(self.items), typing=typing))

    async def _rebuild(self, focus: int | None, field: str | None = None) -> None:
        await self.recompose()
        self.focus_row(focus, field)

    # Editing in place --------------------------------------------------------------------------

    def _convert(self, column: Column, raw: Any) -> Any:
        if column.kind == "date":
            return dates.parse_day(str(raw), clock.today())
        if column.kind == "area":
            return None if raw is Select.NULL else raw
        return raw

    def _fields(self) -> list[str]:
        return [c.field for c in self.columns]

    def _column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)

    @on(Input.Changed)
    @on(Select.Changed)
    def _edited(self, event: Input.Changed | Select.Changed) -> None:
        event.stop()
        ident = event.control.id or ""
        if isinstance(event, Input.Changed) and event.input.has_focus:
            self._show_full(event.input)
        if ident.startswith("new-"):
            self._check_limit(event)
            return
        row, _, field = ident.partition("-")
        index = int(row[1:])
        if index >= len(self.items):
            return
        column = self._column(field)
        item = self.items[index]
        if column.kind == "date":
            self._check_date(column, str(event.value))
            return  # a date is kept when the box is left (see _left), never half typed
        try:
            value = self._convert(column, event.value)
            if value == getattr(item, field):
                return
            updated = type(item).model_validate({**item.model_dump(), field: value})
        except InvalidInput as exc:
            self.say(str(exc))
            return
        except ValidationError:
            self.say(AT_LIMIT.format(limit=column.max_length))
            return
        self.items[index] = updated
        self._check_limit(event)
        self._changed(typing=isinstance(event, Input.Changed))

    def _check_date(self, column: Column, text: str) -> None:
        """Say beside the list what is wrong with a date once it looks finished."""
        problem = ""
        try:
            self._convert(column, text)
        except InvalidInput as exc:
            problem = str(exc) if len(text.strip()) >= 10 else ""
        if problem or self._date_problem:
            self.say(problem)  # a note about a date put back stays until something else
        self._date_problem = bool(problem)

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        """Leaving a date box: empty clears the date; a date not understood puts back the old."""
        ident = event.input.id or ""
        row, _, field = ident.partition("-")
        if row == "new" or not row.startswith("r") or self._column(field).kind != "date":
            return
        index = int(row[1:])
        if index >= len(self.items):
            return
        item = self.items[index]
        before = getattr(item, field)
        try:
            value = self._convert(self._column(field), event.value)
        except InvalidInput:
            if before is not None:
                event.input.value = before.isoformat()
                self.say(f"That date wasn't clear, so {before.isoformat()} was kept.")
            else:
                event.input.value = ""
                self.say("That date wasn't clear, so no date was kept.")
            self._date_problem = False  # this note stays when the box shows the old date again
            return
        if value != before:
            self.items[index] = type(item).model_validate({**item.model_dump(), field: value})
            self._changed()

    def _check_limit(self, event: Input.Changed | Select.Changed) -> None:
        if isinstance(event, Input.Changed):
            limit = event.input.max_length
            at_limit = limit is not None and limit > 0 and len(event.value) >= limit
            self.say(AT_LIMIT.format(limit=limit) if at_limit else "")

    @on(Input.Submitted)
    async def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        index, field = self._focused_row()
        position = [c.field for c in self.columns].index(field) if field in self._fields() else -1
        if 0 <= position < len(self.columns) - 1 and self.columns[position + 1].kind != "area":
            # Enter moves on along the row first: a step's "by when?" is never skipped.
            self.focus_row(index, self.columns[position + 1].field)
            return
        if index is not None:
            # Enter in a row moves on to the next row (or the add row).
            self.focus_row(index + 1 if index + 1 < len(self.items) else None)
            return
        await self.add_from_new_row()

    async def add_from_new_row(self) -> None:
        """Add the item typed in the add row, if its first box says something."""
        values: dict[str, Any] = {}
        try:
            for column in self.columns:
                box = self.query_one(f"#new-{column.field}")
                raw = box.value if isinstance(box, Input | Select) else None
                values[column.field] = self._convert(column, raw)
        except InvalidInput as exc:
            self.say(str(exc))
            return
        first = values[self.columns[0].field]
        if not (isinstance(first, str) and first.strip()):
            self.say("Write something in the first box, then press Enter to add it.")
            return
        try:
            item = self.new_item(values)
        except InvalidInput as exc:
            self.say(str(exc))
            return
        self.items.append(item)
        self.message = ""
        self._changed()
        if self.then_focus:
            await self._rebuild(len(self.items) - 1, self.then_focus)
        else:
            await self._rebuild(None)

    # Reordering, removing, undo ------------------------------------------------------------------

    async def action_move(self, step: int) -> None:
        index, field = self._focused_row()
        if index is None:
            return
        target = index + step
        if not 0 <= target < len(self.items):
            return
        self.items[index], self.items[target] = self.items[target], self.items[index]
        self._changed()
        await self._rebuild(target, field)

    async def action_remove(self) -> None:
        index, _ = self._focused_row()
        if index is None:
            return
        self._removed.append((index, self.items.pop(index)))
        self.message = "Removed. Press ctrl+z to put it back."
        self._changed()
        await self._rebuild(min(index, len(self.items) - 1) if self.items else None)

    async def action_undo(self) -> None:
        if not self._removed:
            return
        index, item = self._removed.pop()
        index = min(index, len(self.items))
        self.items.insert(index, item)
        self.message = "Put back."
        self._changed()
        await self._rebuild(index)

    def action_goal(self) -> None:
        index, _ = self._focused_row()
        if index is None:
            self.say("Move to an item first (shift+tab goes back up the list).")
            return
        self.post_message(self.GoalRequested(self, self.items[index]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.goals or action != "goal"
