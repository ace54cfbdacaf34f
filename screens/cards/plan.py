"""The change-plan card: not started, in progress at step N, or the plan in one line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from screens.text import day_text
from workbook import plan as wp
from workbook.models import PLAN_STEP_COUNT

if TYPE_CHECKING:
    from textual.widget import Widget

    from screens.app import WorkbookApp


def card(app: WorkbookApp) -> Widget:
    """A one-line summary of the plan for Home."""
    if app.repo is None:
        return Static("")
    plan = wp.load_plan(app.repo)
    if plan.finished is not None:
        changes = wp.section_lines(plan, "changes")
        first = changes[0] if changes else ""
        more = f" (and {len(changes) - 1} more)" if len(changes) > 1 else ""
        when = day_text(plan.reviewed or plan.finished)
        text = f"My change plan: {first}{more}. Last looked over {when}."
    elif any(wp.is_answered(plan, n) for n in range(1, PLAN_STEP_COUNT + 1)):
        text = f"My change plan: in progress, at step {plan.current_step} of {PLAN_STEP_COUNT}."
    else:
        text = "My change plan: not started yet. Eight short steps, in your own words."
    return Static(text, markup=False, id="plan-card")
