"""One daily-life skill: its guide, the step checklist, the practice log and the level.

Each tick saves at once; a practice note is typed and saved with Enter (kept as a draft if the
person is interrupted); the level picker and "make this a goal" are here too, and the dialog for
a skill of the person's own. The list of every skill is in ``screens.skills``.

State flows down: the screen holds what is stored for the skill in one reactive, ``record``
(and ``goal_made``), read again after every save; each part of the page (the level line, the
level picker, every step's tick, the practice log, the level history, the goal button) is bound
to it with ``data_bind`` and draws itself from it. No handler finds a child to poke it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import (
    Button,
    Input,
    Label,
    RadioSet,
    Static,
    TextArea,
)

from screens.base import WorkbookDialog, WorkbookScreen
from screens.dialogs import Confirm
from screens.focus import follow_scrolling
from screens.text import literal
from screens.widgets.message import FieldMessage
from screens.widgets.textbox import TextBox
from screens.widgets.ticks import Choice, Choices
from screens.widgets.writing_area import WritingArea
from workbook import skills
from workbook.errors import InvalidInput, WorkbookError
from workbook.models import OwnSkill, SkillLevel, SkillProgress

if TYPE_CHECKING:
    from workbook.storage import Repository

MARKS: dict[SkillLevel, str] = {
    SkillLevel.NOT_YET: "○",
    SkillLevel.LEARNING: "◔",
    SkillLevel.PRACTISING: "◑",
    SkillLevel.CONFIDENT: "●",
}
"""A shape per level, so the level reads without colour (the word is always shown too)."""

LIST_TITLE_WIDTH = 56
LOG_SHOWN = 20
HISTORY_SHOWN = 5
"""How many practice notes a skill shows (newest first), so a long log still opens at once."""


class StepRow(Static, can_focus=True):
    """One step of a checklist: ``[x]`` or ``[ ]`` and the words, wrapped with a hanging indent.

    Space or Enter (or a click) ticks it; up and down move between steps.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter", "tick", "Tick", show=False),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
    ]

    class Toggled(Message):
        """Posted when the person ticks or unticks the step."""

        def __init__(self, row: StepRow) -> None:
            super().__init__()
            self.row = row

    record: reactive[SkillProgress | None] = reactive(None)
    """What is stored for the skill (bound to the page's); the tick is drawn from it."""

    def __init__(self, key: str, text: str, done: bool) -> None:
        super().__init__(classes="step")
        self.key = key
        self.text = text
        self.done = done
        self.update(self._table())

    def watch_record(self, record: SkillProgress | None) -> None:
        if record is not None:
            self.set_done(self.key in record.ticked)

    def _table(self) -> Table:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(Text("[x]" if self.done else "[ ]"), literal(self.text))
        return grid

    def set_done(self, done: bool) -> None:
        self.done = done
        self.set_class(done, "done")
        self.update(self._table())

    def on_mount(self) -> None:
        self.set_class(self.done, "done")

    def action_tick(self) -> None:
        self.post_message(self.Toggled(self))

    def on_click(self) -> None:
        self.focus()
        self.action_tick()


