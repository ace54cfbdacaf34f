"""The life check-in card: when the next one is offered, and what moved most last time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screens.cards import TextCard
from screens.text import clip
from workbook import capital

if TYPE_CHECKING:
    from textual.widget import Widget

    from screens.app import WorkbookApp


class CapitalCard(TextCard):
    """When the life check-in is due, and the areas that moved most."""

    TITLE = "Life check-in"

    def lines(self) -> list[str]:
        assert self._wb.repo is not None
        history = capital.history(self._wb.repo)
        shown = [clip(line, 34) for line in capital.card_lines(history, self._wb.today())]
        return [*shown, "a opens it"]


def card(app: WorkbookApp) -> Widget | None:
    """The card, for every workbook (the check-in is for everyone, on every pathway)."""
    if app.repo is None:
        return None
    return CapitalCard(app, id="capital-card")
