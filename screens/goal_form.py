"""Setting a new goal or changing one: a form saved with Ctrl+S, never losing what was typed.

Leaving with words not saved asks first; a title, dates and an if-then plan are checked with a
plain message under the field. Everything a person typed is shown with markup off.

State flows down: the messages under the title and the date are bound to the screen's
``title_message`` and ``target_message``; whether "does it serve a long-term goal?" is shown
follows ``horizon`` as a class on the screen, for the stylesheet.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Button, Input, Label, Select

from screens.base import WorkbookScreen
from screens.dialogs import Confirm
from screens.goals import GoalDetailScreen, area_options
from screens.text import clip
from screens.widgets.message import FieldMessage
from screens.widgets.textbox import TextBox
from workbook import goals
from workbook.errors import InvalidInput
from workbook.models import Goal, Horizon, LifeArea


class GoalEditScreen(WorkbookScreen):
    """A form to set a new goal (``goal_id`` None) or change one."""

    SECTION_TITLE = "Goals"
    CSS_PATH = "goals.tcss"
    AUTO_FOCUS = "#title"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="goal_save", priority=True),
    ]

    title_message: reactive[str] = reactive("")
    target_message: reactive[str] = reactive("")
    horizon: reactive[str] = reactive(Horizon.SHORT.value, init=False)
    """The horizon chosen in the form (a short-term goal may serve a long-term one)."""

    def __init__(self, goal_id: str | None, area: LifeArea | None = None) -> None:
        super().__init__()
        self.goal_id = goal_id
        self.start_area = area
        self.has_longs = False
        self.initial: tuple[object, ...] = ()

    def body(self) -> ComposeResult:
        goal = goals.find_goal(self.repo, self.goal_id) if self.goal_id else None
        heading = "Change this goal" if goal else "Set a goal"
        with VerticalScroll(id="goal-form"):
            yield Label(heading, classes="form-heading")
            yield from self.field(
                "What is the goal?",
                "title",
                goal.title if goal else "",
                200,
                "for example: walk 20 minutes a day, or open a bank account",
            )
            yield FieldMessage(id="title-message", classes="form-message").data_bind(
                message=GoalEditScreen.title_message
            )
            yield Label("Short-term (days to weeks) or long-term (months to years)?")
            yield Select(
                [
                    ("Short-term: days to weeks", Horizon.SHORT.value),
                    ("Long-term: months to years", Horizon.LONG.value),
                ],
                value=(goal.horizon if goal else Horizon.SHORT).value,
                allow_blank=False,
                id="horizon",
                compact=True,
            )
            yield Label("Which part of life is it about?")
            area = goal.area if goal else (self.start_area or LifeArea.RECOVERY)
            yield Select(
                area_options(), value=area.value, allow_blank=False, id="area", compact=True
            )
            yield Label("Does it serve one of your long-term goals? (optional)", id="serves-label")
            longs = goals.long_term_goals(self.repo, exclude=self.goal_id)
            self.has_longs = bool(longs)
            yield Select(
                [(Text(clip(g.title, 60)), g.id) for g in longs],
                value=goal.serves if goal and goal.serves in {g.id for g in longs} else Select.NULL,
                prompt="No, it stands on its own",
                id="serves",
                compact=True,
            )
            yield from self.field(
                "Why does it matter to you?",
                "why",
                goal.why if goal else "",
                5000,
                "for example: so I can sleep better",
            )
            yield from self.field(
                "How will you know you have done it?",
                "done-when",
                goal.done_when if goal else "",
                5000,
                "for example: five walks a week for a month",
            )
            target = goal.target_date.isoformat() if goal and goal.target_date else ""
            yield from self.field(
                "A date to aim for (optional, YYYY-MM-DD)",
                "target",
                target,
                10,
                "for example 2026-12-31",
            )
            yield FieldMessage(id="target-message", classes="form-message").data_bind(
                message=GoalEditScreen.target_message
            )
            yield Label("An if-then plan helps when things get hard (optional):")
            yield TextBox(
                goal.if_situation if goal else "",
                id="if",
                compact=True,
                max_length=200,
                placeholder="If it is 6 p.m. and I feel the pull...",
            )
            yield TextBox(
                goal.then_action if goal else "",
                id="then",
                compact=True,
                max_length=200,
                placeholder="...then I call Sam and go for a walk",
            )
            if goal is None:
                yield from self.field(
                    "A first small step (optional)",
                    "first-step",
                    "",
                    200,
                    "for example: find my walking shoes",
                )
            with Horizontal(id="form-buttons"):
                yield Button("Save (Ctrl+S)", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @staticmethod
    def field(label: str, name: str, value: str, limit: int, example: str) -> ComposeResult:
        yield Label(label, markup=False)
        yield TextBox(
            value,
            id=name,
            max_length=limit,
            placeholder=example,
            compact=True,
        )

    def on_mount(self) -> None:
        self.horizon = str(self.query_one("#horizon", Select).value)
        self.watch_horizon(self.horizon)
        self.initial = self.snapshot()
        self.offer_draft()
        # Focusing the first field scrolls the form a little; show it from the top.
        form = self.query_one("#goal-form", VerticalScroll)
        self.call_after_refresh(form.scroll_home, animate=False)

    def snapshot(self) -> tuple[object, ...]:
        """Everything in the form now, to tell whether anything was typed."""
        return tuple(i.value for i in self.query(Input)) + tuple(
            s.value for s in self.query(Select)
        )

    def unsaved(self) -> bool:
        """Whether the form holds typing not saved yet (quitting asks first then)."""
        return bool(self.initial) and self.snapshot() != self.initial

    def draft_key(self) -> str:
        return f"goal:{self.goal_id or 'new'}"

    def action_back(self) -> None:
        """Leave; if something was typed and not saved, ask first so no words are lost."""
        if not self.unsaved():
            super().action_back()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.app.pop_screen()

        self.app.push_screen(
            Confirm(
                "What you typed here has not been saved yet. Ctrl+S saves it.",
                heading="Leave without saving?",
                yes="Leave without saving",
                no="Keep editing",
            ),
            answered,
        )

    def watch_horizon(self, horizon: str) -> None:
        self.set_class(horizon == Horizon.SHORT.value and self.has_longs, "-serves")

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "horizon":
            self.horizon = str(event.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "target":
            self.target_message = self.date_message(event.value)
        elif event.input.id == "title" and event.value.strip():
            self.title_message = ""

    def date_message(self, text: str) -> str:
        try:
            day = goals.parse_date(text, self.today())
        except InvalidInput as exc:
            return str(exc) if len(text.strip()) >= 10 else ""
        return goals.date_note(day, self.today())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_back()

    def value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def gather(self) -> dict[str, Any] | None:
        """The form's values, or None after showing a kind message beside the problem."""
        if not self.value("title").strip():
            self.title_message = goals.EMPTY_TITLE
            self.query_one("#title", Input).focus()
            return None
        try:
            target = goals.parse_date(self.value("target"), self.today())
        except InvalidInput as exc:
            self.target_message = str(exc)
            self.query_one("#target", Input).focus()
            return None
        horizon = Horizon(str(self.query_one("#horizon", Select).value))
        serves = self.query_one("#serves", Select).value
        return {
            "title": self.value("title"),
            "horizon": horizon,
            "area": LifeArea(str(self.query_one("#area", Select).value)),
            "why": self.value("why"),
            "done_when": self.value("done-when"),
            "target_date": target,
            "if_situation": self.value("if"),
            "then_action": self.value("then"),
            "serves": serves if isinstance(serves, str) and horizon == Horizon.SHORT else None,
        }

    def action_save(self) -> None:
        fields = self.gather()
        if fields is None:
            return
        saved: list[Goal] = []

        def save() -> None:
            if self.goal_id is None:
                first = self.value("first-step")
                saved.append(goals.add_goal(self.repo, steps=[first], **fields))
            else:
                saved.append(goals.edit_goal(self.repo, self.goal_id, **fields))

        try:
            ok = self.try_save(save)
        except InvalidInput as exc:
            self.title_message = str(exc)
            return
        if not ok:
            return
        note = goals.date_note(fields["target_date"], self.today())
        self.notify(note or "Saved.", title="Saved" if note else "", markup=False)
        self.app.pop_screen()
        if self.goal_id is None:
            self.app.push_screen(GoalDetailScreen(saved[0].id))


# Home -----------------------------------------------------------------------------------------