def bullets(items: tuple[str, ...] | list[str]) -> Table:
    """A bulleted list whose wrapped lines line up under the words, not the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for item in items:
        grid.add_row(Text("•"), literal(item))
    return grid


def level_words(level: SkillLevel) -> str:
    return f"{MARKS[level]} {level.value}"


class LevelLine(Static):
    """The skill's group and the level now, drawn from the stored record."""

    record: reactive[SkillProgress | None] = reactive(None)

    def __init__(self, group_title: str, *, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self.group_title = group_title

    def watch_record(self, record: SkillProgress | None) -> None:
        if record is not None:
            self.update(f"{self.group_title} · your level now: {level_words(record.level)}")


class LevelPicker(Choices):
    """The four levels; the one pressed follows the stored record (so a level that could not be
    saved springs back to the one that is stored). The arrows start from the level stored: from
    "practising", Right is "confident" (it was "learning", from the first level, found in tmux)."""

    record: reactive[SkillProgress | None] = reactive(None, always_update=True)

    def watch_record(self, record: SkillProgress | None) -> None:
        if record is None:
            return
        for button in self.query(Choice):
            if button.name == record.level.value and not button.value:
                button.value = True


class LevelHistory(Static):
    """The skill's level changes, newest first (the last few)."""

    record: reactive[SkillProgress | None] = reactive(None)

    def watch_record(self, record: SkillProgress | None) -> None:
        if record is None:
            return
        if not record.history:
            self.update(Text("No changes yet. Set your level above whenever it feels right."))
            return
        lines = [
            f"{c.day:%a %d %b %Y}  {c.from_level.value} → {c.to_level.value}"
            for c in reversed(record.history[-HISTORY_SHOWN:])
        ]
        self.update(Text("\n".join(lines)))


class PracticeLog(Vertical):
    """The practice notes, newest first (the last few), rebuilt when the record changes."""

    record: reactive[SkillProgress | None] = reactive(None, recompose=True)

    def compose(self) -> ComposeResult:
        if self.record is None:
            return
        entries = list(reversed(self.record.practice))
        if not entries:
            yield Static(
                "Nothing here yet. A line each time you practise shows how far you have come.",
                classes="muted",
            )
            return
        for e in entries[:LOG_SHOWN]:
            yield Static(self._entry(e.day, e.note), classes="entry")
        if len(entries) > LOG_SHOWN:
            yield Static(
                f"…and {len(entries) - LOG_SHOWN} earlier notes, all kept.", classes="muted"
            )

    @staticmethod
    def _entry(day: date, note: str) -> Table:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(Text(f"{day:%a %d %b %Y}"), literal(note))
        return grid


class GoalButton(Button):
    """ "Make this a goal", or "Already a goal" once it is one."""

    made: reactive[bool] = reactive(False)

    def watch_made(self, made: bool) -> None:
        self.label = "Already a goal ✓" if made else "Make this a goal (g)"


# --- One skill -------------------------------------------------------------------------------


class SkillScreen(WorkbookScreen):
    """One skill: level, guide, steps (ticks save at once), practice log, make a goal."""

    SECTION_TITLE = "Daily-life skills"
    CSS_PATH = "skills.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "note", "Practice note", id="note", tooltip="Write what you practised"),
        Binding("g", "make_goal", "Make a goal", id="make_goal", tooltip="Make this a goal"),
        Binding("e", "edit", "Edit", id="edit", tooltip="Change your own skill"),
    ]

    record: reactive[SkillProgress | None] = reactive(None, always_update=True, init=False)
    """What is stored for this skill: every part of the page is drawn from it."""
    goal_made: reactive[bool] = reactive(False, init=False)
    """Whether the skill is already one of the person's goals."""

    def __init__(self, skill_id: str) -> None:
        super().__init__()
        self.skill_id = skill_id

    @property
    def skill(self) -> skills.Skill:
        return skills.get_skill(self.repo, self.skill_id)

    def reload(self) -> None:
        """Read what is stored again; the page follows."""
        self.record = skills.progress(self.repo, self.skill_id)
        self.goal_made = skills.goal_for(self.repo, self.skill_id) is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit":
            return self.skill_id.startswith("own-")
        return True

    def body(self) -> ComposeResult:
        skill = self.skill
        self.reload()
        record = self.record
        assert record is not None  # just read
        bound = SkillScreen.record
        with VerticalScroll(id="skill"):
            yield Static(literal(skill.title, style="bold"), id="skill-title")
            yield LevelLine(skill.group_title, id="level-line").data_bind(bound)
            with LevelPicker(id="skill-level").data_bind(bound):
                for level in skills.LEVELS:
                    yield Choice(level.value, value=level == record.level, name=level.value)
            yield from self._guide(skill)
            yield Label("Steps (Space ticks a step; ticks are saved)", classes="heading")
            with Vertical(id="skill-steps"):
                for step in skill.steps:
                    yield StepRow(step.key, step.text, step.key in record.ticked).data_bind(bound)
            if not skill.steps:
                yield Static("No steps yet. Press e to add some.", classes="muted")
            yield from self._after_steps(skill)
            yield Label("Practice log", classes="heading")
            with Horizontal(id="note-row"):
                yield TextBox(
                    placeholder="What did you do, and how did it go?",
                    id="note-input",
                    max_length=5000,
                )
                yield Button("Add", id="note-add")
            yield PracticeLog(id="practice-log").data_bind(bound)
            yield Label("How your level has changed", classes="heading")
            yield LevelHistory(id="level-history").data_bind(bound)
            with Horizontal(id="skill-actions"):
                yield GoalButton("", id="make-goal").data_bind(made=SkillScreen.goal_made)
                if skill.own:
                    yield Button("Edit (e)", id="edit-own")
                    yield Button("Remove", id="remove-own", variant="error")

    def _guide(self, skill: skills.Skill) -> ComposeResult:
        if skill.why:
            yield Label("Why it matters", classes="heading")
            yield Static(literal(skill.why), classes="prose")
        if skill.need:
            yield Label("What you need", classes="heading")
            yield Static(bullets(skill.need), classes="prose")

    def _after_steps(self, skill: skills.Skill) -> ComposeResult:
        if skill.snags:
            yield Label("If you get stuck", classes="heading")
            for snag in skill.snags:
                yield Static(f"“{snag.snag}”", markup=False, classes="snag")
                yield Static(snag.what_to_do, markup=False, classes="prose indent")
        if skill.practise:
            yield Label("Practise this week", classes="heading")
            yield Static(bullets(skill.practise), classes="prose")

    def on_mount(self) -> None:
        self.query_one(LevelPicker).focus()
        follow_scrolling(self.query_one("#skill", VerticalScroll))
        self.offer_draft()

    # Saving: each handler saves, then reads the record again; the page follows ---------------

    @on(RadioSet.Changed, "#skill-level")
    def _level(self, event: RadioSet.Changed) -> None:
        if event.pressed.name is None:  # every level button is named; nothing to save
            return
        level = SkillLevel(event.pressed.name)
        if self.record is None or level == self.record.level:
            return
        today = self.today()
        saved = self.try_save(
            lambda: skills.set_level(self.repo, self.skill_id, level, today),
            f"Level saved: {level.value}.",
        )
        if saved:
            self.reload()
        else:
            # Not saved: the picker shows the stored level again once it has settled.
            self.call_after_refresh(self.reload)

    @on(StepRow.Toggled)
    def _tick(self, event: StepRow.Toggled) -> None:
        row = event.row
        done = not row.done
        today = self.today()
        if self.try_save(lambda: skills.tick_step(self.repo, self.skill_id, row.key, done, today)):
            self.reload()

    def unsaved(self) -> bool:
        """A practice note typed and not added yet (quitting asks; F9 keeps it as a draft)."""
        boxes = self.query("#note-input")
        return bool(boxes) and bool(boxes.first(Input).value.strip())

    def draft_key(self) -> str:
        return f"skill-note:{self.skill_id}"

    @on(Button.Pressed, "#note-add")
    @on(Input.Submitted, "#note-input")
    def _add_note(self) -> None:
        box = self.query_one("#note-input", Input)
        today = self.today()
        if self.try_save(
            lambda: skills.add_practice(self.repo, self.skill_id, box.value, today),
            "Practice note saved.",
        ):
            box.value = ""
            self.reload()

    @on(Button.Pressed, "#make-goal")
    def action_make_goal(self) -> None:
        if self.goal_made:
            self.notify("This skill is already one of your goals; you will find it under Goals.")
            return
        today = self.today()
        if self.try_save(
            lambda: skills.make_goal(self.repo, self.skill_id, today),
            "Made a goal from this skill, with its steps. You will find it under Goals.",
        ):
            self.reload()

    def action_note(self) -> None:
        box = self.query_one("#note-input", Input)
        box.focus()
        box.scroll_visible()

    @on(Button.Pressed, "#edit-own")
    def action_edit(self) -> None:
        own = self.repo.find(OwnSkill, self.skill_id)
        if own is None:
            return

        def edited(result: OwnSkill | None) -> None:
            if result is not None:
                self.refresh(recompose=True)
                self.call_after_refresh(self.on_mount)

        self.app.push_screen(OwnSkillDialog(own), edited)

    @on(Button.Pressed, "#remove-own")
    def _remove(self) -> None:
        def answered(sure: bool | None) -> None:
            if sure and self.try_save(
                lambda: skills.remove_own_skill(self.repo, self.skill_id),
                "Removed.",
            ):
                self.app.pop_screen()

        self.app.push_screen(
            Confirm("Remove this skill, its ticks and its practice notes?", yes="Yes, remove"),
            answered,
        )


