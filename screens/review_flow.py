"""Doing the weekly review: one page per goal, then the week as a whole.

Every answer is saved as it is given (text after a short pause, choices at once), and the page
is remembered, so leaving and coming back carries on where the person was. Goals can be
changed from the review without leaving it.

State flows down: the screen's reactives are ``page`` (which page is shown), ``changes`` (a
count of changes to the review's goals) and ``reviewed_with``. The pages, the progress line,
the two buttons, each goal's heading and "Changed: ..." line and the "Chosen: ..." line are
bound to them and draw themselves; handlers save, then set the screen's state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Button, Checkbox, ContentSwitcher, Input, Label, RadioSet, Static

from screens.base import WorkbookScreen
from screens.goals import HORIZON_HEADINGS, STATUS_HEADINGS, GoalChanges
from screens.review import GOAL_TEXT_FIELDS, WEEK_TEXT_FIELDS, week_label
from screens.widgets.ruler import Ruler
from screens.widgets.textbox import TextBox
from screens.widgets.ticks import Choice, Choices, Tick
from workbook import goals, reviews
from workbook.errors import InvalidInput, WorkbookError
from workbook.models import RATING_WORDS, GoalStatus, Review, ReviewedWith

FOCUS_PLACEHOLDER = "for example: rest more, or call Sam on Wednesday"
LONG_LIMIT = 5000
SHORT_LIMIT = 200
SAVE_DELAY = 0.6
RATING_LEGEND = " · ".join(f"{n} {word}" for n, word in enumerate(RATING_WORDS))


class Pages(ContentSwitcher):
    """The review's pages; the one shown follows the screen's ``page``."""

    page: reactive[int] = reactive(0)

    def watch_page(self, page: int) -> None:
        self.current = f"page-{page}"


class FlowProgress(Static):
    """ "Week of ... · goal 1 of 3 · page 1 of 4", drawn from the page shown."""

    page: reactive[int] = reactive(0)

    def __init__(self, week: str, goal_count: int) -> None:
        super().__init__("", id="flow-progress", markup=False)
        self.week, self.goal_count = week, goal_count

    def watch_page(self, page: int) -> None:
        last = page == self.goal_count
        what = "the whole week" if last else f"goal {page + 1} of {self.goal_count}"
        self.update(f"{self.week} · {what} · page {page + 1} of {self.goal_count + 1}")


class PageButton(Button):
    """ "Page back" (off on the first page), or "Next" that says "Finish" on the last."""

    page: reactive[int] = reactive(0)

    def __init__(self, forward: bool, last_page: int) -> None:
        words, ident = ("Next", "next") if forward else ("Page back", "prev")
        super().__init__(words, id=ident, compact=True, variant="primary" if forward else "default")
        self.forward, self.last_page = forward, last_page

    def watch_page(self, page: int) -> None:
        if self.forward:
            self.label = "Finish" if page == self.last_page else "Next"
        else:
            self.disabled = page == 0


class GoalLine(Static):
    """A goal's heading, or its "Changed: ..." line, drawn again whenever a goal changes."""

    changes: reactive[int] = reactive(0)

    def __init__(self, draw: Callable[[], Text | str], ident: str) -> None:
        super().__init__("", id=ident, markup=False)
        self.draw = draw

    def watch_changes(self) -> None:
        self.update(self.draw())


class WhoChosen(Static):
    """ "Chosen: ..." under who reviewed with the person."""

    reviewed_with: reactive[ReviewedWith | None] = reactive(None)

    def watch_reviewed_with(self, who: ReviewedWith | None) -> None:
        self.update(f"Chosen: {who.value}" if who else "Chosen: not chosen yet")


