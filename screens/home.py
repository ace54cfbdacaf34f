"""Home: a greeting and the sections of the workbook that exist, each with its key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from screens.base import WorkbookScreen
from screens.sections import available_sections


class HomeScreen(WorkbookScreen):
    """The first screen after opening a workbook."""

    SECTION_TITLE = "Home"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(s.key, f"app.open_section('{s.id}')", s.title, show=False)
        for s in available_sections()
    ]

    def body(self) -> ComposeResult:
        name = self.workbook_app.person_label
        with VerticalScroll(id="home"):
            yield Static(f"Hello, {name}.", markup=False, id="greeting")
            for s in available_sections():
                yield Static(f"[{s.key}] {s.title} — {s.summary}", markup=False)