# --- Dialogs ---------------------------------------------------------------------------------


class OwnSkillDialog(WorkbookDialog[OwnSkill | None]):
    """Add (or change) a skill of the person's own: a name, why (optional), and steps."""

    error: reactive[str] = reactive("")
    """What needs changing before the skill can be saved."""

    CSS_PATH = "skills.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(self, existing: OwnSkill | None = None) -> None:
        super().__init__()
        self.existing = existing

    def compose(self) -> ComposeResult:
        own = self.existing
        with Vertical(id="own-dialog", classes="dialog"):
            yield Label(
                "Change your skill" if own else "Add a skill of your own", classes="dialog-title"
            )
            yield Label("Name (e.g. Iron a shirt, Read a payslip)")
            yield TextBox(own.title if own else "", id="own-title", max_length=200)
            yield Label("Why it matters to you (optional)")
            yield TextBox(own.why if own else "", id="own-why", max_length=5000)
            yield Label("Steps, one on each line (or later). Ctrl+S saves, Escape cancels.")
            steps = "\n".join(s.text for s in own.steps) if own else ""
            yield WritingArea(steps, id="own-steps", soft_wrap=True, show_line_numbers=False)
            yield FieldMessage(id="own-error", classes="").data_bind(message=OwnSkillDialog.error)
            with Horizontal(classes="buttons"):
                yield Button("Save", id="own-save", variant="primary")
                yield Button("Cancel", id="own-cancel")

    @on(Button.Pressed, "#own-save")
    def action_save(self) -> None:
        title = self.query_one("#own-title", Input).value
        why = self.query_one("#own-why", Input).value
        steps = self.query_one("#own-steps", TextArea).text.splitlines()
        repo = self._repo()
        try:
            if self.existing is None:
                own = skills.add_own_skill(repo, title, steps, why)
            else:
                own = skills.update_own_skill(repo, self.existing.id, title, steps, why)
        except InvalidInput as exc:
            self.error = str(exc)
            return
        except WorkbookError as exc:
            self.notify(str(exc), title="Not saved", severity="error", markup=False, timeout=10)
            return
        if skills.duplicate_ids(repo) & {own.id}:
            self.notify(
                "Saved. Another skill has the same name; it is marked (twin) in the list.",
                markup=False,
            )
        self.dismiss(own)

    def on_mount(self) -> None:
        self.query_one("#own-title", Input).focus()

    @on(Input.Submitted, "#own-title")
    def _next(self) -> None:
        self.query_one("#own-why", Input).focus()

    @on(Input.Submitted, "#own-why")
    def _to_steps(self) -> None:
        self.query_one("#own-steps", TextArea).focus()

    @on(Button.Pressed, "#own-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def _repo(self) -> Repository:
        from screens.app import WorkbookApp

        assert isinstance(self.app, WorkbookApp) and self.app.repo is not None
        return self.app.repo
