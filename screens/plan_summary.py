"""The whole change plan on one screen, each section with its edit key."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import WorkbookDialog
from screens.text import day_text, hanging
from workbook import plan as wp
from workbook.errors import InvalidInput, WorkbookError
from workbook.models import PLAN_STEP_COUNT, Plan, PlanAnswers

if TYPE_CHECKING:
    from screens.base import WorkbookScreen


class PlanText(Static):
    """Every section of a plan, read-only: a heading, then its lines or "not yet".

    One widget for the whole plan (a heading and a block per section were sixteen widgets,
    as costly to style as the rest of the screen); the headings take their colour from the
    ``plan-text--head`` component class, so a change of theme still reaches them.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"plan-text--head"}
    DEFAULT_CSS = """
    PlanText > .plan-text--head { color: $primary; text-style: bold; }
    """

    def __init__(self, plan: PlanAnswers | Plan) -> None:
        super().__init__(classes="plan-text")
        self.sections = [
            (f"{n}. {wp.step_text(n).title}", wp.section_lines(plan, key))
            for n, key in enumerate(wp.STEP_KEYS, start=1)
        ]

    def render(self) -> RenderableType:
        head = self.get_component_rich_style("plan-text--head", partial=True)
        parts: list[RenderableType] = []
        for number, (title, _) in enumerate(self.sections, start=1):
            parts += [Text(title, style=head), self.section_text(number)]
        return Group(*parts)

    def section_text(self, number: int) -> RenderableType:
        """Section ``number``'s lines, or "not yet"."""
        _, lines = self.sections[number - 1]
        if not lines:
            return NOT_YET
        # a long line wraps under its own first word, not back at the left edge
        return Group(*[hanging("  • ", line) for line in lines])


NOT_YET = Text("  not yet", style="italic")


def plan_text(plan: PlanAnswers | Plan) -> list[Static]:
    """Every section of a plan, read-only (see :class:`PlanText`)."""
    return [PlanText(plan)]


class GoalPicker(WorkbookDialog[str | None]):
    """Pick an item of the plan to make a short-term goal from."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Close")]

    DEFAULT_CSS = """
    GoalPicker { align: center middle; }
    GoalPicker > Vertical {
        width: 72; height: auto; border: round $primary; background: $surface; padding: 0 1;
    }
    GoalPicker OptionList { height: auto; max-height: 14; }
    """

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.items = wp.plan_items(plan)

    def compose(self) -> ComposeResult:
        with Vertical():
            if not self.items:
                yield Label("There is nothing in the plan to make a goal from yet.")
                return
            yield Label("Which item would you like to make a short-term goal from?")
            yield OptionList(
                *[
                    Option(
                        Text(f"{wp.step_text(wp.STEP_KEYS.index(i.key) + 1).title}: {i.text}"),
                        id=i.id,
                    )
                    for i in self.items
                ]
            )

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class PlanSummary(VerticalScroll, can_focus=True):
    """The finished plan, read-only, with keys to edit any section and to reach the exercises."""

    # Not in the footer: with Back and the keys that work everywhere it is full at 80 columns,
    # and F1 must stay in view. The line of keys docked under the plan spells them all out,
    # and "?" lists them too.
    BINDINGS: ClassVar[list[BindingType]] = [
        *[Binding(str(n), f"edit({n})", show=False) for n in range(1, PLAN_STEP_COUNT + 1)],
        Binding(
            "e",
            "edit(1)",
            "Edit",
            id="plan_edit",
            show=False,
            tooltip="Edit section 1; 1 to 8 edit that section",
        ),
        Binding("g", "goal", "Make a goal", id="plan_goal", show=False),
        Binding("m", "reviewed", "Mark reviewed", id="plan_reviewed", show=False),
        Binding("r", "revisions", "Revisions", id="plan_revisions", show=False),
        Binding("w", "weighing", "Weighing it up", id="plan_weighing", show=False),
        Binding("v", "values", "What matters most", id="plan_values", show=False),
    ]

    DEFAULT_CSS = """
    PlanSummary { height: 1fr; padding: 0 1; }
    PlanSummary .sum-state { color: $text-muted; margin-bottom: 1; }
    PlanSummary .sum-keys { color: $text-muted; dock: bottom; padding-top: 1; }
    """

    class EditSection(Message):
        """The person wants to edit section ``step`` in the walk."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    def __init__(self) -> None:
        super().__init__(id="plan-summary")

    @property
    def owner(self) -> WorkbookScreen:
        from screens.base import WorkbookScreen

        assert isinstance(self.screen, WorkbookScreen)
        return self.screen

    def compose(self) -> ComposeResult:
        plan = wp.load_plan(self.owner.repo)
        yield Static(self._state(plan), classes="sum-state", markup=False)
        yield from plan_text(plan)
        yield Static(
            "Keys: 1-8 edit a section · g make a goal · m mark reviewed · r revisions\n"
            "      w weighing it up · v what matters most",
            classes="sum-keys",
            markup=False,
        )

    @staticmethod
    def _state(plan: Plan) -> str:
        if plan.finished is None:
            return "Not finished yet."
        text = f"Finished {day_text(plan.finished)}"
        if plan.reviewed and plan.reviewed != plan.finished:
            text += f" · last looked over {day_text(plan.reviewed)}"
        return text + ". Press a number to change a section."

    def on_mount(self) -> None:
        self.focus()

    def action_edit(self, step: int) -> None:
        self.post_message(self.EditSection(step))

    def action_goal(self) -> None:
        from screens.plan_walk import make_goal_and_tell

        def picked(item_id: str | None) -> None:
            if item_id:
                make_goal_and_tell(self.owner, item_id)

        self.app.push_screen(GoalPicker(wp.load_plan(self.owner.repo)), picked)

    async def action_reviewed(self) -> None:
        try:
            wp.mark_reviewed(self.owner.repo, self.owner.today())
        except (InvalidInput, WorkbookError) as exc:
            self.owner.notify(str(exc), markup=False, severity="warning")
            return
        self.owner.notify("Marked as reviewed today. A dated copy was kept.", markup=False)
        await self.recompose()

    def action_revisions(self) -> None:
        from screens.plan_revisions import RevisionsScreen

        self.app.push_screen(RevisionsScreen())

    def action_weighing(self) -> None:
        from screens.plan_weighing import WeighingScreen

        self.app.push_screen(WeighingScreen())

    def action_values(self) -> None:
        from screens.plan_values import ValuesScreen

        self.app.push_screen(ValuesScreen())
