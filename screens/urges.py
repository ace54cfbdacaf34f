"""Urges: the log (F2 from any screen) and its patterns; the guide is in ``screens.urge_guide``.

Urges rise, peak and pass like a wave. The log shows patterns after a week or two; the guide
walks through noticing, breathing and riding it out with a gentle timer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import ValidationError
from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.coordinate import Coordinate
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import (
    Button,
    DataTable,
    Input,
    Label,
    RadioSet,
    Static,
)

from screens.base import WorkbookDialog, WorkbookScreen
from screens.checkin import _kind_error, day_text, parse_day
from screens.widgets.footer import WorkbookFooter
from screens.widgets.letter_pick import LetterPick
from screens.widgets.message import FieldMessage
from screens.widgets.ruler import Ruler
from screens.widgets.textbox import TextBox
from screens.widgets.ticks import Choice, Choices
from screens.widgets.unsaved import UnsavedScreen, form_state
from workbook import clock, urges
from workbook.errors import WorkbookError
from workbook.models import TriggerKind, Urge
from workbook.urge_summary import parse_minutes, parse_time, summary_lines

if TYPE_CHECKING:
    from screens.app import WorkbookApp


clock_time: Callable[[], time] = clock.time_of_day
"""Where the log's "when" gets its default time (tests replace it)."""

PASSED = {"passed-yes": True, "passed-no": False, "passed-unsure": None}


# --- Logging an urge ----------------------------------------------------------------------


