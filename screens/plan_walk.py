"""The change-plan walk: one step per screen, every answer saved as it is given.

Choices are saved at once; typing is saved a moment later (``Drafting.save_soon``: at most
about two saves a second, each a rewrite of the whole file), and at once on leaving a box, a
step or the screen.

The walk remembers which step it is on, so leaving and coming back resumes there. Only step 1
is needed to finish; the rest can be skipped and filled in later.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import WorkbookDialog
from screens.widgets.list_editor import Column, ListEditor
from screens.widgets.message import FieldMessage
from screens.widgets.ruler import Ruler
from screens.widgets.textbox import TextBox
from workbook import plan as wp
from workbook.errors import InvalidInput, WorkbookError
from workbook.models import PLAN_STEP_COUNT, Plan

if TYPE_CHECKING:
    from screens.base import WorkbookScreen

LIST_COLUMNS: dict[str, list[Column]] = {
    "changes": [
        Column("text", "the change I want to make"),
        Column("area", "part of life", kind="area", width="24"),
    ],
    "reasons": [Column("text", "a reason that matters to me")],
    "steps": [
        Column("text", "a step I will take"),
        Column("by_when", "by when? (optional)", kind="date", width="20"),
    ],
    "helpers": [
        Column("name", "who", width="22", max_length=60),
        Column("what", "what they will do to help"),
    ],
    "signs": [Column("text", "a sign my plan is working")],
    "obstacles": [
        Column("text", "if this happens..."),
        Column("then", "...then I will"),
    ],
}

RATING_ENDS = {
    "importance": ("not at all", "more than anything"),
    "confidence": ("not at all", "completely sure"),
}


class StepPicker(WorkbookDialog[int | str | None]):
    """Jump to any step (each marked answered or "not yet"), or open a companion exercise."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Close")]

    DEFAULT_CSS = """
    StepPicker { align: center middle; }
    StepPicker > Vertical {
        width: 64; height: auto; border: round $primary; background: $surface; padding: 0 1;
    }
    StepPicker OptionList { height: auto; max-height: 14; }
    """

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        options = []
        for n in range(1, PLAN_STEP_COUNT + 1):
            state = "answered" if wp.is_answered(self.plan, n) else "not yet"
            options.append(Option(Text(f"{n}. {wp.step_text(n).title} · {state}"), id=str(n)))
        options.append(Option(Text(f"   {wp.words().weighing.title} (an extra exercise)"), id="w"))
        options.append(Option(Text(f"   {wp.words().values.title} (an extra exercise)"), id="v"))
        with Vertical():
            yield Label("Go to a step (Enter), or Escape to stay here.")
            yield OptionList(*options, id="step-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.plan.current_step - 1

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        ident = event.option.id or "1"
        self.dismiss(int(ident) if ident.isdigit() else ident)


class PlanWalk(Vertical):
    """The walk through the eight steps, shown inside :class:`screens.plan.PlanScreen`."""

    message: reactive[str] = reactive("")
    """A problem with an answer, said under the step (empty hides the line)."""

    # The keys (PgDn/PgUp, ctrl+t, ctrl+f) live on PlanScreen, so they work during a redraw.

    DEFAULT_CSS = """
    PlanWalk { height: 1fr; }
    PlanWalk #walk-head { height: 1; padding: 0 1; background: $boost; text-style: bold; }
    PlanWalk #walk-body { height: 1fr; padding: 0 1; }
    PlanWalk .walk-why { color: $text-muted; }
    PlanWalk .walk-prompt { text-style: bold; margin-top: 1; }
    PlanWalk .walk-examples { color: $text-muted; text-style: italic; margin-bottom: 1; }
    PlanWalk .walk-hint { color: $text-muted; }
    PlanWalk .walk-label { margin-top: 1; }
    PlanWalk .walk-text { margin-bottom: 0; }
    PlanWalk #walk-msg { color: $text-warning; height: auto; padding: 0 1; display: none; }
    PlanWalk #walk-msg.-shown { display: block; }
    PlanWalk #walk-buttons { height: 1; padding: 0 1; }
    PlanWalk #walk-buttons Button { margin-right: 2; width: auto; min-width: 8; }
    """

    class Finished(Message):
        """The walk was finished and a revision kept."""

    def __init__(self, step: int, *, return_to_summary: bool = False) -> None:
        super().__init__(id="plan-walk")
        self.step = max(1, min(PLAN_STEP_COUNT, step))
        self.return_to_summary = return_to_summary

    @property
    def owner(self) -> WorkbookScreen:
        from screens.base import WorkbookScreen

        assert isinstance(self.screen, WorkbookScreen)
        return self.screen

    # Building a step ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        plan = wp.load_plan(self.owner.repo)
        words = wp.step_text(self.step)
        yield Static(
            f"Step {self.step} of {PLAN_STEP_COUNT} · {words.title}", id="walk-head", markup=False
        )
        with VerticalScroll(id="walk-body"):
            yield Static(words.why, classes="walk-why", markup=False)
            yield Static(words.prompt, classes="walk-prompt", markup=False)
            yield Static(
                "For example: " + "  Or: ".join(words.examples),
                classes="walk-examples",
                markup=False,
            )
            yield from self._fields(plan, words)
            yield Static(words.hint, classes="walk-hint", markup=False)
        # Bound by hand: the walk recomposes itself for each step, outside its own compose.
        self._message_line = FieldMessage(id="walk-msg", classes="")
        self._message_line.message = self.message
        yield self._message_line
        with Horizontal(id="walk-buttons"):
            yield Button("< Back", id="walk-back", compact=True, disabled=self.step == 1)
            last = self.step == PLAN_STEP_COUNT
            yield Button("Finish" if last else "Next >", id="walk-next", compact=True)
            yield Button("All steps", id="walk-steps", compact=True)
            if not last:
                yield Button("Finish for now", id="walk-finish", compact=True)

    def _fields(self, plan: Plan, words: wp.StepText) -> list[Widget]:
        key = words.key
        if key in RATING_ENDS:
            return [
                Ruler(0, 10, getattr(plan, key), ends=RATING_ENDS[key], id=f"rate-{key}"),
                Label(words.why_lower, classes="walk-label", markup=False),
                self._text_box(f"{key}_why", getattr(plan, f"{key}_why")),
                Label(words.move_up, classes="walk-label", markup=False),
                self._text_box(f"{key}_up", getattr(plan, f"{key}_up")),
            ]
        widgets: list[Widget] = []
        if key == "helpers":
            names = ", ".join(p.name for p in wp.people(self.owner.repo))
            if names:
                widgets.append(Static(f"Your people: {names}", classes="walk-hint", markup=False))
        items: list[BaseModel] = list(getattr(plan, key))
        columns = LIST_COLUMNS[key]
        if key == "helpers":
            known = tuple(p.name for p in wp.people(self.owner.repo))
            columns = [replace(columns[0], suggestions=known), *columns[1:]]
        widgets.append(
            ListEditor(
                items,
                columns,
                self._maker(key),
                then_focus="area" if key == "changes" else None,
                id=f"list-{key}",
            )
        )
        return widgets

    def _text_box(self, field: str, value: str) -> Input:
        from workbook.models import LONG_TEXT_MAX

        box = TextBox(
            value,
            placeholder="your words (optional)",
            id=f"text-{field}",
            max_length=LONG_TEXT_MAX,
            classes="walk-text",
            compact=True,
        )
        box.tooltip = f"Up to {LONG_TEXT_MAX:,} characters."
        return box

    def _maker(self, key: str) -> Callable[[dict[str, Any]], BaseModel]:
        if key == "helpers":
            repo = self.owner.repo
            return lambda values: wp.new_helper(repo, values["name"], values.get("what") or "")
        return lambda values: wp.new_item(key, **values)

    def on_mount(self) -> None:
        self._remember_step()
        self.call_after_refresh(self._focus_first)

    def _focus_first(self) -> None:
        body = self.query_one("#walk-body")
        adding = body.query(".le-new Input")
        if adding:
            adding.first().focus()
            return
        for widget in body.query("*"):
            if widget.focusable:
                widget.focus()
                return

    def _remember_step(self) -> None:
        # Quietly: where the walk is matters less than the answers, so a read-only workbook
        # (or a failed write) is not worth an alarm on every step.
        with contextlib.suppress(WorkbookError):
            wp.go_to_step(self.owner.repo, self.step)

    # Saving -----------------------------------------------------------------------------------

    def say(self, message: str) -> None:
        self.message = message

    def watch_message(self, message: str) -> None:
        line = getattr(self, "_message_line", None)
        if line is not None:
            line.message = message

    def save(self, fn: Callable[[], object]) -> bool:
        """Save now (after any typing still waiting); a problem with the answer is said here,
        a failed write is notified."""
        self.owner.save_pending()
        return self.run_save(fn)

    def run_save(self, fn: Callable[[], object]) -> bool:
        """Run ``fn``: a problem with the answer is said here, a failed write is notified."""
        try:
            fn()
        except InvalidInput as exc:
            self.say(str(exc))
            return False
        except WorkbookError:
            return self.owner.try_save(fn)
        return True

    @on(Ruler.Changed)
    def _rated(self, event: Ruler.Changed) -> None:
        key = (event.ruler.id or "").removeprefix("rate-")
        self.save(lambda: wp.set_answers(self.owner.repo, **{key: event.value}))

    @on(Input.Changed, ".walk-text")
    def _typed(self, event: Input.Changed) -> None:
        field = (event.input.id or "").removeprefix("text-")
        repo, value = self.owner.repo, event.value
        if getattr(wp.load_plan(repo), field) == value:
            self.owner.drop_pending(field)  # typed back to what is stored
            return
        self.owner.save_soon(field, lambda: wp.set_answers(repo, **{field: value}))
        limit = event.input.max_length
        at_limit = limit and len(value) >= limit
        self.say(
            f"That is as much as this box can hold ({limit:,} characters)." if at_limit else ""
        )

    @on(ListEditor.Changed)
    def _list_changed(self, event: ListEditor.Changed) -> None:
        key = (event.editor.id or "").removeprefix("list-")
        repo, items = self.owner.repo, event.items
        if event.typing:
            self.owner.save_soon(key, lambda: wp.set_answers(repo, **{key: items}))
            return
        self.owner.drop_pending(key)  # this newer list replaces any waiting one
        if self.save(lambda: wp.set_answers(repo, **{key: items})):
            self.say("")

    @on(Input.Blurred)
    def _left_box(self) -> None:
        """Leaving a box saves what was typed in it at once."""
        self.owner.save_pending()

    @on(ListEditor.GoalRequested)
    def _goal(self, event: ListEditor.GoalRequested) -> None:
        item_id = str(getattr(event.item, "id", ""))
        make_goal_and_tell(self.owner, item_id)

    @on(Input.Blurred, "#list-helpers Input")
    def _helper_left(self, event: Input.Blurred) -> None:
        """After a name is edited in place, link it to My people (or add them)."""
        ident = event.input.id or ""
        if not ident.startswith("r") or not ident.endswith("-name"):
            return
        index = int(ident[1:].split("-")[0])
        plan = wp.load_plan(self.owner.repo)
        if index >= len(plan.helpers) or not plan.helpers[index].name.strip():
            return
        helper = plan.helpers[index]

        def relink() -> None:
            person = wp.person_for(self.owner.repo, helper.name, ask=helper.what)
            if person.id != helper.person_id:
                helpers = list(plan.helpers)
                helpers[index] = helper.model_copy(update={"person_id": person.id})
                wp.set_answers(self.owner.repo, helpers=helpers)
                editor = self.query_one("#list-helpers", ListEditor)
                editor.items[index] = helpers[index]

        self.save(relink)

    # Moving through the steps -------------------------------------------------------------------

    async def go(self, step: int) -> None:
        """Show step ``step`` (and remember it)."""
        self.owner.save_pending()
        self.step = max(1, min(PLAN_STEP_COUNT, step))
        await self.recompose()
        self._remember_step()
        self._focus_first()

    async def action_next(self) -> None:
        if self.step == PLAN_STEP_COUNT:
            self.action_finish()
        else:
            await self.go(self.step + 1)

    async def action_previous(self) -> None:
        if self.step > 1:
            await self.go(self.step - 1)

    def action_steps(self) -> None:
        async def picked(step: int | str | None) -> None:
            if isinstance(step, int):
                await self.go(step)
            elif step == "w":
                from screens.plan_weighing import WeighingScreen

                self.app.push_screen(WeighingScreen())
            elif step == "v":
                from screens.plan_values import ValuesScreen

                self.app.push_screen(ValuesScreen())

        self.app.push_screen(StepPicker(wp.load_plan(self.owner.repo)), picked)

    def action_finish(self) -> None:
        if not self.owner.save_pending():
            return
        try:
            wp.finish(self.owner.repo, self.owner.today())
        except InvalidInput as exc:
            self.say(str(exc))
            return
        except WorkbookError as exc:
            self.owner.notify(str(exc), title="Not saved", severity="error", markup=False)
            return
        self.post_message(self.Finished())

    @on(Button.Pressed)
    async def _button(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "walk-back": self.action_previous,
            "walk-next": self.action_next,
            "walk-steps": self.action_steps,
            "walk-finish": self.action_finish,
        }
        result = actions[event.button.id or ""]()
        if result is not None:
            await result


def make_goal_and_tell(screen: WorkbookScreen, item_id: str) -> None:
    """Make a short-term goal from a plan item, and say what happened."""
    existing = wp.goal_from_item(screen.repo, item_id)
    if existing is not None:
        screen.notify(f"There is already a goal from this: {existing.title}", markup=False)
        return
    try:
        goal = wp.make_goal(screen.repo, item_id)
    except InvalidInput as exc:
        screen.notify(str(exc), markup=False)
        return
    except WorkbookError as exc:
        screen.notify(str(exc), title="Not saved", severity="error", markup=False)
        return
    screen.notify(f"Made a short-term goal: {goal.title}", title="Goal made", markup=False)
