"""Help for a hard moment: one key away on every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from screens.base import WorkbookScreen
from workbook.content import crisis
from workbook.models import Country, Settings


class HardMomentScreen(WorkbookScreen):
    """The emergency number, then crisis and support lines for the person's country."""

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
            for line in lines.lines_for(country):
                yield Static(
                    f"{line.name}: {line.contact}\n  {line.about} ({line.age_text(self.today())})",
                    markup=False,
                )
