"""Weighing it up: four boxes about the habit and about changing, saved as you type."""

from __future__ import annotations

from collections.abc import Callable

from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Label, Static, TextArea

from screens.base import WorkbookScreen
from screens.widgets.message import FieldMessage
from screens.widgets.writing_area import WritingArea
from workbook import plan as wp
from workbook.errors import InvalidInput, WorkbookError

BOXES = ("habit_gives", "habit_costs", "change_gives", "change_costs")


class WeighingScreen(WorkbookScreen):
    """The four boxes. Tab moves between them; Escape goes back. Everything saves as you type."""

    message: reactive[str] = reactive("")
    """What could not be saved, said under the boxes."""

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
                area = WritingArea(
                    getattr(saved, box),
                    id=f"w-{box}",
                    compact=True,
                    placeholder="your words (optional)",  # borderless: seen without colour
                )
                area.show_line_numbers = False
                yield area
        yield FieldMessage(id="w-msg", classes="").data_bind(message=WeighingScreen.message)

    def on_mount(self) -> None:
        self.query_one("#w-habit_gives").focus()

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        """Saved a moment later (``save_soon``), at once on leaving the box or the screen."""
        box = (event.text_area.id or "").removeprefix("w-")
        repo, value = self.repo, event.text_area.text
        if getattr(wp.load_weighing(repo), box) == value:
            self.drop_pending(box)
            return
        self.save_soon(box, lambda: wp.save_weighing(repo, **{box: value}))

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """Leaving a box saves what was typed in it at once."""
        if isinstance(event.widget, TextArea):
            self.save_pending()

    def run_typed_save(self, save: Callable[[], object]) -> bool:
        """A refusal is said under the boxes; a failed write is said and tried again later."""
        try:
            save()
        except InvalidInput as exc:
            self.message = str(exc)
            return False
        except WorkbookError:
            return self.try_save(save)
        self.message = ""
        return True
