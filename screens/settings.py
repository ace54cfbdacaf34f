"""Settings: name, country, pathway, theme, day counter, review week, auto-lock, initials.

Saved at once.

Each change is saved the moment it is made (Enter or leaving a text field saves it) and the
line under it says so in words. Every save goes through ``workbook.profile``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Checkbox, Input, Static

from screens.base import WorkbookScreen
from screens.theme import theme_choices
from screens.widgets.dropdown import Dropdown
from screens.widgets.message import ShownWhen
from screens.widgets.textbox import TextBox
from screens.widgets.ticks import Tick
from screens.widgets.topbar import TopBar
from workbook import safety
from workbook.errors import WorkbookError
from workbook.models import NAME_MAX, Country, Pathway, Profile
from workbook.profile import (
    parse_start_date,
    profile_of,
    rename,
    set_show_initials,
    settings_of,
    update_profile,
    update_settings,
)

if TYPE_CHECKING:
    from screens.app import WorkbookApp

COUNTRIES = [
    ("United States", Country.US),
    ("United Kingdom", Country.UK),
    ("Canada", Country.CA),
    ("Australia", Country.AU),
    ("Somewhere else (show every line we know)", Country.OTHER),
]
PATHWAYS = [
    ("Stop completely", Pathway.STOP),
    ("Cut back", Pathway.CUT_BACK),
    ("Reduce harm", Pathway.REDUCE_HARM),
    ("Not sure yet", Pathway.NOT_SURE),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
LOCK_CHOICES = [("The usual (let the workbook decide)", 0)] + [
    (f"{n} minutes", n) for n in (5, 10, 15, 30, 60, 120, 240)
]


def _withdrawal_matters(profile: Profile) -> bool:
    """The withdrawal note, for "Stop completely" unless only other habits are named."""
    return profile.pathway == Pathway.STOP and safety.substances_matter(profile)


def _label(label: str, hint: str) -> Static:
    """A field's name (bold) and its one-line hint under it (muted), as one widget."""
    return Static(
        Content.assemble((label, "bold $foreground"), "\n", hint), classes="label", markup=False
    )


def save_theme(app: WorkbookApp, name: str) -> None:
    """Remember the theme in the open workbook (quietly skipped when read-only or unchanged)."""
    repo = app.repo
    if repo is None or repo.read_only or settings_of(repo).theme == name:
        return
    try:
        update_settings(repo, theme=name)
    except WorkbookError as exc:
        app.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)


STATUS_AFTER = {"pathway": "withdrawal"}
"""The widget a field's status line goes under, where it is not the field itself."""


class FieldStatus(Static):
    """Under a field: what its last save said ("Saved.", or why not), drawn from the screen's
    ``statuses``. Built the first time the field's save has something to say."""

    def __init__(self, field: str) -> None:
        super().__init__("", id=f"{field}-status", classes="status", markup=False)
        self.field = field

    def on_mount(self) -> None:
        self.watch(self.screen, "statuses", self.show)

    def show(self, statuses: dict[str, tuple[str, bool]]) -> None:
        words, problem = statuses.get(self.field, ("", False))
        self.update(words)
        self.set_class(problem, "problem")


