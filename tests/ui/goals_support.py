"""Helpers for the goals and weekly-review Pilot tests."""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.widgets import OptionList

from tests.ui.helpers import screen_text


def visible_text(app: App[object]) -> str:
    """The screen's static text plus every option in its option lists."""
    parts = [screen_text(app)]  # type: ignore[arg-type]
    for listed in app.screen.query(OptionList):
        for option in listed.options:
            prompt = option.prompt
            parts.append(prompt.plain if isinstance(prompt, Text) else str(prompt))
    return "\n".join(parts)
