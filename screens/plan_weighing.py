"""Weighing it up: four boxes about the habit and about changing, saved as you type."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static, TextArea

from screens.base import WorkbookScreen
from workbook import plan as wp
from workbook.errors import InvalidInput, WorkbookError

BOXES = ("habit_gives", "habit_costs", "change_gives", "change_costs")


class WeighingScreen(WorkbookScreen):
    """The four boxes. Tab moves between them; Escape goes back. Everything saves as you type."""

    SECTION_TITLE = "Weighing it up"

    DEFAULT_CSS = """
    WeighingScreen VerticalScroll { padding: 0 1; }
    WeighingScreen .w-intro { color: $text-muted; }
    WeighingScreen .w-label { text-style: bold; margin-top: 1; }
    WeighingScreen TextArea { height: 4; }
    WeighingScreen #w-msg { color: $text-warning; padding: 0 1; height: auto; }
    """

    def body(self) -> ComposeResult:
        text = wp.words().weighing
        saved = wp.load_weighing(self.repo)
        with VerticalScroll():
            yield Static(text.intro, classes="w-intro", markup=False)
            yield Static(text.example, classes="w-intro", markup=False)
            for box in BOXES:
                yield Label(getattr(text, box), classes="w-label", markup=False)
                area = TextArea(
                    getattr(saved, box),
                    id=f"w-{box}",
                    compact=True,
                    placeholder="your words (optional)",  # borderless: seen without colour
                )
                area.show_line_numbers = False
                yield area
        yield Static("", id="w-msg", markup=False)

    def on_mount(self) -> None:
        self.query_one("#w-habit_gives").focus()

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        box = (event.text_area.id or "").removeprefix("w-")
        value = event.text_area.text
        if getattr(wp.load_weighing(self.repo), box) == value:
            return
        msg = self.query_one("#w-msg", Static)
        try:
            wp.save_weighing(self.repo, **{box: value})
        except InvalidInput as exc:
            msg.update(str(exc))
            return
        except WorkbookError:
            self.try_save(lambda: wp.save_weighing(self.repo, **{box: value}))
            return
        msg.update("")
