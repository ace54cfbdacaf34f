"""The limits card: my limit, days off and safer-use rules, for cutting back or reducing harm."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screens.cards import TextCard
from screens.text import clip
from workbook import safer_plan
from workbook.models import Pathway, Profile

if TYPE_CHECKING:
    from textual.widget import Widget

    from screens.app import WorkbookApp


class SaferPlanCard(TextCard):
    """The person's limits and safer-use plan in a few short lines."""

    TITLE = "My limits and safer use"

    def lines(self) -> list[str]:
        assert self._wb.repo is not None
        plan = safer_plan.load(self._wb.repo)
        shown = [clip(line, 34) for line in safer_plan.summary_lines(plan)]
        if not shown:
            return ["No limit set yet.", "l sets one, in your own units."]
        more = len(shown) - 4
        return [*shown[:4], *([f"and {more} more"] if more > 0 else []), "l changes it"]


def card(app: WorkbookApp) -> Widget | None:
    """The card, for the cut-back and reduce-harm pathways or anyone who has written a plan."""
    repo = app.repo
    if repo is None:
        return None
    profile = repo.get(Profile)
    pathway = profile.pathway if profile else Pathway.NOT_SURE
    if pathway not in safer_plan.PLAN_PATHWAYS and safer_plan.is_empty(safer_plan.load(repo)):
        return None
    return SaferPlanCard(app, id="safer-plan-card")
