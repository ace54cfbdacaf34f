"""Help for a hard moment: one key away on every screen, even before a workbook is open.

Order, calmest first: one box with the emergency number and one line to talk to someone now (on
screen at 80x24 without scrolling); what to do if someone won't wake up; the person's own next
steps from their plan for hard moments; their people and how to reach them; crisis lines for their
country (with no country set, the next ten minutes come before every country's lines); simple
things to do for the next ten minutes; the urge-surfing guide. Where each number was read is shown
in Resources; F1 keeps only a short "checked <month>". Parts that belong to other features are
provided by those features' modules as ``hard_moment_part(screen) -> list[Widget]`` and are
shown when that feature exists.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable
from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from screens.base import WorkbookScreen
from workbook import safety
from workbook.content import CrisisLine, crisis
from workbook.models import Country
from workbook.profile import settings_of, ten_minutes

# Parts other features add, in the order they are shown (after the emergency number).
PLAN_PARTS = ("screens.hard_plan", "screens.people")
AFTER_LINES_PARTS = ("screens.urges",)

SET_COUNTRY = "To see only your country's lines, set your country in Settings (o on Home)."

COUNTRY_NAMES = {
    Country.US: "the US",
    Country.UK: "the UK",
    Country.CA: "Canada",
    Country.AU: "Australia",
}


def feature_parts(modules: Iterable[str], screen: WorkbookScreen) -> list[Widget]:
    """The widgets each existing feature module adds to this screen."""
    widgets: list[Widget] = []
    for name in modules:
        if importlib.util.find_spec(name) is None:
            continue
        part = getattr(importlib.import_module(name), "hard_moment_part", None)
        if part is not None:
            widgets.extend(part(screen))
    return widgets


class HardMomentScreen(WorkbookScreen):
    """The emergency number, the person's own plan and people, crisis lines, the next minutes."""

    SECTION_TITLE = "Help for a hard moment"
    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def body(self) -> ComposeResult:
        app = self.workbook_app
        # Before any workbook is open, the country comes from the system locale.
        country = settings_of(app.repo).country
        lines = crisis()
        with VerticalScroll(id="hard-moment"):
            yield Static(
                "You are not alone, and this feeling will pass.", classes="calm", markup=False
            )
            # One box, on screen first at 80x24: the emergency number and one line to talk to.
            yield Static(self._top_box(country), id="emergency", markup=False)
            yield from self._overdose(country)
            if app.repo is not None:
                yield from feature_parts(PLAN_PARTS, self)
            set_country = country not in COUNTRY_NAMES
            if set_country:
                # Every country's lines are long: the next ten minutes come first.
                yield from self._next_minutes()
            yield Static(self._lines_heading(country), classes="heading", markup=False)
            if set_country:
                yield Static(SET_COUNTRY, classes="hint", markup=False)
            for line in lines.lines_for(country):
                yield self._line(line, show_country=set_country)
            if not set_country:
                yield from self._next_minutes()
            if app.repo is not None:
                yield from feature_parts(AFTER_LINES_PARTS, self)
            yield Static(
                "Escape goes back when you are ready. Where each number was read is in Resources.",
                classes="hint",
                markup=False,
            )

    def _top_box(self, country: Country) -> str:
        """The emergency number, then the one line to call or text now."""
        danger = (
            f"If you are in danger right now, call your emergency number: {self._numbers(country)}."
        )
        return f"{danger}\n{self._talk_now(country)}"

    @staticmethod
    def _talk_now(country: Country) -> str:
        lines = crisis()
        talk = lines.talk_now(country)
        if talk is not None:
            return f"Talk to someone now: {talk.name}, {talk.talk_now}."
        return f"Talk to someone now: {lines.talk_now_everywhere(COUNTRY_NAMES)}."

    def _overdose(self, country: Country) -> Iterable[Widget]:
        """If someone won't wake up: right after the emergency number, then tolerance."""
        words = safety.words()
        emergency = (
            crisis().emergency_for(country) if country in COUNTRY_NAMES else "your emergency number"
        )
        yield Static(words.overdose.heading, classes="heading", markup=False)
        for step in words.overdose_steps(emergency):
            yield bullet(step)
        yield Static(words.tolerance.text, classes="note", markup=False)

    @staticmethod
    def _numbers(country: Country) -> str:
        """The country's emergency number; every one we know when the country is not set."""
        lines = crisis()
        if country in COUNTRY_NAMES:
            return lines.emergency_for(country)
        known = [
            f"{e.contact} in {COUNTRY_NAMES[e.country]}"
            for e in lines.emergency
            if e.country in COUNTRY_NAMES
        ]
        return ", ".join([*known, lines.emergency_for(Country.OTHER)])

    @staticmethod
    def _lines_heading(country: Country) -> str:
        where = COUNTRY_NAMES.get(country)
        if where is None:
            return "People you can call or text, by country"
        return f"People you can call or text in {where}"

    def _line(self, line: CrisisLine, *, show_country: bool) -> Widget:
        where = f" ({COUNTRY_NAMES[line.country]})" if show_country else ""
        return Vertical(
            Static(f"{line.name}{where}: {line.contact}", classes="contact", markup=False),
            Static(f"{line.about} ({line.short_check()})", classes="about", markup=False),
            classes="line",
        )

    def _next_minutes(self) -> Iterable[Widget]:
        words = ten_minutes()
        yield Static(words.heading, classes="heading", markup=False)
        for step in words.steps:
            yield bullet(step)


def bullet(text: str) -> Static:
    """A bullet with a hanging indent: wrapped lines start under the words, not the dot."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text("•"), Text(text))
    return Static(grid, classes="step")
