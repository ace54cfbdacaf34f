"""After a return to use: kind words first, then a short reflection stored with the date.

Reached from the check-in (when it records a return to use) or on its own from the check-in
list's key. Read at 2 a.m.: it says first that every question is optional, offers F1 in words and
gives the tolerance fact (for substances); the day sits at the bottom, and between midnight and
4 a.m. one button sets it to last night. Escape leaves without saving.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import ClassVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from screens.base import WorkbookScreen
from screens.checkin import HALT_LABELS, _kind_error, day_text, parse_day
from screens.dialogs import Confirm
from screens.widgets.message import FieldMessage
from screens.widgets.textbox import TextBox
from screens.widgets.ticks import Tick
from screens.widgets.unsaved import UnsavedScreen, form_state
from screens.widgets.writing_area import WritingArea
from workbook import checkins, clock, safer_plan, safety
from workbook.models import Halt, Pathway, Profile, Setback
from workbook.stretches import day_words, record_of

# Before this hour, "last night" is offered: a setback written at 2 a.m. usually belongs to the
# evening before.
NIGHT_ENDS = time(4, 0)


def night_before(now: datetime) -> date | None:
    """Yesterday's date between midnight and 4 a.m.; None at any other time."""
    if now.time().replace(tzinfo=None) < NIGHT_ENDS:
        return now.date() - timedelta(days=1)
    return None


