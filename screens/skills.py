"""Daily-life skills: the list by group with the person's level (one skill's page is in
``screens.skill_page``).

The list shows every skill with the level the person set (not yet / learning / practising /
confident) and how many are at each level; the person can add skills of their own, with their
own steps. Everything they typed is shown with markup off.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.visual import VisualType
from textual.widgets import (
    OptionList,
    Static,
)
from textual.widgets.option_list import Option

from screens.base import WorkbookScreen
from screens.cards.skills import last_change_text, summary_text
from screens.skill_page import LIST_TITLE_WIDTH, OwnSkillDialog, SkillScreen, level_words
from screens.text import clip, literal
from screens.widgets.message import Shown
from workbook import skills
from workbook.models import OwnSkill, SkillLevel

# --- The list --------------------------------------------------------------------------------


class SkillsScreen(WorkbookScreen):
    """Every skill by group, with the person's level; Enter opens one, ``a`` adds your own."""

    summary: reactive[VisualType] = reactive("", init=False)
    """How many skills are at each level."""
    last: reactive[VisualType] = reactive("", init=False)
    """The last change of level, or what to do first."""

    SECTION_TITLE = "Daily-life skills"
    CSS_PATH = "skills.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_own", "Add own skill", id="add_own", tooltip="Add a skill of yours"),
    ]

    def body(self) -> ComposeResult:
        with Vertical(id="skills"):
            yield Static(
                "Everyday things that make life steadier. Pick one, read the guide, and "
                "say where you are with it. There is no rush.",
                id="skills-intro",
            )
            yield Shown(id="skills-summary").data_bind(shown=SkillsScreen.summary)
            yield Shown(id="skills-last", classes="muted").data_bind(shown=SkillsScreen.last)
            yield OptionList(id="skills-list")

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one("#skills-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        if self.returned():
            self.refresh_list()

    def refresh_list(self) -> None:
        """Rebuild the list and the summary from what is stored."""
        repo = self.repo
        self.summary = summary_text(repo)
        self.last = last_change_text(
            repo, "Open a skill with Enter. Press a to add one of your own."
        )
        saved = skills.all_progress(repo)
        twins = skills.duplicate_ids(repo)
        options: list[Option] = []
        for title, items in skills.groups(repo):
            options.append(Option(Text(title, style="bold"), disabled=True))
            for skill in items:
                record = saved.get(skill.id)
                level = record.level if record else SkillLevel.NOT_YET
                options.append(Option(self._row(skill, level, skill.id in twins), id=skill.id))
        listing = self.query_one("#skills-list", OptionList)
        keep = listing.highlighted_option.id if listing.highlighted_option else None
        listing.clear_options()
        listing.add_options(options)
        ids = [o.id for o in options]
        listing.highlighted = ids.index(keep) if keep is not None and keep in ids else 1

    @staticmethod
    def _row(skill: skills.Skill, level: SkillLevel, twin: bool) -> Text:
        width = LIST_TITLE_WIDTH - (8 if twin else 0)
        title = clip(literal(skill.title).plain, width)  # an own skill's name is their text
        text = Text("  ")
        text.append(title)
        if twin:
            text.append(" (twin)", style="italic")
        text.append(" " * max(1, LIST_TITLE_WIDTH - cell_len(title) - (7 if twin else 0)))
        text.append(level_words(level), style="dim" if level == SkillLevel.NOT_YET else "bold")
        return text

    @on(OptionList.OptionSelected, "#skills-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.push_screen(SkillScreen(event.option.id))

    def action_add_own(self) -> None:
        def added(own: OwnSkill | None) -> None:
            if own is not None:
                self.refresh_list()
                self.app.push_screen(SkillScreen(own.id))

        self.app.push_screen(OwnSkillDialog(), added)
