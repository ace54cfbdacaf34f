"""What shows when there is no workbook to open straight away (placeholder until the welcome)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static


class StartScreen(Screen[None]):
    """Tells the person how to start a workbook."""

    def compose(self) -> ComposeResult:
        yield Static(
            "Welcome to Side by Side.\n\nTo start a workbook, run:\n"
            "  workbook profiles create YOUR-NAME",
            markup=False,
        )
        yield Footer()
