"""The urges card: urges this week, common triggers and times of day."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from screens.cards import TextCard
from screens.text import clip
from workbook import urges
from workbook.models import Urge
from workbook.text import counted

if TYPE_CHECKING:
    from textual.widget import Widget

    from screens.app import WorkbookApp


class UrgesCard(TextCard):
    """Urges this week, common triggers and times of day; rebuilt when Home comes back."""

    TITLE = "Urges"

    def lines(self) -> list[str]:
        assert self._wb.repo is not None
        return card_lines(urges.all_urges(self._wb.repo), self._wb.today())


def card_lines(log: list[Urge], today: date) -> list[str]:
    """The urges card: short lines, as Home puts two cards side by side at 80 columns."""
    found = urges.patterns(log, today)
    if found.total == 0:
        return ["No urges noted yet.", "F2 notes one, from any screen."]
    count = counted(found.this_week, "urge")
    passed = f", {found.passed_this_week} passed" if found.passed_this_week else ""
    lines = [f"This week: {count}{passed}"]
    if found.average_strength is not None:
        lines.append(f"Average strength: {found.average_strength:.1f} of 10")
    if found.triggers:
        lines += wrap_items("Triggers:", [f"{clip(t, 24)} ({n})" for t, n in found.triggers])
    if found.times:
        lines += wrap_items("Times:", [f"{t} ({n})" for t, n in found.times[:3]])
    lines.append("F2 notes one · u opens the log")
    return lines


def wrap_items(label: str, items: list[str], width: int = 32) -> list[str]:
    """``label`` then ``items`` joined by commas, wrapped between items (never inside one)."""
    lines = [label]
    for n, item in enumerate(items):
        piece = item + ("," if n < len(items) - 1 else "")
        if len(lines[-1]) + 1 + len(piece) > width and lines[-1] != label:
            lines.append(" " + piece)
        else:
            lines[-1] += " " + piece
    return lines


def card(app: WorkbookApp) -> Widget:
    """The urges card for Home."""
    return UrgesCard(app, id="urges-card")
