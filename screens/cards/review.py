"""The weekly-review card: this week due, part done or done; a missed week offered once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from workbook import reviews

if TYPE_CHECKING:
    from textual.widget import Widget

    from screens.app import WorkbookApp


def card(app: WorkbookApp) -> Widget:
    """This week's review: due, part done, or done; and last week offered once if missed."""
    repo = app.repo
    if repo is None:
        return Static("")
    due = reviews.due(repo, app.today())
    text = Text()
    text.append("Weekly review: ", style="bold")
    text.append(due.text())
    if due.review is not None and due.state == "done" and due.review.difference is not None:
        text.append(f"\n  Real difference this week: {due.review.difference}/10")
    if reviews.missed_week(repo, app.today()) is not None:
        text.append("\n  Would you like to look back at last week? Press w.")
    return Static(text, classes="home-card")
