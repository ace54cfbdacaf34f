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
    """Everything the Statics on the screen show now, as plain text (for assertions)."""
    from textual.widgets import Static

    return "\n".join(static_text(w) for w in app.screen.query("*") if isinstance(w, Static))


def static_text(widget: object, width: int = 200) -> str:
    """What a Static shows, as plain text, laid out ``width`` columns wide.

    A Static may hold a Rich renderable (a table, say); it is rendered to plain text
    rather than taken by ``str()``, whose repr carries a memory address that can
    contain any digits (a test once saw "988" in ``0x7f2d98890290``).
    """
    from io import StringIO

    from rich.console import Console
    from textual.visual import RichVisual
    from textual.widgets import Static

    assert isinstance(widget, Static)
    shown = widget.render()
    if isinstance(shown, RichVisual):
        shown = shown._renderable
    if isinstance(shown, str) or not hasattr(shown, "__rich_console__"):
        return str(shown)
    console = Console(file=StringIO(), width=width, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(shown)
    return capture.get()
