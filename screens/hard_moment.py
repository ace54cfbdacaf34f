"""Help for a hard moment: one key away on every screen, even before a workbook is open.

Order, calmest first: the emergency number; the person's own next steps from their plan for hard
moments; their people and how to reach them; crisis lines for their country; simple things to do
for the next ten minutes; the urge-surfing guide. Parts that belong to other features are
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
from workbook.content import CrisisLine, crisis
from workbook.models import Country
from workbook.profile import settings_of, ten_minutes

# Parts other features add, in the order they are shown (after the emergency number).
PLAN_PARTS = ("screens.hard_plan", "screens.people")
AFTER_LINES_PARTS = ("screens.urges",)

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
            yield Static(
                "If you are in danger right now, call your emergency number: "
                f"{self._numbers(country)}.",
                id="emergency",
                markup=False,
            )
            if app.repo is not None:
                yield from feature_parts(PLAN_PARTS, self)
            yield Static(self._lines_heading(country), classes="heading", markup=False)
            for line in lines.lines_for(country):
                yield self._line(line, show_country=country not in COUNTRY_NAMES)
            yield from self._next_minutes()
            if app.repo is not None:
                yield from feature_parts(AFTER_LINES_PARTS, self)
            yield Static(
                "Escape goes back when you are ready. Your country is set in Settings.",
                classes="hint",
                markup=False,
            )

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
            return "People you can call or text (by country; set yours in Settings)"
        return f"People you can call or text in {where}"

    def _line(self, line: CrisisLine, *, show_country: bool) -> Widget:
        where = f" ({COUNTRY_NAMES[line.country]})" if show_country else ""
        source = f"Source: {line.source} ({line.age_text(self.today())})"
        return Vertical(
            Static(f"{line.name}{where}: {line.contact}", classes="contact", markup=False),
            Static(line.about, classes="about", markup=False),
            Static(source, classes="source", markup=False),
            classes="line",
        )

    def _next_minutes(self) -> Iterable[Widget]:
        words = ten_minutes()
        yield Static(words.heading, classes="heading", markup=False)
        for step in words.steps:
            # A bullet with a hanging indent: wrapped lines start under the words, not the dot.
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(ratio=1)
            grid.add_row(Text("•"), Text(step))
            yield Static(grid, classes="step")
