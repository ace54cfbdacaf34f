"""Goals: short- and long-term goals, step by step.

``GoalsScreen`` lists goals grouped by horizon and status, with steps done out of total and a
small bar (numbers too, so colour is never the only signal), filtered by life area.
``GoalDetailScreen`` shows one goal and its checklist: tick steps, add a step, change the date,
pause, mark done (celebrated quietly), let go (said kindly), edit or delete.
``GoalEditScreen`` (in ``screens.goal_form``) adds or edits a goal. Everything a person typed is
shown with markup off.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.visual import VisualType
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import WorkbookScreen
from screens.dialogs import Confirm
from screens.goal_dialogs import (
    DateDialog,
    StepDialog,
    done_dialog,
    let_go_dialog,
    pause_dialog,
)
from screens.text import Hanging, clip, pad
from screens.widgets.dropdown import Dropdown
from screens.widgets.message import Shown
from workbook import dates, goals
from workbook.models import Goal, GoalStatus, Horizon, LifeArea
from workbook.text import counted, wrap

ALL_AREAS = "all"
SOURCE_WORDS = {
    "plan": "your change plan",
    "skill": "a daily-life skill",
    "capital": "your life check-in",
}
STATUS_HEADINGS = {
    GoalStatus.ACTIVE: "working on",
    GoalStatus.PAUSED: "paused",
    GoalStatus.DONE: "done",
    GoalStatus.LET_GO: "let go",
}
HORIZON_HEADINGS = {Horizon.SHORT: "Short-term", Horizon.LONG: "Long-term"}
PAST_DATE_SHORT = "date passed"
NOTE_LABELS = {
    GoalStatus.LET_GO: "What I learned",
    GoalStatus.DONE: "How I got there",
    GoalStatus.PAUSED: "Note for later",
}


NO_STEPS_OPEN = "No steps yet. Press s to add a first small step."
NO_STEPS_FINISHED = "No steps were written down for this goal."


def short_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def area_options() -> list[tuple[str, str]]:
    return [(area.value.capitalize(), area.value) for area in LifeArea]


TITLE_CELLS = 38
"""The title column: a longer title goes on to a second and third line (then it is cut)."""
ROW_CELLS = 68
"""The widest a row gets at 80 columns (title, steps and bar, date)."""


def goal_line(goal: Goal, today: date, serves: str | None = None) -> Content:
    """One row of the goals list: title, steps done/total with a small bar, and the date.

    A long title wraps under itself (up to three lines); ``serves``, the title of the
    long-term goal a short-term one is for, goes on a line of its own under it. Built as
    Textual's own ``Content`` (what the list draws), not as Rich text the list would convert
    for each of ten years of goals as it opens.
    """
    p = goals.progress(goal)
    title = wrap(goal.title, TITLE_CELLS, max_lines=3) or [""]
    parts: list[str | tuple[str, str]] = [pad(title[0], TITLE_CELLS + 1)]
    if p.total:
        parts += [(f"{p.done}/{p.total} ", "bold"), p.bar(8) + " "]
    else:
        parts.append((f"{'no steps':<13}", "dim"))
    if goal.status == GoalStatus.DONE and goal.status_changed:
        parts.append((f"done {dates.short(goal.status_changed, today)}", "dim"))
    elif goals.past_target(goal, today):
        parts.append((PAST_DATE_SHORT, "italic dim"))
    elif goal.target_date and goal.status == GoalStatus.ACTIVE:
        parts.append((f"by {dates.short(goal.target_date, today)}", "dim"))
    parts += ["\n" + more for more in title[1:]]
    if serves:
        label = "  towards: "
        for n, line in enumerate(wrap(serves, ROW_CELLS - len(label), max_lines=2)):
            parts.append(("\n" + (label if n == 0 else " " * len(label)) + line, "dim"))
    return Content.assemble(*parts)


# Quick changes to a goal, shared with the weekly review ---------------------------------------


class GoalChanges:
    """Mixin for screens that can change a goal in place: date, step, pause, done, let go.

    Each method asks with a dialog, saves, then calls ``after(words)`` with a plain description
    of what changed (the review keeps these words).
    """

    def _changes_screen(self) -> WorkbookScreen:
        assert isinstance(self, WorkbookScreen)
        return self

    def change_date(self, goal: Goal, after: Callable[[str], None]) -> None:
        screen = self._changes_screen()

        def chosen(result: tuple[date | None] | None) -> None:
            if result is None:
                return
            (day,) = result
            if screen.try_save(lambda: goals.set_target_date(screen.repo, goal.id, day)):
                note = goals.date_note(day, screen.today())
                if note:
                    screen.notify(note, title="Date saved", markup=False)
                after(f"Date changed to {day.isoformat()}" if day else "Date cleared")

        screen.app.push_screen(DateDialog("Change the date", goal.target_date), chosen)

    def add_step_to(self, goal: Goal, after: Callable[[str], None], suggested: str = "") -> None:
        screen = self._changes_screen()

        def chosen(result: tuple[str, date | None] | None) -> None:
            if result is None:
                return
            text, due = result
            if screen.try_save(lambda: goals.add_step(screen.repo, goal.id, text, due)):
                after(f"Step added: {text.strip()}")

        screen.app.push_screen(StepDialog(goal.title, suggested.strip()), chosen)

    def _status(
        self, goal: Goal, dialog: Any, apply: Callable[..., Goal], words: str, after: Any
    ) -> None:
        screen = self._changes_screen()

        def chosen(note: str | None) -> None:
            if note is None:
                return
            if screen.try_save(lambda: apply(screen.repo, goal.id, screen.today(), note)):
                after(words)

        screen.app.push_screen(dialog, chosen)

    def pause_goal(self, goal: Goal, after: Callable[[str], None]) -> None:
        self._status(goal, pause_dialog(), goals.pause, "Paused", after)

    def complete_goal(self, goal: Goal, after: Callable[[str], None]) -> None:
        screen = self._changes_screen()

        def celebrate(words: str) -> None:
            screen.notify(
                f"{clip(goal.title, 60)} is done. That took steady work. Well done.",
                title="Done",
                markup=False,
            )
            after(words)

        self._status(goal, done_dialog(), goals.complete, "Marked done", celebrate)

    def let_go_goal(self, goal: Goal, after: Callable[[str], None]) -> None:
        screen = self._changes_screen()

        def kindly(words: str) -> None:
            screen.notify("Let go. What you learned from it stays with you.", markup=False)
            after(words)

        self._status(goal, let_go_dialog(), goals.let_go, "Let go", kindly)


# The goals list ---------------------------------------------------------------------------------


class GoalsScreen(WorkbookScreen):
    """Every goal, grouped by horizon and status, filtered by life area."""

    summary: reactive[str] = reactive("", init=False)
    """How many goals are active and how many of their steps are done."""

    SECTION_TITLE = "Goals"
    CSS_PATH = "goals.tcss"
    AUTO_FOCUS = "#goals-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add a goal", id="goals_add", tooltip="Set a new goal"),
        Binding("f", "filter", "Life area", id="goals_filter", tooltip="Show one life area"),
    ]

    def body(self) -> ComposeResult:
        with Horizontal(id="goals-bar"):
            yield Label("Life area:", id="goals-area-label")
            yield Dropdown(
                [("All areas", ALL_AREAS), *area_options()],
                ALL_AREAS,
                id="goals-area",
                compact=True,
            )
            yield Shown(id="goals-summary").data_bind(shown=GoalsScreen.summary)
        yield OptionList(id="goals-list", markup=False)
        yield Static(
            "Enter opens a goal · a adds a goal · f picks a life area",
            id="goals-hint",
            markup=False,
        )

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one("#goals-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        if self.returned():
            self.refresh_list()

    @property
    def area(self) -> LifeArea | None:
        value = self.query_one("#goals-area", Dropdown).value
        return None if value == ALL_AREAS or not isinstance(value, str) else LifeArea(value)

    _listed_area: object = object()  # the area the list shows (a fresh object: none yet)

    def refresh_list(self) -> None:
        today = self.today()
        listed = self.query_one("#goals-list", OptionList)
        chosen = listed.highlighted_option.id if listed.highlighted_option else None
        area = self._listed_area = self.area
        every = goals.all_goals(self.repo)  # read once: the list and the titles both need it
        shown = every if area is None else [g for g in every if g.area == area]
        # the long-term goal a short-term one is for may be in another life area
        titles = {g.id: g.title for g in every if g.horizon == Horizon.LONG}
        options: list[Option] = []
        for horizon, status, members in goals.grouped(shown):
            heading = f"{HORIZON_HEADINGS[horizon]} · {STATUS_HEADINGS[status]} ({len(members)})"
            options.append(Option(Text(heading, style="bold"), disabled=True))
            options.extend(
                Option(goal_line(g, today, titles.get(g.serves or "")), id=g.id) for g in members
            )
        if not options:
            empty = (
                "No goals here yet. Press a to set one: something small you could start "
                "this week, or something bigger for the months ahead."
            )
            options.append(Option(Text(empty, style="italic"), disabled=True))
        listed.set_options(options)
        ids = [o.id for o in options]
        if chosen is not None and chosen in ids:
            listed.highlighted = ids.index(chosen)
        elif any(ids):
            listed.highlighted = next(i for i, ident in enumerate(ids) if ident)
        active = [g for g in shown if g.status == GoalStatus.ACTIVE]
        p = goals.overall_progress(active)
        self.summary = f"{len(active)} active · {p.text()} done" if active else ""

    def on_dropdown_changed(self, event: Dropdown.Changed) -> None:
        if self.area != self._listed_area:
            self.refresh_list()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.push_screen(GoalDetailScreen(event.option.id))

    def action_add(self) -> None:
        area = self.area
        from screens.goal_form import GoalEditScreen

        self.app.push_screen(GoalEditScreen(None, area=area))

    def action_filter(self) -> None:
        self.query_one("#goals-area", Dropdown).focus()


# One goal -------------------------------------------------------------------------------------


HINT_OPEN = (
    "s add a step · t change the date · e edit · p pause or pick up again\n"
    "d mark done · l let go · x delete · Escape back"
)
HINT_FINISHED = "p pick it up again · e edit · x delete · Escape back"
"""A finished or let-go goal offers only what makes sense for it."""


class GoalDetailScreen(GoalChanges, WorkbookScreen):
    """One goal: what it is, where it came from, and its checklist of steps."""

    SECTION_TITLE = "Goals"
    CSS_PATH = "goals.tcss"
    AUTO_FOCUS = "#goal-steps"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Tick step", id="goal_tick"),
        Binding("s", "add_step", "Add step", id="goal_add_step"),
        Binding("e", "edit", "Edit", id="goal_edit"),
        Binding("t", "change_date", "Date", show=False),
        Binding("p", "pause", "Pause", show=False),
        Binding("d", "done", "Done", show=False),
        Binding("l", "let_go", "Let go", show=False),
        Binding("x", "delete", "Delete", show=False),
    ]

    info: reactive[VisualType] = reactive("", init=False)
    """The goal in words (title, dates, why, if-then...), drawn above its steps."""
    hint: reactive[str] = reactive(HINT_OPEN, init=False)
    """The keys that fit the goal now (a finished goal offers no new step)."""

    def __init__(self, goal_id: str) -> None:
        super().__init__()
        self.goal_id = goal_id

    def body(self) -> ComposeResult:
        with VerticalScroll(id="goal-detail"):
            yield Shown(id="goal-info").data_bind(shown=GoalDetailScreen.info)
            yield Label("Steps (Space or Enter ticks one):", id="steps-label")
            yield OptionList(id="goal-steps", markup=False)
            yield Shown(id="goal-hint").data_bind(shown=GoalDetailScreen.hint)

    def on_mount(self) -> None:
        self.refresh_goal()
        self.query_one("#goal-steps", OptionList).focus()

    def on_screen_resume(self) -> None:
        if self.returned():
            self.refresh_goal()

    @property
    def goal(self) -> Goal | None:
        return goals.find_goal(self.repo, self.goal_id)

    def refresh_goal(self, *_: object) -> None:
        goal = self.goal
        if goal is None:  # deleted: the delete action takes the person back
            return
        self.info = self.describe(goal)
        finished = goal.status in (GoalStatus.DONE, GoalStatus.LET_GO)
        self.hint = HINT_FINISHED if finished else HINT_OPEN
        steps = self.query_one("#goal-steps", OptionList)
        highlighted = steps.highlighted
        options = [Option(self.step_line(s), id=s.id) for s in goal.steps]
        if not options:
            empty = NO_STEPS_FINISHED if finished else NO_STEPS_OPEN
            options = [Option(Text(empty), disabled=True)]
        steps.set_options(options)
        if goal.steps:
            steps.highlighted = min(highlighted or 0, len(goal.steps) - 1)

    @staticmethod
    def step_line(step: Any) -> Text:
        text = Text()
        text.append("[x] " if step.done_on else "[ ] ")
        text.append(step.text)
        if step.done_on:
            text.append(f"  done {step.done_on.day} {step.done_on:%b}", style="dim")
        elif step.due:
            text.append(f"  by {short_date(step.due)}", style="dim")
        return text

    def describe(self, goal: Goal) -> Group:
        """The goal in words. A "Label: long text" line wraps under its own text (a hanging
        indent), not back at the left edge."""
        today = self.today()
        text = Text()
        text.append(goal.title, style="bold")
        text.append(f"\n{HORIZON_HEADINGS[goal.horizon]} · {goal.area.value} · ")
        text.append(STATUS_HEADINGS[goal.status])
        if goal.status_changed and goal.status != GoalStatus.ACTIVE:
            text.append(f" since {short_date(goal.status_changed)}")
        if goal.status == GoalStatus.DONE:
            text.append(" · well done")
        if goal.source is not None:
            where = SOURCE_WORDS.get(goal.source.kind, goal.source.kind)
            text.append(f"\nCame from {where}", style="dim")
            if goal.source.label:
                text.append(": ", style="dim")
                text.append(goal.source.label, style="dim")
        parts: list[Text | Hanging] = [text, *self._describe_links(goal)]
        steps = Text()
        p = goals.progress(goal)
        if p.total:
            steps.append(f"Steps: {p.text()} done  {p.bar(10)}  {p.percent}%")
        else:
            steps.append("Steps: none yet")
        if goal.target_date:
            steps.append(f"\nAiming for: {short_date(goal.target_date)}")
            if goals.past_target(goal, today):
                steps.append(
                    "  (this date has passed; that's fine. Press t to pick a new one "
                    "when you are ready)",
                    style="italic",
                )
        parts.append(steps)
        for label, value in (
            ("Why it matters to me", goal.why),
            ("I will know I have done it when", goal.done_when),
            ("If-then plan", goals.if_then_text(goal)),
            (NOTE_LABELS.get(goal.status, "Note"), goal.status_note),
        ):
            if value:
                parts.append(Hanging(Text(f"{label}: ", style="bold"), Text(value)))
        return Group(*parts)

    def _describe_links(self, goal: Goal) -> list[Hanging]:
        links: list[Hanging] = []
        if goal.serves:
            long = goals.find_goal(self.repo, goal.serves)
            if long is not None:
                links.append(Hanging("Serves the long-term goal: ", Text(long.title)))
        if goal.horizon == Horizon.LONG:
            serving = goals.served_by(self.repo.all(Goal), goal.id)
            if serving:
                done = sum(1 for g in serving if g.status == GoalStatus.DONE)
                lead = f"Short-term goals serving it: {len(serving)} ({done} done): "
                links.append(Hanging(lead, Text(", ".join(clip(g.title, 30) for g in serving))))
        return links

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()

    def action_tick(self) -> None:
        steps = self.query_one("#goal-steps", OptionList)
        option = steps.highlighted_option
        if option is None or option.id is None:
            return
        step_id = option.id
        self.try_save(lambda: goals.toggle_step(self.repo, self.goal_id, step_id, self.today()))
        self.refresh_goal()

    def _with_goal(self, act: Callable[[Goal, Callable[[str], None]], None]) -> None:
        goal = self.goal
        if goal is not None:
            act(goal, self.refresh_goal)

    def action_add_step(self) -> None:
        self._with_goal(self.add_step_to)

    def action_change_date(self) -> None:
        self._with_goal(self.change_date)

    def action_pause(self) -> None:
        goal = self.goal
        if goal is None:
            return
        if goal.status == GoalStatus.ACTIVE:
            self.pause_goal(goal, self.refresh_goal)
            return
        if self.try_save(lambda: goals.resume(self.repo, goal.id, self.today())):
            self.notify("Picked up again. Welcome back to it.", markup=False)
        self.refresh_goal()

    def action_done(self) -> None:
        goal = self.goal
        if goal is not None and goal.status in (GoalStatus.ACTIVE, GoalStatus.PAUSED):
            self.complete_goal(goal, self.refresh_goal)

    def action_let_go(self) -> None:
        goal = self.goal
        if goal is not None and goal.status in (GoalStatus.ACTIVE, GoalStatus.PAUSED):
            self.let_go_goal(goal, self.refresh_goal)

    def action_edit(self) -> None:
        from screens.goal_form import GoalEditScreen

        self.app.push_screen(GoalEditScreen(self.goal_id))

    def action_delete(self) -> None:
        goal = self.goal
        if goal is None:
            return
        count = len(goals.reviews_of(self.repo, goal.id))
        if count:
            body = (
                f"This goal is part of {counted(count, 'weekly review')}. "
                "Those reviews keep its title and your answers, so you can still read them. "
                "The goal and its steps will be gone. (Letting it go keeps it instead.)"
            )
        else:
            body = "The goal and its steps will be gone for good. (Letting it go keeps it instead.)"

        def answered(yes: bool | None) -> None:
            if yes and self.try_save(lambda: goals.delete_goal(self.repo, goal.id), "Deleted."):
                self.action_back()

        self.app.push_screen(Confirm(body, heading="Delete this goal?", yes="Delete it"), answered)
