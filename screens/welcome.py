"""First run: a short welcome, then "start your workbook" (only the name is needed).

The welcome says what Side by Side is and is not, that nothing leaves this computer, and how
the keys work. The form stores its answers through ``workbook.profile.start_workbook`` and
opens Home. A second person reaches the same two screens from the picker.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Button, Input, RadioSet, Select, SelectionList, Static

from screens.base import WorkbookScreen
from screens.settings import COUNTRIES
from screens.widgets.message import FieldMessage
from screens.widgets.passphrase_choice import PassphraseChoice
from screens.widgets.textbox import TextBox
from screens.widgets.ticks import Choice, Choices, Tick, TickList
from workbook import safety
from workbook.errors import InvalidInput, WorkbookError
from workbook.models import NAME_MAX, SHORT_TEXT_MAX, Country, Pathway, ProfileCard, WorkingOn
from workbook.profile import (
    WelcomeAnswers,
    default_country,
    parse_start_date,
    profile_from,
    start_private_workbook,
    start_workbook,
)
from workbook.storage import Codec

CSS_FILE = Path(__file__).with_suffix(".tcss")

WELCOME = (
    "A workbook for recovery from alcohol, other drugs, codependency, gambling or other "
    "habits: on your own, or beside a coach or a group. Every pathway is welcome.",
    "It is a self-help workbook, not treatment and not medical advice.",
    "Everything you write stays on this computer. Nothing is sent anywhere.",
)
KEYS = (
    "Tab moves to the next thing, Enter chooses, Space ticks a box.\n"
    "Escape goes back. F3 (or ?) shows every key. Ctrl+Q quits.\n"
    "F1 (or Ctrl+G) opens help for a hard moment, on every screen."
)

COUNTRY_HINT = (
    "For the help lines F1 shows. Guessed from this computer's language settings: "
    "if it is right, Tab on; if not, Enter to choose."
)

WORKING_ON_LABELS = {
    WorkingOn.ALCOHOL: "Alcohol",
    WorkingOn.OTHER_DRUGS: "Other drugs",
    WorkingOn.CODEPENDENCY: "Codependency",
    WorkingOn.GAMBLING: "Gambling",
    WorkingOn.OTHER: "Something else",
}
PATHWAY_LABELS = {
    Pathway.STOP: "Stop completely",
    Pathway.CUT_BACK: "Cut back",
    Pathway.REDUCE_HARM: "Reduce harm",
    Pathway.NOT_SURE: "Not sure yet",
}


class WelcomeScreen(WorkbookScreen):
    """What Side by Side is and is not, and how the keys work."""

    SECTION_TITLE = "Welcome"
    CSS_PATH = CSS_FILE
    BINDINGS: ClassVar[list[BindingType]] = [
        # Tab can move focus off the only button (to the page, to scroll it): Enter still starts.
        Binding("enter", "begin", "Start", show=False),
    ]

    def body(self) -> ComposeResult:
        with VerticalScroll(id="welcome", classes="page"):
            yield Static("Welcome to Side by Side.", classes="title", markup=False)
            for paragraph in WELCOME:
                yield Static(paragraph, classes="para", markup=False)
            yield Static(KEYS, classes="keys", markup=False)
            yield Button("Start my workbook", id="begin", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#begin", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_begin()

    def action_begin(self) -> None:
        self.app.push_screen(StartWorkbookScreen())


def _field(label: str, hint: str) -> ComposeResult:
    yield Static(label, classes="label", markup=False)
    yield Static(hint, classes="hint", markup=False)


class StartWorkbookScreen(WorkbookScreen):
    """Name (required), what you are working on, pathway, start date, day counter."""

    SECTION_TITLE = "Start your workbook"
    CSS_PATH = CSS_FILE
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Start my workbook", tooltip="Save these answers and go Home"),
    ]

    problem: reactive[str] = reactive("")
    """What stops the workbook being made (or that it is being made), under the button."""
    start_problem: reactive[str] = reactive("")
    """What is wrong with the start date, under its box."""
    withdrawal: reactive[bool] = reactive(False)
    """Whether the withdrawal note shows: "Stop completely", unless only other habits are ticked."""

    def watch_withdrawal(self, shown: bool) -> None:
        self.set_class(shown, "-withdrawal")

    def body(self) -> ComposeResult:
        try:
            config = self.workbook_app.root.config()
            shared, required = config.shared, config.require_passphrase
        except WorkbookError:  # a broken config.toml: take the safer choice
            shared, required = True, True
        with VerticalScroll(id="start-form", classes="page"):
            yield from _field("Your name or nickname", "The only answer you need to give.")
            yield TextBox(placeholder="e.g. Sam", id="name", max_length=NAME_MAX)
            # Asked here, not only guessed: F1 must show a line the person can call.
            yield from _field("Where you live", COUNTRY_HINT)
            yield Select(COUNTRIES, value=default_country(), allow_blank=False, id="country")
            yield from _field(
                "What you are working on",
                "Tick any that fit (Space), or none for now.",
            )
            yield TickList[WorkingOn](
                *[(label, value) for value, label in WORKING_ON_LABELS.items()], id="working-on"
            )
            yield TextBox(
                placeholder="In your own words, if you like: e.g. weekend drinking",
                id="words",
                max_length=SHORT_TEXT_MAX,
            )
            yield from _field("Your pathway", "Every pathway is welcome. You can change it later.")
            with Choices(id="pathway"):
                for value, label in PATHWAY_LABELS.items():
                    yield Choice(label, value=value == Pathway.NOT_SURE, name=value.value)
            # Shown when "Stop completely" is chosen: stopping some things at once is dangerous.
            yield Static(safety.words().withdrawal.text, id="withdrawal", markup=False)
            yield from _field(
                "When this stretch began (optional)",
                "Year-month-day, like 2026-11-01. Leave it empty if you prefer.",
            )
            yield TextBox(placeholder="YYYY-MM-DD", id="start", max_length=10)
            yield FieldMessage(id="start-problem", classes="problem").data_bind(
                message=StartWorkbookScreen.start_problem
            )
            yield from _field(
                "Day counter", "Shows the days since that date on Home. Off unless you want it."
            )
            yield Tick("Show a day counter on Home", id="counter")
            yield from _field(
                "Passphrase", "Recommended on a shared computer. You can add or change it later."
            )
            yield PassphraseChoice(default=shared, required=required, id="secret")
            yield FieldMessage(id="problem", classes="problem").data_bind(
                message=StartWorkbookScreen.problem
            )
            yield Button("Start my workbook", id="start-workbook", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(RadioSet.Changed, "#pathway")
    @on(SelectionList.SelectedChanged, "#working-on")
    def _show_withdrawal(self) -> None:
        """The withdrawal note, for "Stop completely" unless only other habits are ticked."""
        pressed = self.query_one("#pathway", RadioSet).pressed_button
        stop = pressed is not None and pressed.name == Pathway.STOP.value
        ticked = set(self.query_one("#working-on", TickList).selected)
        substances = not ticked or bool(ticked & safety.SUBSTANCES)
        self.withdrawal = stop and substances

    def unsaved(self) -> bool:
        """Anything typed here is not stored until "Start my workbook"."""
        return any(field.value.strip() for field in self.query(Input))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    def answers(self) -> WelcomeAnswers:
        """What is on the form now."""
        pathway = self.query_one("#pathway", RadioSet).pressed_button
        return WelcomeAnswers(
            name=self.query_one("#name", Input).value,
            working_on=list(self.query_one("#working-on", TickList).selected),
            working_on_words=self.query_one("#words", Input).value,
            pathway=Pathway(pathway.name) if pathway and pathway.name else Pathway.NOT_SURE,
            start_date=self.query_one("#start", Input).value,
            show_day_counter=self.query_one("#counter", Tick).value,
            country=Country(str(self.query_one("#country", Select).value)),
        )

    def action_start(self) -> None:
        """Store the answers and open the new workbook on Home."""
        app = self.workbook_app
        answers = self.answers()
        self._problem("", "")
        try:
            parse_start_date(answers.start_date, self.today())
        except InvalidInput as exc:
            self._problem("", str(exc))
            return
        try:
            passphrase = self.query_one(PassphraseChoice).chosen()
        except InvalidInput as exc:
            self._problem(str(exc), "", focus="#pass1")
            return
        try:
            if passphrase is not None:
                profile_from(answers, self.today())  # check the answers before the slow part
                self._problem("Making your workbook and locking it…", "", focus=None)
                self.start_private(answers, passphrase)
                return
            card = start_workbook(app.root, answers, self.today())
        except InvalidInput as exc:
            self._problem(str(exc), "")
            return
        except WorkbookError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
            return
        app.open_card(card)

    @work(thread=True, exclusive=True, group="start")
    def start_private(self, answers: WelcomeAnswers, passphrase: str) -> None:
        """Derive the key off the UI thread (it takes a moment on purpose)."""
        try:
            made: tuple[ProfileCard, str | None, Codec] | str = start_private_workbook(
                self.workbook_app.root, answers, self.today(), passphrase
            )
        except WorkbookError as exc:
            made = str(exc)
        self.app.call_from_thread(self._started, made)

    def _started(self, made: tuple[ProfileCard, str | None, Codec] | str) -> None:
        if isinstance(made, str):
            self._problem(made, "")
            return
        card, code, codec = made
        app = self.workbook_app
        if code is None:
            app.open_with(card, codec)
            return
        from screens.profile_dialogs import RecoveryCodeDialog

        app.push_screen(RecoveryCodeDialog(code), lambda _: app.open_with(card, codec))

    def _problem(self, general: str, about_date: str, focus: str | None = "#name") -> None:
        """Show a problem in words (not only colour), and take the person to the field.

        The form is taller than a small terminal, so a problem is also said in a notice that
        shows wherever the form is scrolled to.
        """
        self.problem, self.start_problem = general, about_date
        if about_date:
            self.query_one("#start", Input).focus()
        elif general and focus:
            self.query_one(focus, Input).focus()
        if (general and focus) or about_date:
            self.notify(general or about_date, title="Not yet", severity="warning", markup=False)
