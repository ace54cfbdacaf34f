"""Catch the thought, check it, change it: the thought tool, from the urges and the hard plan.

Three boxes, saved as the person types (a go with nothing in it is never stored). Above them,
the newest thoughts that helped before, to read again first.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static, TextArea

from screens.base import WorkbookScreen
from screens.text import literal
from screens.widgets.writing_area import WritingArea
from workbook import thoughts
from workbook.models import ThoughtCheck


class ThoughtScreen(WorkbookScreen):
    """One go at catching, checking and changing a thought."""

    SECTION_TITLE = "Catch it, check it, change it"
    DEFAULT_CSS = """
    ThoughtScreen #thoughts { padding: 0 2; }
    ThoughtScreen .intro, ThoughtScreen .hint, ThoughtScreen .example { color: $text-muted; }
    ThoughtScreen .intro { margin-top: 1; }
    ThoughtScreen .step-title { text-style: bold; margin-top: 1; }
    ThoughtScreen .example { text-style: italic; }
    ThoughtScreen TextArea { height: 4; }
    ThoughtScreen #helped { margin-top: 1; height: auto; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.check = ThoughtCheck()

    def body(self) -> ComposeResult:
        with VerticalScroll(id="thoughts"):
            yield Static(thoughts.INTRO, classes="intro", markup=False)
            helped = Static(self._helped_text(), id="helped", markup=False)
            helped.display = bool(thoughts.helped_before(self.repo))  # none yet: no blank line
            yield helped
            for step in thoughts.STEPS:
                yield Label(step.title, classes="step-title")
                yield Static(step.ask, markup=False)
                yield Static(step.example, classes="example", markup=False)
                yield WritingArea("", id=f"thought-{step.field}", soft_wrap=True)
            yield Static(thoughts.CREDIT, classes="hint", markup=False)
            yield Static("Saved as you type. Escape goes back.", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#thought-caught", TextArea).focus()

    def _helped_text(self) -> Text:
        """The newest thoughts that helped, exactly as written (controls made visible)."""
        before = thoughts.helped_before(self.repo)
        text = Text("Thoughts that helped before:" if before else "")
        for thought in before:
            text.append("\n  • ")
            text.append_text(literal(thought))
        return text

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        field = (event.text_area.id or "").removeprefix("thought-")
        check, text = self.check, event.text_area.text

        def save() -> None:
            self.check = thoughts.save(self.repo, check, **{field: text})

        self.try_save(save)