class ReviewFlowScreen(GoalChanges, WorkbookScreen):
    """One page per goal in the review, then the whole week. Saves as it goes."""

    SECTION_TITLE = "Weekly review"
    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown,ctrl+n", "page(1)", "Next page", id="review_next", priority=True),
        Binding("pageup,ctrl+b", "page(-1)", "Page back", id="review_prev", priority=True),
        Binding("ctrl+f", "finish", "Finish", id="review_finish", priority=True),
    ]

    page: reactive[int] = reactive(0, init=False)
    """The page shown: one per goal, then the whole week."""
    changes: reactive[int] = reactive(0, init=False)
    """Goes up each time one of the review's goals is changed, so what shows it is drawn again."""
    reviewed_with: reactive[ReviewedWith | None] = reactive(None, init=False)

    def __init__(self, review_id: str) -> None:
        super().__init__()
        self.review_id = review_id
        self._review: Review | None = None
        self._save_timer: Timer | None = None
        self.pending: dict[tuple[str | None, str], Any] = {}
        self._ticks: dict[str, tuple[str, str]] = {}
        """A step's tick box id -> (goal id, step id)."""

    @property
    def review(self) -> Review:
        """The review being done (read once; every answer updates and saves it)."""
        if self._review is None:
            found = reviews.find_review(self.repo, self.review_id)
            if found is None:
                raise InvalidInput("This review is no longer here.")
            self._review = found
        return self._review

    @property
    def page_count(self) -> int:
        return len(self.review.goals) + 1

    def body(self) -> ComposeResult:
        self.set_reactive(ReviewFlowScreen.page, self.start_page)
        self.set_reactive(ReviewFlowScreen.reviewed_with, self.review.reviewed_with)
        page = ReviewFlowScreen.page
        last = self.page_count - 1
        yield FlowProgress(week_label(self.review), len(self.review.goals)).data_bind(page)
        with Pages(initial=f"page-{self.start_page}", id="pages").data_bind(page):
            for index, entry in enumerate(self.review.goals):
                yield from self.goal_page(index, entry.goal_id)
            yield from self.week_page()
        with Horizontal(id="flow-nav"):
            yield PageButton(forward=False, last_page=last).data_bind(page)
            yield PageButton(forward=True, last_page=last).data_bind(page)

    @property
    def start_page(self) -> int:
        return min(self.review.at_step, self.page_count - 1)

    def goal_page(self, index: int, goal_id: str) -> ComposeResult:
        entry = reviews.goal_entry(self.review, goal_id)
        with VerticalScroll(id=f"page-{index}", classes="page"):
            yield GoalLine(lambda: self.goal_head(index, goal_id), f"head-{index}").data_bind(
                ReviewFlowScreen.changes
            )
            yield Label(reviews.RATING_QUESTION, classes="question")
            yield Ruler(0, 4, entry.rating, words=RATING_WORDS, id=f"rating-{index}")
            yield Static(RATING_LEGEND, classes="muted", markup=False)
            yield from self.step_ticks(index, goal_id)
            for name, label, example in GOAL_TEXT_FIELDS:
                yield Label(label, classes="field")
                yield TextBox(
                    getattr(entry, name),
                    placeholder=example,
                    id=f"{name}-{index}",
                    max_length=LONG_LIMIT,
                    compact=True,
                )
            yield Label("Quick changes to this goal:", classes="question")
            with Horizontal(classes="quick"):
                for action, words in (
                    ("date", "Change date"),
                    ("step", "Add a step"),
                    ("pause", "Pause"),
                    ("done", "Mark done"),
                    ("letgo", "Let go"),
                ):
                    yield Button(words, id=f"{action}-{index}", compact=True)
            yield GoalLine(lambda: self.adjusted_text(index), f"adjusted-{index}").data_bind(
                ReviewFlowScreen.changes
            )

    def step_ticks(self, index: int, goal_id: str) -> ComposeResult:
        """The goal's steps, each ticked (or unticked) with Space and saved at once."""
        goal = goals.find_goal(self.repo, goal_id)
        if goal is None or not goal.steps:
            return
        yield Label("Steps (Space ticks one; saved at once):", classes="field")
        for number, step in enumerate(goal.steps):
            ident = f"tick-{index}-{number}"
            self._ticks[ident] = (goal_id, step.id)
            done = step.done_on is not None
            yield Tick(Text(step.text), done, id=ident, classes="step-tick", compact=True)

    def week_page(self) -> ComposeResult:
        index = len(self.review.goals)
        with VerticalScroll(id=f"page-{index}", classes="page"):
            heading = Text("The whole week", style="bold")
            if not self.review.goals:
                heading.append(
                    "\nYou have no active goals right now. You can still look back at the week."
                )
            yield Static(heading)
            for name, label, example in WEEK_TEXT_FIELDS:
                yield Label(label, classes="field")
                yield TextBox(
                    getattr(self.review, name),
                    placeholder=example,
                    id=name,
                    max_length=LONG_LIMIT,
                    compact=True,
                )
            yield Label(reviews.DIFFERENCE_QUESTION, classes="question")
            yield Ruler(
                0, 10, self.review.difference, ends=("not at all", "a great deal"), id="difference"
            )
            yield Label("One focus for next week:", classes="field")
            yield TextBox(
                self.review.focus,
                placeholder=FOCUS_PLACEHOLDER,
                id="focus",
                max_length=SHORT_LIMIT,
                compact=True,
            )
            yield Label("Who reviewed with you?", classes="field")
            with Choices(id="reviewed_with"):
                for who in ReviewedWith:
                    yield Choice(who.value, value=self.review.reviewed_with == who)
            yield WhoChosen(id="who-chosen", markup=False).data_bind(ReviewFlowScreen.reviewed_with)

    def goal_head(self, index: int, goal_id: str) -> Text:
        entry = reviews.goal_entry(self.review, goal_id)
        goal = goals.find_goal(self.repo, goal_id)
        text = Text(goal.title if goal else entry.goal_title, style="bold")
        if goal is None:
            text.append("\n(this goal has since been deleted)", style="italic")
            return text
        p = goals.progress(goal)
        text.append(f"\n{HORIZON_HEADINGS[goal.horizon]} · {STATUS_HEADINGS[goal.status]}")
        text.append(f" · {p.text()} done {p.bar(6)}" if p.total else " · no steps yet")
        if goal.target_date:
            day = goal.target_date
            text.append(f" · aiming for {day.day} {day:%b %Y}")
            if goals.past_target(goal, self.today()):
                text.append(" (passed; fine to change)", style="italic")
        return text

    def adjusted_text(self, index: int) -> str:
        entry = self.review.goals[index]
        return "Changed: " + "; ".join(entry.adjustments) if entry.adjustments else ""

    # Moving between pages -----------------------------------------------------------------

    def on_mount(self) -> None:
        self.watch_page(self.page)

    def watch_page(self, page: int) -> None:
        """The page's first question takes the focus (the bound parts draw themselves)."""
        last = page == self.page_count - 1
        self.query_one(f"#rating-{page}" if not last else "#wins").focus()

    def action_page(self, step: int) -> None:
        page = self.page + step
        if not 0 <= page < self.page_count:
            return
        self.flush()
        if self.try_save(lambda: reviews.go_to(self.repo, self.review, page)):
            self.page = page

    def action_finish(self) -> None:
        """Ctrl+F finishes from any page, as in the change plan."""
        self.finish()

    def finish(self) -> None:
        if not self.flush():
            return
        if self.try_save(lambda: reviews.finish(self.repo, self.review, self.today())):
            self.notify("Review saved. Thank you for looking back at your week.", markup=False)
            self.app.pop_screen()

    def action_back(self) -> None:
        self.flush()
        super().action_back()

    def unsaved(self) -> bool:
        """Save what was typed since the last save; True only if that save failed."""
        return not self.flush()

    def on_unmount(self) -> None:
        """Keep words typed just before the app closed (the save timer has not fired yet)."""
        if self.pending and self.workbook_app.repo is not None:
            self.flush()

    # Saving as it goes --------------------------------------------------------------------

    def remember(self, goal_id: str | None, name: str, value: Any) -> None:
        self.pending[(goal_id, name)] = value

    def flush(self) -> bool:
        """Save every answer given since the last save; False if a save failed."""
        if not self.pending:
            return True
        pending, self.pending = self.pending, {}

        def save() -> None:
            with self.repo.transaction():
                for (goal_id, name), value in pending.items():
                    if goal_id is None:
                        reviews.answer_week(self.repo, self.review, **{name: value})
                    else:
                        reviews.answer_goal(self.repo, self.review, goal_id, **{name: value})

        try:
            return self.try_save(save)
        except InvalidInput as exc:
            self.notify(str(exc), title="Not saved", markup=False)
            return False

    def target(self, widget_id: str) -> tuple[str | None, str]:
        """Which goal (None for the week) and which field a widget's id stands for."""
        name, _, index = widget_id.rpartition("-")
        if name and index.isdigit():
            return self.review.goals[int(index)].goal_id, name
        return None, widget_id

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id is None:
            return
        goal_id, name = self.target(event.input.id)
        self.remember(goal_id, name, event.value)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.flush, name="review-save")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a box moves on to the next one (the answer is already kept)."""
        event.stop()
        self.focus_next()

    def on_ruler_changed(self, event: Ruler.Changed) -> None:
        if event.ruler.id is None:
            return
        goal_id, name = self.target(event.ruler.id)
        self.remember(goal_id, name, event.value)
        self.flush()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """A step ticked or unticked: saved at once, and the goal's progress follows."""
        found = self._ticks.get(event.checkbox.id or "")
        if found is None:
            return
        goal_id, step_id = found
        goal = goals.find_goal(self.repo, goal_id)
        step = next((s for s in goal.steps if s.id == step_id), None) if goal else None
        if step is None or (step.done_on is not None) == event.value:
            return
        if self.try_save(lambda: goals.toggle_step(self.repo, goal_id, step_id, self.today())):
            self.changes += 1

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.remember(None, "reviewed_with", ReviewedWith(str(event.pressed.label)))
        self.flush()
        self.reviewed_with = self.review.reviewed_with

    # Buttons: navigation and quick changes ------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id or ""
        if button == "next":
            if self.page == self.page_count - 1:
                self.finish()
            else:
                self.action_page(1)
        elif button == "prev":
            self.action_page(-1)
        else:
            action, _, index = button.rpartition("-")
            self.quick_change(action, int(index))

    def quick_change(self, action: str, index: int) -> None:
        goal_id = self.review.goals[index].goal_id
        goal = goals.find_goal(self.repo, goal_id)
        if goal is None:
            self.notify("This goal has been deleted, so it cannot be changed.", markup=False)
            return

        def after(words: str) -> None:
            try:
                reviews.note_adjustment(self.repo, self.review, goal_id, words)
            except WorkbookError as exc:
                self.notify(str(exc), title="Not saved", severity="error", markup=False)
            self.changes += 1

        acts = {
            "date": self.change_date,
            "step": self.add_step_to,
            "pause": self.pause_goal,
            "done": self.complete_goal,
            "letgo": self.let_go_goal,
        }
        if action == "pause" and goal.status == GoalStatus.PAUSED:
            self.notify("This goal is already paused.", markup=False)
            return
        if action == "step":
            # The next step typed on this page is offered, to keep as it is or change.
            self.add_step_to(goal, after, self.query_one(f"#next_step-{index}", Input).value)
            return
        acts[action](goal, after)


# Home -----------------------------------------------------------------------------------------
