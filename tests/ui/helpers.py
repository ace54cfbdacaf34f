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
    """Everything visible on the screen now, as plain text (for assertions)."""
    from textual.widgets import Static

    parts = []
    for widget in app.screen.query("*"):
        if isinstance(widget, Static):
            parts.append(str(widget.render()))
    return "\n".join(parts)
