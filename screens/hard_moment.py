"""Help for a hard moment: one key away on every screen.

Order, calmest first: the emergency number; the person's own next steps from their plan for hard
moments; their people and how to reach them; crisis lines for their country; the urge-surfing
guide. Parts that belong to other features are provided by those features' modules as
``hard_moment_part(screen) -> list[Widget]`` and are shown when that feature exists.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from screens.base import WorkbookScreen
from workbook.content import crisis
from workbook.models import Country, Settings

# Parts other features add, in the order they are shown (after the emergency number).
PLAN_PARTS = ("screens.hard_plan", "screens.people")
AFTER_LINES_PARTS = ("screens.urges",)


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
    """The emergency number, the person's own plan and people, then crisis lines."""

    SECTION_TITLE = "Help for a hard moment"

    def body(self) -> ComposeResult:
        app = self.workbook_app
        settings = app.repo.get(Settings) if app.repo else None
        country = settings.country if settings else Country.OTHER
        lines = crisis()
        with VerticalScroll():
            yield Static(
                "If you are in danger right now, call your emergency number: "
                f"{lines.emergency_for(country)}.",
                markup=False,
            )
            if app.repo is not None:
                yield from feature_parts(PLAN_PARTS, self)
            for line in lines.lines_for(country):
                yield Static(
                    f"{line.name}: {line.contact}\n  {line.about} ({line.age_text(self.today())})",
                    markup=False,
                )
            if app.repo is not None:
                yield from feature_parts(AFTER_LINES_PARTS, self)
