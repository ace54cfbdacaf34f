"""The daily check-in (under 30 seconds by keyboard) and its card on Home.

One check-in per local date. Today's can be edited; a missed day can be filled in later (its
date is shown clearly, and it is marked as filled in later); a future date is refused.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from screens.base import WorkbookScreen
from screens.widgets.message import FieldMessage, Shown
from screens.widgets.ruler import Ruler
from screens.widgets.textbox import TextBox
from screens.widgets.ticks import Choice, Choices, Tick
from screens.widgets.unsaved import UnsavedScreen, form_state
from workbook import checkins, dates, safer_plan
from workbook.checkins import FutureDate
from workbook.errors import InvalidInput
from workbook.models import Checkin, Halt, Pathway, Profile, UseAnswer

if TYPE_CHECKING:
    pass

HALT_LABELS = {
    Halt.HUNGRY: "Hungry",
    Halt.ANGRY: "Angry or upset",
    Halt.LONELY: "Lonely",
    Halt.TIRED: "Tired",
}


def day_text(day: date, today: date) -> str:
    """``today, Friday 27 November 2026`` / ``yesterday, ...`` / ``Tuesday 24 November 2026``."""
    full = f"{day:%A} {day.day} {day:%B %Y}"
    if day == today:
        return f"today, {full}"
    if day == today - timedelta(days=1):
        return f"yesterday, {full}"
    return full


def parse_day(text: str, today: date) -> date:
    """A day as every date box reads one (``workbook.dates``); empty is today; no future days."""
    try:
        day = dates.parse_day(text, today, dates.Facing.BACK)
    except InvalidInput as exc:
        raise ValueError(str(exc)) from None
    if day is None:
        return today
    if day > today:
        raise FutureDate(
            f"{day:%A} {day.day} {day:%B %Y} hasn't happened yet. Pick today or an earlier day."
        )
    return day


def parse_sleep(text: str) -> float | None:
    """Hours of sleep, 0 to 24, or None when left empty."""
    if not text.strip():
        return None
    try:
        hours = float(text.strip().replace(",", "."))  # 6,5 is how many people write 6.5
    except ValueError:
        raise ValueError(
            "Please write the hours as a number from 0 to 24, e.g. 7 or 6.5."
        ) from None
    if not 0 <= hours <= 24 or hours != hours:
        raise ValueError("Please write a number of hours from 0 to 24.")
    return hours


class DayQuestion(Label):
    """A question that says "today", or "that day" while a past day is being filled in."""

    past: reactive[bool] = reactive(False, init=False)

    def __init__(self, text: str) -> None:
        super().__init__(text, classes="question", markup=False)
        self.text = text

    def watch_past(self, past: bool) -> None:
        # Born saying "today", and bound data always calls this once: redrawn only when the
        # words change (each redraw lays the form out again).
        words = self.text.replace("today", "that day") if past else self.text
        if words != self.content:
            self.update(words)


class CheckinScreen(WorkbookScreen):
    """Mood, craving, used today, HALT, sleep, a win and a note, for one day.

    State flows down: which day (``past`` and ``day_line``) and what needs fixing (``day_error``,
    ``sleep_error``, ``form_error``) are the screen's reactives; the questions and the lines are
    bound to them. The answers themselves live in the form's own boxes.
    """

    SECTION_TITLE = "Daily check-in"
    CSS_PATH = "checkin.tcss"
    AUTO_FOCUS = ""  # it focuses its first field itself: see WorkbookScreen.AUTO_FOCUS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="save_checkin", tooltip="Save this check-in"),
        Binding(
            "ctrl+r",
            "setback",
            "Note a setback",
            id="note_setback",
            tooltip="Write down a return to use for this day, with a short reflection",
        ),
    ]

    past: reactive[bool] = reactive(False, init=False)
    """A past day is being filled in (the questions say "that day")."""
    day_line: reactive[str] = reactive("", init=False)
    """Which day the form is for, and whether it was checked in already."""
    day_error: reactive[str] = reactive("", init=False)
    sleep_error: reactive[str] = reactive("", init=False)
    form_error: reactive[str] = reactive("", init=False)

    def __init__(self, day: date | None = None) -> None:
        super().__init__()
        self._day = day
        self._loaded: tuple[object, ...] = ()

    @property
    def day(self) -> date:
        return self._day or self.today()

    @property
    def pathway(self) -> Pathway:
        profile = self.repo.get(Profile)
        return profile.pathway if profile else Pathway.NOT_SURE

    def _plan_line(self) -> str:
        """The limit or safer plan the "used" question asks about, so it is in view."""
        lines = safer_plan.summary_lines(safer_plan.load(self.repo))
        if not lines:
            return "No limit set yet: l on Home sets one, in your own units."
        return "My plan: " + " · ".join(lines)

    def body(self) -> ComposeResult:
        w = checkins.words()
        used = w.used_for(self.pathway)
        with VerticalScroll(id="checkin"):
            yield Shown(id="day-line").data_bind(shown=CheckinScreen.day_line)
            with Horizontal(id="day-row", classes="row"):
                yield Label("Day (YYYY-MM-DD):", classes="prompt-inline")
                # Compact by checkin.tcss (as the tick boxes), and born with the class Input
                # gives a box with words in it: styled once, when it is mounted.
                yield TextBox(self.day.isoformat(), id="day", max_length=10)
            yield self._question(w.mood.question)
            yield Ruler(1, 5, words=w.mood.words, ends=("low", "good"), id="mood")
            yield self._question(w.craving.question)
            yield Ruler(0, 10, ends=w.craving.ends, id="craving")
            profile = self.repo.get(Profile)
            own = profile.working_on_words if profile else ""
            yield self._question(checkins.in_their_words(used.question, own))
            if self.pathway in safer_plan.PLAN_PATHWAYS:
                yield Static(self._plan_line(), id="my-plan", classes="example", markup=False)
            yield self._used_set()
            yield self._question(w.halt.question)
            with Horizontal(id="halt", classes="row"):
                for halt, label in HALT_LABELS.items():
                    # Compact by checkin.tcss, not by ``compact=True``: Textual sets that class
                    # on a box not yet mounted and works out its style there, then again.
                    yield Tick(label, id=f"halt-{halt.name.lower()}")
            yield Label(w.sleep.question, markup=False)
            yield TextBox(placeholder=w.sleep.example, id="sleep", max_length=5)
            yield self._question(w.win.question)
            yield TextBox(placeholder=w.win.example, id="win", max_length=200)
            yield Label(w.note.question, markup=False)
            yield TextBox(placeholder=w.note.example, id="note", max_length=5000)
            yield Button(
                "Save check-in (ctrl+s)",
                id="save",
                variant="primary",
                classes="-primary -style-default",  # as Button's watchers make it: styled once
            )

    def _used_set(self) -> RadioSet:
        """The "did you use?" answers, none chosen."""
        answers = checkins.words().used_for(self.pathway).answers
        return Choices(*(Choice(a.label, id=f"used-{_slug(a.value)}") for a in answers), id="used")

    async def _choose_used(self, chosen: UseAnswer | None) -> None:
        """Choose ``chosen`` (or nothing) among the "did you use?" answers."""
        radio = self.query_one("#used", RadioSet)
        if chosen is None and radio.pressed_button is not None:
            # A RadioSet never lets its chosen answer go, so a fresh one takes its place:
            # a missed day must not inherit today's "over my limit" (a false setback).
            parent = self.query_one("#checkin", VerticalScroll)
            following = parent.children[parent.children.index(radio) + 1]
            await radio.remove()
            await parent.mount(self._used_set(), before=following)
            return
        for button in self.query(RadioButton):
            button.value = button.id == f"used-{_slug(chosen)}" if chosen else False

    def _question(self, text: str) -> DayQuestion:
        """A question that says "today", or "that day" when a past day is being filled in."""
        return DayQuestion(text).data_bind(CheckinScreen.past)

    # What needs fixing, under its field --------------------------------------------------

    def watch_day_error(self, message: str) -> None:
        self._say("day-error", message, after="#day-row")

    def watch_sleep_error(self, message: str) -> None:
        self._say("sleep-error", message, after="#sleep")

    def watch_form_error(self, message: str) -> None:
        self._say("form-error", message, after="#note")

    def _say(self, line_id: str, message: str, after: str) -> None:
        """Show ``message`` in the line under a field. The line is built the first time there
        is something to say (most check-ins never need one: three widgets fewer to open)."""
        lines = self.query(f"#{line_id}")
        if lines:
            lines.first(FieldMessage).message = message
        elif message:
            line = FieldMessage(id=line_id, classes="error -shown")
            self.query_one("#checkin").mount(line, after=after)
            line.message = message

    async def on_mount(self) -> None:
        await self.load_day(self.day)
        self.query_one("#mood", Ruler).focus()
        self.offer_draft()

    # Loading a day -----------------------------------------------------------------------

    async def load_day(self, day: date) -> None:
        """Show ``day``'s check-in (or an empty form) and say which day it is."""
        self._day = day
        self.past = day != self.today()
        existing = checkins.checkin_for(self.repo, day)
        self.day_line = self._day_line(day, existing)
        self.query_one("#mood", Ruler).value = existing.mood if existing else None
        self.query_one("#craving", Ruler).value = existing.craving if existing else None
        await self._choose_used(existing.used if existing else None)
        for halt in Halt:
            box = self.query_one(f"#halt-{halt.name.lower()}", Checkbox)
            box.value = bool(existing and halt in existing.halt)
        sleep = existing.sleep_hours if existing else None
        self.query_one("#sleep", Input).value = "" if sleep is None else f"{sleep:g}"
        self.query_one("#win", Input).value = existing.win if existing else ""
        self.query_one("#note", Input).value = existing.note if existing else ""
        self._loaded = form_state(self, exclude=frozenset({"day"}))

    def _day_line(self, day: date, existing: Checkin | None) -> str:
        today = self.today()
        if day == today:
            line = f"Check-in for {day_text(day, today)}."
        else:
            line = f"Filling in a missed day: {day_text(day, today)}."
        if existing is not None:
            line += " You checked in already; changes replace that check-in."
            if existing.filled_in_on:
                line += f" (Filled in later, on {existing.filled_in_on:%d %b %Y}.)"
        return line

    @on(Input.Submitted, "#day")
    async def _day_submitted(self, event: Input.Submitted) -> None:
        try:
            day = parse_day(event.value, self.today())
        except ValueError as exc:
            self.day_error = str(exc)
            return
        self.day_error = ""
        event.input.value = day.isoformat()  # "yesterday" shown as the date it stands for
        await self.load_day(day)
        self.query_one("#mood", Ruler).focus()

    @on(Input.Changed, "#sleep")
    def _sleep_typed(self, event: Input.Changed) -> None:
        """Say at once, beside the box, when the hours are not a number from 0 to 24: what
        was typed stays as it is, to put right (a lone "." is a number being started)."""
        try:
            parse_sleep(event.value)
        except ValueError as exc:
            started = event.value.strip() in (".", ",")
            self.sleep_error = "" if started else str(exc)
            return
        self.sleep_error = ""

    @on(Input.Submitted, "#sleep, #win, #note")
    def _submit_form(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    # Saving ------------------------------------------------------------------------------

    def read_form(self) -> Checkin | None:
        """The form as a check-in, or None after showing what needs fixing."""
        self.sleep_error = self.form_error = ""
        try:
            sleep = parse_sleep(self.query_one("#sleep", Input).value)
        except ValueError as exc:
            self.sleep_error = str(exc)
            return None
        pressed = self.query_one("#used", RadioSet).pressed_button
        used = _answer(pressed.id) if pressed is not None and pressed.id else None
        try:
            return Checkin(
                on=self.day,
                mood=self.query_one("#mood", Ruler).value,
                craving=self.query_one("#craving", Ruler).value,
                used=used,
                halt=[h for h in Halt if self.query_one(f"#halt-{h.name.lower()}", Checkbox).value],
                sleep_hours=sleep,
                win=self.query_one("#win", Input).value,
                note=self.query_one("#note", Input).value,
            )
        except ValidationError as exc:
            self.form_error = _kind_error(exc)
            return None

    def unsaved(self) -> bool:
        """Whether an answer was changed and not saved yet (quitting asks; F9 keeps a draft)."""
        return bool(self._loaded) and form_state(self, exclude=frozenset({"day"})) != self._loaded

    def draft_key(self) -> str:
        return f"checkin:{self.day.isoformat()}"

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

    def action_setback(self) -> None:
        """Write down a setback for this day on its own (the check-in is not saved)."""
        from screens.setback import SetbackScreen

        self.app.push_screen(SetbackScreen(self.day))

    def action_save(self) -> None:
        checkin = self.read_form()
        if checkin is None:
            return
        try:
            parse_day(self.day.isoformat(), self.today())
        except ValueError as exc:
            self.day_error = str(exc)
            return
        saved: list[Checkin] = []
        ok = self.try_save(
            lambda: saved.append(checkins.save_checkin(self.repo, checkin, self.today())),
            done=f"Check-in saved for {day_text(checkin.on, self.today())}.",
        )
        if not ok:
            return
        self.app.pop_screen()
        if checkins.needs_reflection(self.repo, saved[0]):
            from screens.setback import SetbackScreen

            self.app.push_screen(SetbackScreen(saved[0].on))


def _slug(value: UseAnswer | None) -> str:
    return "" if value is None else value.name.lower()


def _answer(button_id: str) -> UseAnswer | None:
    name = button_id.removeprefix("used-").upper()
    return UseAnswer[name] if name in UseAnswer.__members__ else None


def _kind_error(exc: ValidationError) -> str:
    """The first problem in a form, in plain words."""
    first = exc.errors()[0]
    where = " ".join(str(p) for p in first.get("loc", ())).replace("_", " ")
    message = str(first.get("msg", "")).removeprefix("Value error, ")
    return f"Please check {where}: {message}." if where else f"{message}."