class SetbackScreen(WorkbookScreen):
    """Kind words, then: what was going on, HALT, what helped before, one next step."""

    SECTION_TITLE = "After a setback"
    CSS_PATH = "checkin.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="save_setback", tooltip="Save this reflection"),
        Binding(
            "ctrl+t",
            "remove",
            "Remove",
            id="remove_setback",
            tooltip="Remove the setback written down for this day, if it was noted by mistake",
        ),
    ]

    day_error: reactive[str] = reactive("")
    """What is wrong with the day typed, shown under it."""
    form_error: reactive[str] = reactive("")
    """What stops the reflection being saved, shown under the form."""

    def __init__(self, day: date | None = None) -> None:
        super().__init__()
        self._day = day

    @property
    def day(self) -> date:
        return self._day or self.today()

    def body(self) -> ComposeResult:
        profile = self.repo.get(Profile)
        pathway = profile.pathway if profile else Pathway.NOT_SURE
        # A day over a cut-back limit, or use on another pathway, has words of its own.
        heading, w = checkins.words().setback_for(pathway)
        existing = checkins.setback_for(self.repo, self.day)
        with VerticalScroll(id="checkin"):
            if heading is not None:
                yield Static(heading, id="pathway-heading", markup=False)
            yield Static(w.kind_for(self.day), id="kind-words", markup=False)
            if pathway in safer_plan.PLAN_PATHWAYS:
                yield Static(self._plan_line(), id="my-plan", classes="example", markup=False)
            # Said before any question: nothing here has to be answered, and help is one key away.
            yield Static(w.optional, id="optional", markup=False)
            yield Static(w.talk_now, id="talk-now", markup=False)
            if safety.substances_matter(self.repo.get(Profile)):
                yield Static(safety.words().tolerance.text, id="safety-line", markup=False)
            yield Static(self._kept_line(), id="kept-line", markup=False)
            yield Label(w.going_on, markup=False)
            yield WritingArea(existing.going_on if existing else "", id="going-on")
            yield Static(w.going_on_example, classes="example", markup=False)
            yield Label(w.halt, markup=False)
            with Horizontal(id="halt", classes="row"):
                for halt, label in HALT_LABELS.items():
                    ticked = bool(existing and halt in existing.halt)
                    yield Tick(label, ticked, id=f"halt-{halt.name.lower()}", compact=True)
            yield Label(w.helped_before, markup=False)
            yield WritingArea(existing.helped_before if existing else "", id="helped-before")
            yield Static(w.helped_before_example, classes="example", markup=False)
            yield Label(w.next_step, markup=False)
            yield TextBox(
                existing.next_step if existing else "",
                placeholder=w.next_step_example,
                id="next-step",
                max_length=200,
            )
            # The day comes last: most setbacks are written the same day.
            with Horizontal(classes="row"):
                yield Label(w.change_day, classes="prompt-inline", markup=False)
                yield TextBox(self.day.isoformat(), id="day", max_length=10, compact=True)
            if self._day is None and night_before(clock.now()) is not None:
                yield Button(self._last_night_label(), id="last-night", compact=True)
            yield FieldMessage(id="day-error").data_bind(message=SetbackScreen.day_error)
            yield FieldMessage(id="form-error").data_bind(message=SetbackScreen.form_error)
            yield Button("Save (ctrl+s)", id="save", variant="primary")

    def _plan_line(self) -> str:
        """The limit or safer plan in view, so the reflection can be held against it."""
        lines = safer_plan.summary_lines(safer_plan.load(self.repo))
        return "My plan: " + " · ".join(lines) if lines else "No limit set yet (l on Home)."

    def _last_night_label(self) -> str:
        night = night_before(clock.now())
        assert night is not None
        return f"It was last night ({night:%A} {night.day} {night:%B})"

    @on(Button.Pressed, "#last-night")
    def _last_night(self) -> None:
        night = night_before(clock.now())
        if night is not None:
            self.query_one("#day", Input).value = night.isoformat()
            self.query_one("#going-on", TextArea).focus()

    def on_mount(self) -> None:
        self.query_one("#going-on", TextArea).focus()
        self._loaded = form_state(self)
        self.offer_draft()

    def unsaved(self) -> bool:
        """Whether something was typed and not saved yet (quitting asks; F9 keeps a draft)."""
        loaded = getattr(self, "_loaded", None)
        return loaded is not None and form_state(self) != loaded

    def draft_key(self) -> str:
        return f"setback:{self.day.isoformat()}"

    def action_back(self) -> None:
        """Go back; if something typed is not saved yet, ask first."""
        if not self.unsaved():
            super().action_back()
            return

        def chosen(choice: str | None) -> None:
            if choice == "save":
                self.action_save()
            elif choice == "discard":
                WorkbookScreen.action_back(self)

        self.app.push_screen(UnsavedScreen(), chosen)

    def _kept_line(self) -> str:
        profile = self.repo.get(Profile)
        record = record_of(self.repo, self.today(), also_setback=self.day)
        hidden = profile is None or not profile.show_day_counter
        if hidden or record.start is None or record.days_kept == 0:
            return checkins.words().setback.kept_nothing_yet
        return (
            f"Still yours: {day_words(record.days_kept)} kept in all, "
            f"and your longest stretch of {day_words(record.longest)}."
        )

    @on(Input.Submitted, "#next-step")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()

    def read_form(self) -> Setback | None:
        """The form as a setback, or None after showing inline what needs fixing."""
        self.form_error = ""
        try:
            day = parse_day(self.query_one("#day", Input).value, self.today())
        except ValueError as exc:
            self.day_error = str(exc)
            return None
        self.day_error = ""
        try:
            setback = Setback(
                on=day,
                going_on=self.query_one("#going-on", TextArea).text,
                halt=[h for h in Halt if self.query_one(f"#halt-{h.name.lower()}", Checkbox).value],
                helped_before=self.query_one("#helped-before", TextArea).text,
                next_step=self.query_one("#next-step", Input).value,
            )
        except ValidationError as exc:
            self.form_error = _kind_error(exc)
            return None
        existing = checkins.setback_for(self.repo, day)
        if existing is not None:
            setback = setback.model_copy(update={"id": existing.id, "created": existing.created})
        return setback

    def action_remove(self) -> None:
        """Remove a setback noted by mistake, after asking."""
        try:
            day = parse_day(self.query_one("#day", Input).value, self.today())
        except ValueError as exc:
            self.day_error = str(exc)
            return
        if checkins.setback_for(self.repo, day) is None:
            self.notify(f"There is no setback written down for {day_text(day, self.today())}.")
            return

        def answered(remove: bool | None) -> None:
            if remove and self.try_save(
                lambda: checkins.remove_setback(self.repo, day),
                done=f"Removed the setback for {day_text(day, self.today())}.",
            ):
                checkin = checkins.checkin_for(self.repo, day)
                if checkin is not None and checkin.used is not None and checkin.used.is_setback:
                    self.notify(
                        "That day's check-in still says you used. Change the check-in too "
                        "if that was a mistake.",
                        timeout=10,
                    )
                self.app.pop_screen()

        self.app.push_screen(
            Confirm(
                f"Remove the setback written down for {day_text(day, self.today())}, "
                "with its reflection?",
                yes="Yes, remove it",
            ),
            answered,
        )

    def action_save(self) -> None:
        setback = self.read_form()
        if setback is None:
            return
        saved = self.try_save(
            lambda: checkins.save_setback(self.repo, setback, self.today()),
            done=f"Saved for {day_text(setback.on, self.today())}. Go gently with yourself.",
        )
        if saved:
            self.app.pop_screen()