class LogUrgeScreen(WorkbookDialog[Urge | None]):
    """Note an urge: when, how strong, how long, trigger, thoughts, what I did, did it pass."""

    CSS_PATH = "urges.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="save_urge", tooltip="Save this urge"),
        Binding("escape", "cancel", "Cancel", id="cancel_urge"),
    ]

    when_error: reactive[str] = reactive("", init=False)
    strength_error: reactive[str] = reactive("", init=False)
    minutes_error: reactive[str] = reactive("", init=False)
    form_error: reactive[str] = reactive("", init=False)

    def __init__(self, prefill: dict[str, Any] | None = None, editing: Urge | None = None) -> None:
        super().__init__()
        self.editing = editing
        self.prefill = editing.model_dump() if editing is not None else (prefill or {})

    @property
    def wb(self) -> WorkbookApp:
        from screens.app import WorkbookApp

        assert isinstance(self.app, WorkbookApp)
        return self.app

    def compose(self) -> ComposeResult:
        w = urges.words().log
        p = self.prefill
        day: date = p.get("on") or self.wb.today()
        at: time | None = p.get("at") if self.editing else clock_time()
        minutes = p.get("minutes")
        with VerticalScroll(id="log-urge"):
            title = "Change this urge" if self.editing else "Note an urge"
            yield Static(title, id="log-title")
            with Horizontal(classes="row"):
                yield Label("Day:", classes="prompt-inline")
                yield TextBox(day.isoformat(), id="urge-day", max_length=10, compact=True)
                yield Label("Time (HH:MM):", classes="prompt-inline")
                yield TextBox(
                    at.strftime("%H:%M") if at else "", id="urge-time", max_length=5, compact=True
                )
            yield FieldMessage(id="when-error").data_bind(message=LogUrgeScreen.when_error)
            yield Label(w.strength, markup=False)
            yield Ruler(0, 10, p.get("strength"), ends=("none", "strongest"), id="strength")
            yield FieldMessage(id="strength-error").data_bind(message=LogUrgeScreen.strength_error)
            yield Label(w.minutes, markup=False)
            yield TextBox(
                "" if minutes is None else str(minutes),
                placeholder=w.minutes_example,
                id="minutes",
                max_length=4,
            )
            yield FieldMessage(id="minutes-error").data_bind(message=LogUrgeScreen.minutes_error)
            for field, example, limit in (
                ("trigger", w.trigger_example, 200),
                ("thoughts", w.thoughts_example, 5000),
                ("did", w.did_example, 5000),
            ):
                yield Label(getattr(w, field), markup=False)
                yield TextBox(p.get(field, ""), placeholder=example, id=field, max_length=limit)
                if field == "trigger":
                    yield Label(w.kind, markup=False)
                    yield LetterPick(
                        [(k.kind.value, k.key, k.name) for k in urges.words().trigger_kinds],
                        p.get("kind"),
                        id="kind",
                    )
            yield Label(w.passed, markup=False)
            passed = p.get("passed")
            with Choices(id="passed"):
                yield Choice("Yes, it passed", passed is True, id="passed-yes")
                yield Choice("No, not yet", passed is False, id="passed-no")
                yield Choice(
                    "Not sure", self.editing is not None and passed is None, id="passed-unsure"
                )
            yield FieldMessage(id="form-error").data_bind(message=LogUrgeScreen.form_error)
            with Horizontal(classes="row buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (Esc)", id="cancel")
        yield WorkbookFooter()

    def on_mount(self) -> None:
        self.query_one("#strength", Ruler).focus()
        self._loaded = form_state(self)
        self.offer_draft()

    def unsaved(self) -> bool:
        """Whether something was noted here and not saved yet."""
        loaded = getattr(self, "_loaded", None)
        return loaded is not None and form_state(self) != loaded

    def draft_key(self) -> str:
        return f"urge:{self.editing.id if self.editing is not None else 'new'}"

    @on(Button.Pressed, "#save")
    @on(Input.Submitted, "#did, #trigger, #thoughts, #minutes")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving; if something was typed, ask first."""
        if form_state(self) == getattr(self, "_loaded", ()):
            self.dismiss(None)
            return

        def chosen(choice: str | None) -> None:
            if choice == "save":
                self.action_save()
            elif choice == "discard":
                self.dismiss(None)

        self.app.push_screen(UnsavedScreen(), chosen)

    def _clear_errors(self) -> None:
        self.when_error = self.strength_error = self.minutes_error = self.form_error = ""

    def read_form(self) -> Urge | None:
        """The form as an urge, or None after showing inline what needs fixing."""
        self._clear_errors()
        today = self.wb.today()
        try:
            day = parse_day(self.query_one("#urge-day", Input).value, today)
            at = parse_time(self.query_one("#urge-time", Input).value)
        except ValueError as exc:
            self.when_error = str(exc)
            return None
        strength = self.query_one("#strength", Ruler).value
        if strength is None:
            self.strength_error = (
                "Please pick how strong it was, from 0 to 10 (a digit or the arrow keys)."
            )
            return None
        try:
            minutes = parse_minutes(self.query_one("#minutes", Input).value)
        except ValueError as exc:
            self.minutes_error = str(exc)
            return None
        pressed = self.query_one("#passed", RadioSet).pressed_button
        try:
            return Urge(
                on=day,
                at=at,
                strength=strength,
                minutes=minutes,
                trigger=self.query_one("#trigger", Input).value,
                kind=_kind(self.query_one("#kind", LetterPick).value),
                thoughts=self.query_one("#thoughts", Input).value,
                did=self.query_one("#did", Input).value,
                passed=PASSED.get(pressed.id or "") if pressed is not None else None,
                strength_after=self.prefill.get("strength_after"),
                **(
                    {"id": self.editing.id, "created": self.editing.created} if self.editing else {}
                ),
            )
        except ValidationError as exc:
            self.form_error = _kind_error(exc)
            return None

    def action_save(self) -> None:
        urge = self.read_form()
        repo = self.wb.repo
        if urge is None or repo is None:
            return
        try:
            urges.save_urge(repo, urge, self.wb.today())
        except WorkbookError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
            return
        self.notify(f"Urge noted, for {day_text(urge.on, self.wb.today())}.", markup=False)
        self.dismiss(urge)


def _row(urge: Urge, today: date) -> tuple[str, str, str, str, str]:
    """An urge as a row of the log: when, strength, how long, passed, what was happening."""
    year = f" {urge.on:%Y}" if urge.on.year != today.year else ""
    when = f"{urge.on:%a %d %b}{year}" + (f" {urge.at:%H:%M}" if urge.at else "")
    lasted = "" if urge.minutes is None else f"{urge.minutes} min"
    passed = {True: "yes", False: "no", None: "-"}[urge.passed]
    happening = urges.trigger_text(urge).replace("\n", " ")
    return when, f"{urge.strength}/10", lasted, passed, happening


def _kind(value: str | None) -> TriggerKind | None:
    return None if value is None else TriggerKind(value)


# --- The log and its patterns -------------------------------------------------------------


class UrgeInFull(Static):
    """What was happening for the urge in view, in full (hidden when there is nothing)."""

    in_view: reactive[Urge | None] = reactive(None)

    def watch_in_view(self, urge: Urge | None) -> None:
        self.update(urges.trigger_text(urge) if urge is not None else "")
        self.set_class(urge is None or not urge.trigger.strip(), "-empty")


class UrgesScreen(WorkbookScreen):
    """Every urge noted, newest first, with the patterns they show."""

    patterns: reactive[str] = reactive("", init=False)
    """The patterns in words (this week, common triggers, times of day), above the table."""
    in_view: reactive[Urge | None] = reactive(None, init=False)
    """The urge highlighted in the table (what was happening is shown in full under it)."""

    SECTION_TITLE = "Urges"
    CSS_PATH = "urges.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "Note an urge", id="new_urge"),
        Binding(
            "g",
            "guide",
            "Ride it out",
            id="urge_guide",
            tooltip="The urge-surfing guide, with a gentle timer",
        ),
        Binding(
            "t,ctrl+t",
            "thought",
            "Check a thought",
            id="thought_tool",
            tooltip="Catch the urge's thought, check it, change it",
        ),
    ]

    def body(self) -> ComposeResult:
        with Vertical(id="urges"):
            yield FieldMessage(id="urge-patterns", classes="").data_bind(
                message=UrgesScreen.patterns
            )
            yield DataTable(id="urge-table", cursor_type="row", zebra_stripes=True)
            yield UrgeInFull("", id="urge-full", markup=False).data_bind(UrgesScreen.in_view)

    _fitted_to = 0
    """The table's width when its last column was last fitted to it."""

    def on_mount(self) -> None:
        table = self.query_one("#urge-table", DataTable)
        self._log: list[Urge] = []
        self._listed: dict[str, Urge] = {}
        table.add_columns("When", "Strength", "Lasted", "Passed")
        table.add_column("What was happening", key="what")
        self.refresh_list()
        table.focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_table)

    def _fit_table(self) -> None:
        """Give "What was happening" the room the other columns leave, so nothing reaches past
        the window's edge (each urge's words are shown in full under the table).

        The rows stay as they are: only the last column's width changes, and one of its cells
        is written again (the same words) so the table measures itself again. Filling a
        hundred rows a second time was a sixth of the screen's opening on ten years of urges.
        """
        table = self.query_one("#urge-table", DataTable)
        width = table.scrollable_content_region.width
        if width <= 0 or width == self._fitted_to:
            return
        self._fitted_to = width
        if not self._log:
            self._fill_table()
            return
        self._size_last_column(table)
        last = Coordinate(0, len(table.columns) - 1)
        table.update_cell_at(last, table.get_cell_at(last), update_width=True)

    def on_screen_resume(self) -> None:
        if self.returned():
            self.refresh_list()

    def refresh_list(self) -> None:
        # Only what is shown is read: the last four weeks for the patterns, the newest
        # hundred for the table (ten years are ~700 urges; reading them all was a tenth of
        # the screen's opening).
        today = self.today()
        total = self.repo.count(Urge)
        recent = urges.urges_since(self.repo, today - timedelta(days=urges.PATTERN_DAYS - 1))
        self.patterns = (
            "\n".join(summary_lines(recent, today, total=total))
            + "\nn notes an urge (F2 works anywhere) · Enter changes one · g rides one out"
            + " · t checks a thought"
        )
        table = self.query_one("#urge-table", DataTable)
        if total > SHOWN:
            table.border_title = f"The newest {SHOWN} of {total} (the coach report has all)"
        self._log = urges.newest_urges(self.repo, SHOWN)  # newest first
        self._listed = {urge.id: urge for urge in self._log}
        self._fill_table()

    def _fill_table(self) -> None:
        """The rows again, each column as wide as its words and the last one as wide as the
        room left (at least 8 columns; before the table has a width, as wide as its words)."""
        table = self.query_one("#urge-table", DataTable)
        row = table.cursor_row
        today = self.today()
        rows = [_row(urge, today) for urge in self._log]
        columns = list(table.columns.values())
        for index, column in enumerate(columns[:-1]):
            words = [cell_len(r[index]) for r in rows]
            column.width = max([cell_len(column.label.plain), *words])
            column.auto_width = False
        self._size_last_column(table)
        table.clear()
        for urge, cells in zip(self._log, rows, strict=True):
            *fixed, happening = cells
            texts = [Text(cell) for cell in fixed]
            table.add_row(*texts, Text(happening, no_wrap=True, overflow="ellipsis"), key=urge.id)
        if self._log:
            table.move_cursor(row=min(row, len(self._log) - 1), scroll=False)

    def _size_last_column(self, table: DataTable[Any]) -> None:
        """ "What was happening" gets the room the other columns leave (at least 8 columns);
        before the table has a width, it is as wide as its words."""
        *others, what = table.columns.values()
        what.auto_width = self._fitted_to == 0
        used = sum(c.width + 2 * table.cell_padding for c in others)
        what.width = max(8, self._fitted_to - used - 2 * table.cell_padding)

    @on(DataTable.RowHighlighted, "#urge-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Under the table, what was happening for the urge in view, in full: the last column
        is cut at 80 columns, and the kind of trigger before the words makes it longer."""
        key = event.row_key.value if event.row_key else None
        self.in_view = self._listed.get(key) if key is not None else None

    @on(DataTable.RowSelected, "#urge-table")
    def _edit(self, event: DataTable.RowSelected) -> None:
        """Enter on a row opens that urge to change it."""
        urge = self.repo.find(Urge, str(event.row_key.value))
        if urge is None:
            return

        def changed(saved: Urge | None) -> None:
            if saved is not None:
                self.refresh_list()

        self.app.push_screen(LogUrgeScreen(editing=urge), changed)

    def action_new(self) -> None:
        def logged(urge: Urge | None) -> None:
            if urge is not None:
                self.refresh_list()

        self.app.push_screen(LogUrgeScreen(), logged)

    def action_guide(self) -> None:
        from screens.urge_guide import UrgeSurfScreen

        self.app.push_screen(UrgeSurfScreen())

    def action_thought(self) -> None:
        from screens.thoughts import ThoughtScreen

        self.app.push_screen(ThoughtScreen())


SHOWN = 100
"""How many urges the log lists, newest first (years of them would be slow and no clearer)."""


def hard_moment_part(screen: WorkbookScreen) -> list[Widget]:
    """On the hard-moment screen: a pointer to the urge-surfing guide, and a way to open it."""
    return [
        Static(
            urges.words().guide.hard_moment
            + " Press Enter on the button below, or u on Home then g.",
            id="urge-guide-pointer",
            markup=False,
        ),
        _GuideButton("Ride out an urge now", id="urge-guide-open"),
    ]


class _GuideButton(Button):
    """Opens the urge-surfing guide."""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        from screens.urge_guide import UrgeSurfScreen

        self.app.push_screen(UrgeSurfScreen())
