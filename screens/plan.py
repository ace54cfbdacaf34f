"""My change plan: the walk while it is being built, the summary once it is finished.

``PlanScreen`` shows one of two parts: :class:`~screens.plan_walk.PlanWalk` (one step at a time,
resuming where the person left off) or :class:`~screens.plan_summary.PlanSummary` (the whole plan
with an edit key per section). Editing a section from the summary opens the walk at that step;
finishing or going back returns to the summary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input

from screens.base import WorkbookScreen
from screens.plan_summary import PlanSummary
from screens.plan_walk import PlanWalk
from workbook import plan as wp

if TYPE_CHECKING:
    pass


class PlanScreen(WorkbookScreen):
    """The change plan section: the walk, or the summary once the plan has been finished."""

    SECTION_TITLE = "My change plan"
    AUTO_FOCUS = ""  # the walk focuses its step's first field, the summary itself

    def on_mount(self) -> None:
        self.call_after_refresh(self.offer_draft)

    def unsaved(self) -> bool:
        """Words typed in a list's "add" box and not added yet (F9 keeps them as a draft)."""
        return any(
            isinstance(box, Input) and (box.id or "").startswith("new-") and box.value.strip()
            for box in self.query("Input")
        )

    def draft_key(self) -> str:
        return "plan"

    def run_typed_save(self, save: Callable[[], object]) -> bool:
        """Typing in the walk is saved through it, so a refusal is said under the step."""
        walks = self.query(PlanWalk)
        return walks.first().run_save(save) if walks else super().run_typed_save(save)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown,ctrl+n", "walk('next')", "Next", id="plan_next", priority=True),
        Binding("pageup", "walk('previous')", "Step back", id="plan_prev", priority=True),
        Binding("ctrl+t", "walk('steps')", "All steps", id="plan_steps", priority=True),
        Binding("ctrl+f", "walk('finish')", "Finish", id="plan_finish", priority=True),
    ]

    def __init__(self, step: int | None = None) -> None:
        """``step`` opens the walk at that step even when the plan is finished."""
        super().__init__()
        self.start_step = step

    def body(self) -> ComposeResult:
        plan = wp.load_plan(self.repo)
        if self.start_step is not None:
            yield PlanWalk(self.start_step, return_to_summary=plan.finished is not None)
        elif plan.finished is None:
            yield PlanWalk(plan.current_step)
        else:
            yield PlanSummary()

    @property
    def part(self) -> Widget:
        """The walk or the summary, whichever is showing."""
        return self.query_one("#plan-walk, #plan-summary")

    async def show_summary(self) -> None:
        await self.part.remove()
        await self.mount(PlanSummary(), before=self.query_one("Footer"))

    async def show_walk(self, step: int) -> None:
        await self.part.remove()
        await self.mount(PlanWalk(step, return_to_summary=True), before=self.query_one("Footer"))

    @on(PlanWalk.Finished)
    async def _finished(self) -> None:
        self.notify("Your plan is saved, and a dated copy was kept. Change it any time.")
        await self.show_summary()

    @on(PlanSummary.EditSection)
    async def _edit(self, event: PlanSummary.EditSection) -> None:
        await self.show_walk(event.step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "walk":
            walks = self.query(PlanWalk)
            return bool(walks) and not isinstance(self.app.screen, ModalScreen)
        return True

    async def action_walk(self, what: str) -> None:
        """Next, previous, all steps or finish, in the walk."""
        walks = self.query(PlanWalk)
        if not walks:
            return
        result = getattr(walks.first(), f"action_{what}")()
        if result is not None:
            await result

    def action_back(self) -> None:
        part = self.part
        if isinstance(part, PlanWalk) and part.return_to_summary:
            self.call_later(self.show_summary)
            return
        super().action_back()
