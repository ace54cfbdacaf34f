"""My plan for hard moments: seven short parts, one per screen, saved as you type.

After the last part comes a one-page summary; from it a digit jumps back to any part. The
hard-moment screen (F1) shows this plan's next steps through :func:`hard_moment_part`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Label, Static, TextArea

from screens.base import WorkbookScreen
from screens.widgets.writing_area import WritingArea
from workbook import hard_plan, safety
from workbook.errors import WorkbookError
from workbook.models import HardMomentsPlan

NOT_WRITTEN = "(not written yet)"


class PlanOnOnePage(Static):
    """Every part of the plan on the summary page, a line or two each, drawn from the plan as
    stored (one widget for the whole page: a widget per part cost as much to style as the
    rest of the screen)."""

    plan: reactive[HardMomentsPlan | None] = reactive(None)

    def __init__(self, sections: list[hard_plan.Section]) -> None:
        super().__init__("", id="summary-parts")
        self.sections = sections

    def watch_plan(self, plan: HardMomentsPlan | None) -> None:
        if plan is not None:
            lines = [summary_line(n, s, plan) for n, s in enumerate(self.sections, 1)]
            self.update(Text("\n").join(lines))


class HardPlanScreen(WorkbookScreen):
    """The guided plan for hard moments, then a summary of it on one page."""

    SECTION_TITLE = "My plan for hard moments"
    AUTO_FOCUS = ""  # each page focuses its own first field (see watch_page)
    BINDINGS: ClassVar[list[BindingType]] = [
        # PgDn/PgUp as in the change plan and the weekly review; ctrl+n/ctrl+b still work.
        Binding("pagedown,ctrl+n", "turn(1)", "Next part", id="next_part", priority=True),
        Binding("pageup,ctrl+b", "turn(-1)", "Back a part", id="previous_part", priority=True),
        *[Binding(str(n), f"part({n})", show=False) for n in range(1, 10)],
        Binding(
            "ctrl+t",
            "thought",
            "Check a thought",
            id="thought_tool",
            priority=True,
            tooltip="Catch a thought, check it, change it",
        ),
    ]
    DEFAULT_CSS = """
    HardPlanScreen .plan-page { padding: 0 1; }
    HardPlanScreen .part-title { text-style: bold; color: $primary; }
    HardPlanScreen .part-intro { color: $text-muted; }
    HardPlanScreen .part-safety { margin-top: 1; padding: 0 1; border-left: thick $warning; }
    HardPlanScreen .spaced { margin-bottom: 1; }
    HardPlanScreen .prompt-label { text-style: bold; margin-top: 1; }
    HardPlanScreen .prompt-example, HardPlanScreen .prompt-hint { color: $text-muted; }
    HardPlanScreen .prompt-example { text-style: italic; }
    HardPlanScreen TextArea { height: 5; }
    HardPlanScreen .plan-footer { color: $text-muted; margin-top: 1; }
    """

    page: reactive[int] = reactive(-1, init=False)
    """Which part is shown: 0 to 6, or the summary (one past the last part)."""
    plan: reactive[HardMomentsPlan | None] = reactive(None, init=False)
    """The plan as stored, read again each time the summary is shown (its lines follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.sections = hard_plan.content().section
        self._refused: set[str] = set()

    @property
    def summary_page(self) -> int:
        return len(self.sections)

    def body(self) -> ComposeResult:
        # Only the summary is built now; each part (a few text boxes each) is built the first
        # time it is shown. Building all of them at once made the screen slow to open.
        plan = hard_plan.load(self.repo)
        with (
            ContentSwitcher(id="plan-pages"),
            VerticalScroll(id="summary", classes="plan-page"),
        ):
            yield from self._summary(plan)

    def on_mount(self) -> None:
        plan = hard_plan.load(self.repo)
        self.page = 0 if hard_plan.is_empty(plan) else self.summary_page

    async def watch_page(self, page: int) -> None:
        switcher = self.query_one("#plan-pages", ContentSwitcher)
        if page >= self.summary_page:
            self.plan = hard_plan.load(self.repo)
            switcher.current = "summary"
            self.query_one("#summary", VerticalScroll).focus()
        else:
            ident = f"part-{page}"
            if not switcher.query_children(f"#{ident}"):
                plan = hard_plan.load(self.repo)
                part = VerticalScroll(
                    *self._part(page, plan), id=ident, classes="plan-page", can_focus=False
                )
                await switcher.add_content(part)
            switcher.current = ident
            self.query_one(f"#{ident}").query(TextArea).first().focus()

    def _part(self, index: int, plan: HardMomentsPlan) -> list[Widget]:
        section = self.sections[index]
        widgets: list[Widget] = [
            Static(
                f"Part {index + 1} of {len(self.sections)}: {section.title}",
                classes="part-title",
            ),
            Static(section.intro, classes="part-intro"),
        ]
        if index == 0:
            widgets.insert(1, Static(hard_plan.content().intro, classes="part-intro spaced"))
        facts = safety.words()
        for name in section.safety:
            withdrawal = f"{facts.withdrawal.text} {facts.withdrawal.opioids}"
            fact = facts.tolerance.text if name == "tolerance" else withdrawal
            widgets.append(Static(fact, classes="part-safety", markup=False))
        for prompt in section.prompt:
            widgets.append(Label(prompt.label, classes="prompt-label"))
            widgets.append(Static(f"For example: {prompt.example}", classes="prompt-example"))
            if prompt.hint:
                widgets.append(Static(prompt.hint, classes="prompt-hint"))
            widgets.append(
                WritingArea(
                    getattr(plan, prompt.field), id=f"answer-{prompt.field}", soft_wrap=True
                )
            )
        last = index == len(self.sections) - 1
        onward = "see it all on one page" if last else "go on to the next part"
        widgets.append(
            Static(
                f"Saved as you type. Press PgDn (or ctrl+n) to {onward}. "
                "Ctrl+T opens the thought tool: catch a thought, check it, change it.",
                classes="plan-footer",
            )
        )
        return widgets

    def _summary(self, plan: HardMomentsPlan) -> list[Widget]:
        widgets: list[Widget] = [
            Static("Your plan on one page", classes="part-title"),
            Static(
                "Press a part's number to change it, or PgUp to go back.",
                classes="part-intro spaced",
            ),
        ]
        self.set_reactive(HardPlanScreen.plan, plan)
        widgets.append(PlanOnOnePage(self.sections).data_bind(HardPlanScreen.plan))
        return widgets

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        field = (event.text_area.id or "").removeprefix("answer-")
        if field not in hard_plan.ANSWER_FIELDS:
            return
        try:
            hard_plan.save_answer(self.repo, field, event.text_area.text)
        except WorkbookError as exc:
            if field not in self._refused:  # say it once, not on every key
                self.notify(str(exc), title="Not saved", severity="error", markup=False)
            self._refused.add(field)
            return
        self._refused.discard(field)

    def action_thought(self) -> None:
        from screens.thoughts import ThoughtScreen

        self.app.push_screen(ThoughtScreen())

    def action_turn(self, step: int) -> None:
        self.page = max(0, min(self.summary_page, self.page + step))

    def action_part(self, number: int) -> None:
        if self.page == self.summary_page and 1 <= number <= len(self.sections):
            self.page = number - 1


def summary_line(number: int, section: hard_plan.Section, plan: HardMomentsPlan) -> Text:
    """One part of the plan in a line or two: its title, then each answer with a short lead-in."""
    text = Text()
    text.append(f"{number}. {section.title}: ", style="bold")
    answered = [(p.short, getattr(plan, p.field).strip()) for p in section.prompt]
    answered = [(lead, words) for lead, words in answered if words]
    if not answered:
        text.append(NOT_WRITTEN, style="dim")
    for index, (lead, words) in enumerate(answered):
        if index:
            text.append(" · ")
        if lead and not _repeats(lead, section.title):
            text.append(f"{lead}: ", style="italic")
        text.append(words)
    return text


def _repeats(lead: str, title: str) -> bool:
    """Whether a lead-in only says the part's title again ("Triggers: My triggers: ...")."""
    return lead.lower().removeprefix("my ").strip() == title.lower().strip()


def hard_moment_part(screen: WorkbookScreen) -> list[Widget]:
    """The person's own next steps from their plan: warning signs, then what they'll do."""
    steps = hard_plan.next_steps(hard_plan.load(screen.repo))
    text = Text()
    if not steps:
        text.append(
            "When you feel ready, you can write a plan for hard moments (h on Home).",
            style="dim",
        )
    else:
        text.append("My plan for hard moments", style="bold")
        for lead, words in steps:
            text.append(f"\n{lead}: ")
            text.append(words)
    part = Static(text, classes="hard-moment-plan")
    part.styles.margin = (1, 0, 0, 0)
    return [part]