class SettingsScreen(WorkbookScreen):
    """How the person likes the workbook to behave."""

    statuses: reactive[dict[str, tuple[str, bool]]] = reactive(dict, init=False)
    """What the last save of each field said, and whether it was a problem (shown under it)."""
    withdrawal: reactive[bool] = reactive(False)
    """Whether the withdrawal note shows (for "Stop completely", unless only other habits)."""

    SECTION_TITLE = "Settings"
    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def body(self) -> ComposeResult:
        app = self.workbook_app
        assert app.card is not None
        profile = profile_of(self.repo, app.card)
        settings = settings_of(self.repo)
        start = profile.recovery_start.isoformat() if profile.recovery_start else ""
        # As on the start form: stopping some things all at once can be dangerous.
        self.set_reactive(SettingsScreen.withdrawal, _withdrawal_matters(profile))
        with VerticalScroll(id="settings"):
            yield _label("Your name or nickname", "Enter saves it. It shows in the picker too.")
            yield TextBox(profile.display_name, id="name", max_length=NAME_MAX)
            yield _label("Country for crisis lines", "Which lines F1 shows first.")
            yield Dropdown(COUNTRIES, settings.country, id="country")
            yield _label("Your pathway", "Every pathway is welcome. Change it any time.")
            yield Dropdown(PATHWAYS, profile.pathway, id="pathway")
            yield ShownWhen(safety.words().withdrawal.text, id="withdrawal").data_bind(
                shown=SettingsScreen.withdrawal
            )
            yield _label("Theme", "Colours only; every screen works in each of them.")
            yield Dropdown(theme_choices(), app.theme, id="theme")
            yield _label("Day counter on Home", "Days since the date below. Never required.")
            yield Tick("Show the days on Home", profile.show_day_counter, id="counter")
            yield _label("When this stretch began", "Year-month-day, or empty. Enter saves it.")
            yield TextBox(start, placeholder="YYYY-MM-DD", id="start", max_length=10)
            yield _label("First day of the review week", "When your weekly review begins.")
            yield Dropdown(
                [(day, i) for i, day in enumerate(WEEKDAYS)], settings.week_starts_on, id="week"
            )
            yield _label("Lock after this long without a key press", "For a shared computer.")
            yield Dropdown(LOCK_CHOICES, settings.idle_lock_minutes or 0, id="lock")
            yield _label("Show only initials in the picker", "More private on a shared computer.")
            yield Tick("Only initials", app.card.show_initials, id="initials")

    def watch_statuses(self, statuses: dict[str, tuple[str, bool]]) -> None:
        """A field's status line is built the first time a save of it has something to say;
        it then draws itself from ``statuses`` (see :class:`FieldStatus`)."""
        form = self.query_one("#settings")
        for field in statuses:
            if not form.query(f"#{field}-status"):
                form.mount(FieldStatus(field), after=f"#{STATUS_AFTER.get(field, field)}")

    # Saving ----------------------------------------------------------------------------------

    def _save(self, field: str, save: Callable[[], Any], done: str = "Saved.") -> bool:
        """Run ``save`` and say under the field what happened, in words."""
        try:
            save()
        except WorkbookError as exc:
            self.statuses = {**self.statuses, field: (f"Not saved: {exc}", True)}
            return False
        self.statuses = {**self.statuses, field: (done, False)}
        return True

    def unsaved(self) -> bool:
        """Save a name or date still being typed; True if one of them could not be saved."""
        for field in self.query(Input):
            self._save_text(field)
        return any(problem for _, problem in self.statuses.values())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save_text(event.input)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self._save_text(event.input)

    def _save_text(self, field: Input) -> None:
        app = self.workbook_app
        card = app.card
        if card is None:
            return
        if field.id == "name" and field.value.strip() != card.display_name:
            if self._save("name", lambda: self._rename(field.value)):
                field.value = app.person_label if not card.show_initials else field.value.strip()
        elif field.id == "start":
            stored = profile_of(self.repo, card).recovery_start
            if field.value.strip() != (stored.isoformat() if stored else ""):
                self._save("start", lambda: self._set_start(field.value))

    def _rename(self, name: str) -> None:
        app = self.workbook_app
        assert app.card is not None
        app.card = rename(app.root, self.repo, app.card, name)
        self.query_one(TopBar).set_who(app.person_label)

    def _set_start(self, text: str) -> None:
        assert self.workbook_app.card is not None
        start = parse_start_date(text, self.today())
        update_profile(self.repo, self.workbook_app.card, recovery_start=start)

    def on_dropdown_changed(self, event: Dropdown.Changed) -> None:
        event.stop()
        field, value = event.dropdown.id or "", event.value
        settings = settings_of(self.repo)
        if field == "country" and value != settings.country:
            self._save(field, lambda: update_settings(self.repo, country=value))
        elif field == "pathway":
            self._save_pathway(Pathway(str(value)))
        elif field == "theme" and value != self.app.theme:
            self._save(field, lambda: setattr(self.app, "theme", value))
        elif field == "week" and value != settings.week_starts_on:
            self._save(field, lambda: update_settings(self.repo, week_starts_on=value))
        elif field == "lock" and (value or None) != settings.idle_lock_minutes:
            self._save(field, lambda: update_settings(self.repo, idle_lock_minutes=value or None))

    def _save_pathway(self, pathway: Pathway) -> None:
        card = self.workbook_app.card
        assert card is not None
        if pathway == profile_of(self.repo, card).pathway:
            return
        if self._save("pathway", lambda: update_profile(self.repo, card, pathway=pathway)):
            self.withdrawal = _withdrawal_matters(profile_of(self.repo, card))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        app = self.workbook_app
        card = app.card
        assert card is not None
        if event.checkbox.id == "counter":
            if event.value != profile_of(self.repo, card).show_day_counter:
                self._save(
                    "counter",
                    lambda: update_profile(self.repo, card, show_day_counter=event.value),
                    "Saved. " + ("Home shows the days." if event.value else "Home hides the days."),
                )
        elif event.checkbox.id == "initials" and event.value != card.show_initials:

            def initials() -> None:
                app.card = set_show_initials(app.root, card, event.value, self.repo)
                self.query_one(TopBar).set_who(app.person_label)

            self._save("initials", initials)
