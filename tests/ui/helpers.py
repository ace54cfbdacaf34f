"""Helpers for Pilot tests: an app on a tmp data folder with a fixed clock."""

from __future__ import annotations

from datetime import date

from screens.app import WorkbookApp
from tests.conftest import TODAY
from workbook.storage import DataRoot


def make_app(root: DataRoot, profile: str | None = None, today: date = TODAY) -> WorkbookApp:
    """The app as a person would start it, but on ``root`` and with today fixed."""
    return WorkbookApp(root, profile, clock=lambda: today)


def screen_text(app: WorkbookApp) -> str:
    """Everything the Statics on the screen show now, as plain text (for assertions).

    A Static may hold a Rich renderable (a table, say); it is rendered to plain text
    rather than taken by ``str()``, whose repr carries a memory address that can
    contain any digits (a test once saw "988" in ``0x7f2d98890290``).
    """
    from io import StringIO

    from rich.console import Console
    from textual.visual import RichVisual
    from textual.widgets import Static

    console = Console(file=StringIO(), width=200, color_system=None, legacy_windows=False)
    parts = []
    for widget in app.screen.query("*"):
        if not isinstance(widget, Static):
            continue
        shown = widget.render()
        if isinstance(shown, RichVisual):
            shown = shown._renderable
        if isinstance(shown, str) or not hasattr(shown, "__rich_console__"):
            parts.append(str(shown))
            continue
        with console.capture() as capture:
            console.print(shown)
        parts.append(capture.get())
    return "\n".join(parts)
