"""What matters most: pick or write values, choose a top five, then place the habit among them."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.option_list import OptionDoesNotExist

from screens.base import WorkbookScreen
from screens.widgets.message import FieldMessage
from screens.widgets.ruler import Ruler
from screens.widgets.textbox import TextBox
from screens.widgets.ticks import TickList
from workbook import plan as wp
from workbook.errors import InvalidInput, WorkbookError
from workbook.models import SHORT_TEXT_MAX, TOP_VALUES


class TopFive(Static):
    """ "Your top five: 1. ... 2. ...", drawn from the top values saved."""

    top: reactive[tuple[str, ...]] = reactive(())

    def watch_top(self, top: tuple[str, ...]) -> None:
        order = "  ".join(f"{n}. {v}" for n, v in enumerate(top, start=1))
        self.update(f"Your top five: {order}" if top else "")


class ValuesScreen(WorkbookScreen):
    """Values to pick (Space), a box for your own, the top five, and where the habit sits."""

    SECTION_TITLE = "What matters most"

    DEFAULT_CSS = """
    ValuesScreen VerticalScroll { padding: 0 1; }
    ValuesScreen .v-intro { color: $text-muted; }
    ValuesScreen .v-label { text-style: bold; margin-top: 1; }
    ValuesScreen #v-words { height: 8; }
    ValuesScreen #v-top { height: auto; max-height: 8; }
    ValuesScreen #v-order { color: $text-muted; }
    ValuesScreen #v-msg { color: $text-warning; padding: 0 1; height: auto; }
    """

    top: reactive[tuple[str, ...]] = reactive((), init=False)
    """The top five as saved, in order (drawn under the list)."""
    message: reactive[str] = reactive("", init=False)
    """What could not be saved, or the most that can be picked (drawn at the bottom)."""

    def body(self) -> ComposeResult:
        text = wp.words().values
        saved = wp.load_values(self.repo)
        offered = list(dict.fromkeys([*text.words, *saved.chosen]))
        with VerticalScroll():
            yield Static(text.intro, classes="v-intro", markup=False)
            yield Label(text.pick, classes="v-label", markup=False)
            yield TickList[str](
                *[(word, word, word in saved.chosen) for word in offered], id="v-words"
            )
            yield Label(text.own, classes="v-label", markup=False)
            yield TextBox(placeholder="a value of my own", id="v-own", max_length=SHORT_TEXT_MAX)
            yield Label(text.top, classes="v-label", markup=False)
            yield TickList[str](id="v-top")
            yield TopFive("", id="v-order", markup=False).data_bind(ValuesScreen.top)
            yield Label(text.place, classes="v-label", markup=False)
            yield Ruler(
                1,
                TOP_VALUES + 1,
                saved.habit_place,
                words=text.place_words,
                words_only=True,
                id="v-place",
            )
            yield Label(text.notice, classes="v-label", markup=False)
            yield TextBox(saved.notice, id="v-notice", max_length=5000)
        yield FieldMessage(id="v-msg", classes="").data_bind(message=ValuesScreen.message)

    def on_mount(self) -> None:
        self._fill_top()
        words = self.query_one("#v-words", SelectionList)
        words.highlighted = 0
        words.focus()

    def _fill_top(self) -> None:
        """Offer the chosen values for the top five, keeping the saved order."""
        saved = wp.load_values(self.repo)
        top = self.query_one("#v-top", SelectionList)
        with top.prevent(SelectionList.SelectedChanged):
            top.clear_options()
            top.add_options([(v, v) for v in saved.chosen])
            for value in saved.top:
                top.select(value)
        if saved.chosen:
            top.highlighted = 0
        self.top = tuple(saved.top)

    def _save(self, **fields: object) -> bool:
        try:
            wp.save_values(self.repo, **fields)
        except InvalidInput as exc:
            self.message = str(exc)
            return False
        except WorkbookError:
            return self.try_save(lambda: wp.save_values(self.repo, **fields))
        self.message = ""
        return True

    @on(SelectionList.SelectedChanged, "#v-words")
    def _picked(self, event: SelectionList.SelectedChanged[str]) -> None:
        chosen = list(event.selection_list.selected)
        if chosen != wp.load_values(self.repo).chosen and self._save(chosen=chosen):
            self._fill_top()

    @on(SelectionList.SelectedChanged, "#v-top")
    def _topped(self, event: SelectionList.SelectedChanged[str]) -> None:
        top = list(event.selection_list.selected)
        if len(top) > TOP_VALUES:
            self.message = "Five is the most. Unpick one first, then pick this one."
            with event.selection_list.prevent(SelectionList.SelectedChanged):
                event.selection_list.deselect(top[-1])
            return
        if top != wp.load_values(self.repo).top and self._save(top=top):
            self.top = tuple(top)

    @on(Input.Submitted, "#v-own")
    def _own(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            return
        saved = wp.load_values(self.repo)
        if self._save(chosen=[*saved.chosen, value]):
            words = self.query_one("#v-words", SelectionList)
            if value not in saved.chosen:
                with words.prevent(SelectionList.SelectedChanged):
                    try:
                        words.get_option(value)
                    except OptionDoesNotExist:
                        words.add_option((value, value))
                    words.select(value)
            event.input.value = ""
            self._fill_top()

    @on(Ruler.Changed, "#v-place")
    def _placed(self, event: Ruler.Changed) -> None:
        if event.value != wp.load_values(self.repo).habit_place:
            self._save(habit_place=event.value)

    @on(Input.Changed, "#v-notice")
    def _noticed(self, event: Input.Changed) -> None:
        if event.value != wp.load_values(self.repo).notice:
            self._save(notice=event.value)
