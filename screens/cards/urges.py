"""The urges card: urges this week, common triggers and times of day."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screens.cards import TextCard
from workbook import urges
from workbook.urge_summary import card_lines

if TYPE_CHECKING:
    from textual.widget import Widget

    from screens.app import WorkbookApp


class UrgesCard(TextCard):
    """Urges this week, common triggers and times of day; rebuilt when Home comes back."""

    TITLE = "Urges"

    def lines(self) -> list[str]:
        assert self._wb.repo is not None
        return card_lines(urges.glanced_urges(self._wb.repo), self._wb.today())


def card(app: WorkbookApp) -> Widget:
    """The urges card for Home."""
    return UrgesCard(app, id="urges-card")
