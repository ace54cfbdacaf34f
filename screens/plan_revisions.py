"""Revisions of the change plan: a dated copy kept each time it was finished or reviewed."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.base import WorkbookScreen
from screens.plan_summary import plan_text
from screens.text import day_text
from workbook import plan as wp
from workbook.models import PlanRevision, RevisionKind

KIND_WORDS = {
    RevisionKind.FINISHED: "finished the walk",
    RevisionKind.REVIEWED: "marked reviewed",
}
WHEN_WORDS = {
    RevisionKind.FINISHED: "finished the walk",
    RevisionKind.REVIEWED: "marked the plan reviewed",
}


class RevisionsScreen(WorkbookScreen):
    """Every kept copy of the plan, newest first. Enter shows one."""

    SECTION_TITLE = "My change plan · revisions"

    DEFAULT_CSS = """
    RevisionsScreen #rev-intro { padding: 0 1; color: $text-muted; }
    RevisionsScreen OptionList { height: 1fr; }
    """

    def body(self) -> ComposeResult:
        kept = list(reversed(wp.revisions(self.repo)))
        if not kept:
            yield Static(
                "No copies yet. One is kept each time you finish the plan or mark it reviewed.",
                id="rev-intro",
                markup=False,
            )
            return
        yield Static(
            "A dated copy is kept each time you finish the plan or mark it reviewed. "
            "Enter shows one, and what changed since the copy before it.",
            id="rev-intro",
            markup=False,
        )
        yield OptionList(
            *[Option(Text(f"{day_text(r.day)} · {KIND_WORDS[r.kind]}"), id=r.id) for r in kept],
            id="rev-list",
        )

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        revision = self.repo.find(PlanRevision, event.option.id or "")
        if revision is not None:
            self.app.push_screen(RevisionScreen(revision))


class RevisionScreen(WorkbookScreen):
    """One kept copy, read-only, then what changed since the copy before it."""

    SECTION_TITLE = "My change plan · a kept copy"

    DEFAULT_CSS = """
    RevisionScreen VerticalScroll { padding: 0 1; }
    RevisionScreen .rev-title { text-style: bold; margin-top: 1; }
    RevisionScreen .rev-note { color: $text-muted; }
    """

    def __init__(self, revision: PlanRevision) -> None:
        super().__init__()
        self.revision = revision

    def body(self) -> ComposeResult:
        revision = self.revision
        previous = wp.previous_revision(self.repo, revision)
        with VerticalScroll(can_focus=True, id="rev-body"):
            yield Static(
                f"Kept on {day_text(revision.day)}, when you {WHEN_WORDS[revision.kind]}. "
                "This copy cannot be changed.",
                classes="rev-note",
                markup=False,
            )
            yield Static("What changed", classes="rev-title", markup=False)
            yield Static(self._changes(previous), id="rev-changes")
            yield Static("The plan as it was", classes="rev-title", markup=False)
            yield from plan_text(revision.answers)

    def _changes(self, previous: PlanRevision | None) -> Text:
        if previous is None:
            return Text("This is the first copy kept, so everything in it is new.", style="dim")
        diff = wp.diff_answers(previous.answers, self.revision.answers)
        text = Text(f"Since {day_text(previous.day)}:\n")
        if not diff:
            text.append("Nothing changed.", style="dim")
            return text
        for section in diff:
            text.append(f"{section.title}\n", style="bold")
            if len(section.added) == len(section.removed) == 1:
                # One answer changed (a rating, a reworded line): said as a change, not as an
                # addition beside a removal.
                text.append(f"  changed from {section.removed[0]} to {section.added[0]}\n")
                continue
            for line in section.added:
                text.append(f"  + added: {line}\n")
            for line in section.removed:
                text.append(f"  - taken out: {line}\n")
        text.rstrip()
        return text

    def on_mount(self) -> None:
        self.query_one("#rev-body").focus()
