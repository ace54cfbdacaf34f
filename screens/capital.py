"""The life check-in: ten areas of life, a small scale each, and what would make each one better.

Every rating and every line of words is saved at once into today's check-in. Above the areas,
once there is a check-in before, the trend area by area as little bars with words beside them,
and the two areas that moved most. Any area can become a goal (in the matching life area, linked
back). Our own check-in: no total, nothing to pass, not any published scale.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from screens.base import WorkbookScreen
from screens.widgets.message import Shown
from screens.widgets.ruler import Ruler
from screens.widgets.textbox import TextBox
from workbook import capital
from workbook.models import (
    CAPITAL_HIGH,
    CAPITAL_LOW,
    SHORT_TEXT_MAX,
    CapitalArea,
    CapitalCheckin,
)

if TYPE_CHECKING:
    from textual.css.query import QueryType

INTRO = (
    "Ten parts of life, one small scale each. This is your own check-in: there is no score to "
    "reach and no wrong answer. It is offered every four weeks, and you can do it any time."
)
TREND_HEADING = "How each area feels now, and over time (oldest on the left)"
HOW_TO_ANSWER = "On each scale press 1 to 5 (or use the arrow keys); Tab moves on."
SAVED = "Saved as you go. Escape goes back."
CREDIT = (
    "The areas follow the idea of recovery capital: the strengths in a life that help "
    "recovery last. The words are our own; this is not a test or a validated measure."
)


AREA_ROWS = 9
"""Rows an area takes at 80 columns: its name and question, the scale, the box (with margins)."""
ABOVE_AREAS = 11
"""Rows above the first area with no trend: the top bar, the intro, the due line, "Today", the
hint, and the footer below."""
TREND_ROWS = 14
"""Rows the trend takes once an area was rated: its heading, the ten areas, "moved most"."""


def areas_in_sight(window_rows: int, has_trend: bool) -> int:
    """How many areas can be in sight when the screen opens (the first at least: it has the
    focus; more, never fewer, where the words wrap). The others wait until they are reached."""
    rows = window_rows - ABOVE_AREAS - (TREND_ROWS if has_trend else 0)
    return min(len(CapitalArea), max(1, -(-rows // AREA_ROWS)))


class AreaFacts(NamedTuple):
    """What the ten areas are built from."""

    current: CapitalCheckin
    """Today's check-in (or an empty one)."""
    last: CapitalCheckin | None
    """The last rated check-in before today, for "Last time: ..."."""
    with_goals: set[CapitalArea]
    """The areas a goal was made from."""


def goal_label(made: bool) -> str:
    """The words on an area's goal button: whether a goal was made from it."""
    return "A goal ✓" if made else "Make a goal"


def key_of(area: CapitalArea) -> str:
    """The id part for an area's widgets: ``home``, ``mind``..."""
    return area.name.lower()


def area_of(widget_id: str | None) -> CapitalArea:
    """The area a widget belongs to, from its id (``rate-home`` -> HOME)."""
    return CapitalArea[(widget_id or "").split("-", 1)[1].upper()]


def focus_stops(root: Widget) -> list[Widget]:
    """What can take the focus under ``root`` (and shown), in the order they are in the DOM."""
    stops: list[Widget] = []
    for child in root.displayed_children:
        if child.focusable:
            stops.append(child)
        if child.allow_focus_children():
            stops += focus_stops(child)
    return stops


class AreaQuestion(Static):
    """An area's name (bold) and its question (muted): one widget. Until its area is reached,
    it stands in for the whole area.

    Ten areas of a scale, a box and a goal button were built and styled to open the screen
    (issue 20), though one or two are in sight. An area out of sight is its question alone,
    waiting (class ``-waiting``): padded to the rows the area will take, so the scroll bar
    and every scroll are as they will be, and in the Tab order in the area's place. Tab,
    Shift+Tab, a click or a scroll that reaches it has the screen build the rest of the area
    (``CapitalScreen.reach``).
    """

    waiting: reactive[bool] = reactive(True, toggle_class="-waiting")
    """Whether the area's scale, box and button are still to be built (class ``-waiting``)."""

    def __init__(self, content: Content, area: CapitalArea, waiting: bool) -> None:
        classes = "question -waiting" if waiting else "question"  # born with it: styled once
        super().__init__(content, id=f"area-{key_of(area)}", classes=classes, markup=False)
        self.area = area
        self.set_reactive(AreaQuestion.waiting, waiting)

    def allow_focus(self) -> bool:
        return self.waiting  # in the Tab order only as a stand-in for the area

    class Reached(Message):
        """The waiting question was focused some other way than Tab (a click)."""

        def __init__(self, question: AreaQuestion) -> None:
            super().__init__()
            self.question = question

    def on_focus(self) -> None:
        if self.waiting:
            self.post_message(self.Reached(self))


class CapitalScreen(WorkbookScreen):
    """Today's life check-in, the trend, and "make this a goal" from any area."""

    SECTION_TITLE = "Life check-in"
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = ""  # it focuses its first field itself: see WorkbookScreen.AUTO_FOCUS

    facts: AreaFacts
    """What the areas are built from (read once, when the screen is composed)."""

    due: reactive[str] = reactive("", init=False)
    """When the next life check-in is due (or that today's is begun)."""
    trend: reactive[str] = reactive("", init=False)
    """Each area's ratings over time, one row an area."""
    moved_most: reactive[str] = reactive("", init=False)
    """The two areas that moved most since last time."""
    has_trend: reactive[bool] = reactive(False, init=False)
    """Whether any check-in was rated yet (the trend shows from the first rating)."""

    def show_history(self, history: list[CapitalCheckin]) -> None:
        """Set what the screen shows from the history; the bound parts draw themselves."""
        self.due = capital.due_line(history, self.today())
        self.trend = "\n".join(capital.trend_rows(history))
        self.moved_most = capital.moved_most_line(history)
        self.has_trend = bool(capital.rated(history))

    def watch_has_trend(self, shown: bool) -> None:
        self.set_class(shown, "-trend")
        # The trend appearing above (after the first rating) pushes the scale just rated
        # down, off a short window: keep it in sight (two refreshes on: the first comes
        # before the trend is laid out).
        focused = self.focused
        if shown and focused is not None:
            self.call_after_refresh(
                lambda: self.call_after_refresh(focused.scroll_visible, animate=False)
            )

    def body(self) -> ComposeResult:
        today = self.today()
        history = capital.history(self.repo)
        self.show_history(history)
        done = capital.rated([c for c in history if c.day < today])
        current = capital.on_day(self.repo, today) or CapitalCheckin(day=today)
        with_goals = capital.areas_with_goals(self.repo)  # read once, not once an area
        with VerticalScroll(id="capital"):
            # The introduction (muted) and when the next one is due (bold): one widget.
            due = Shown(
                id="due", classes="intro", above=(INTRO, ""), shown_style="bold $foreground"
            )
            yield due.data_bind(shown=CapitalScreen.due)
            yield from self._trend()
            yield Static(  # the heading (bold) and how to answer (muted): one widget
                Content.assemble(("Today", "bold $foreground"), "\n", HOW_TO_ANSWER),
                id="today",
                markup=False,
            )
            # The areas in sight when it opens are built whole; the others are their question
            # alone until they are reached (see AreaQuestion).
            self.facts = AreaFacts(current, done[-1] if done else None, with_goals)
            shown = areas_in_sight(self.app.size.height, self.has_trend)
            for number, area in enumerate(CapitalArea, start=1):
                yield self._question(number, area, waiting=number > shown)
                if number <= shown:
                    ruler, box, button = self._fields(area)
                    yield ruler
                    yield Horizontal(box, button, classes="row")
            yield Static(f"{CREDIT}\n\n{SAVED}", id="credit", classes="hint", markup=False)

    def _trend(self) -> ComposeResult:
        """The trend, shown (by the screen's class ``-trend``) once any area was rated."""
        with Vertical(id="trend-box"):
            # The heading (bold; it wraps in a narrow window) and the rows: one widget.
            trend = Shown(id="trend", above=(TREND_HEADING, "bold"))
            yield trend.data_bind(shown=CapitalScreen.trend)
            yield Shown(id="moved-most").data_bind(shown=CapitalScreen.moved_most)

    def _question(self, number: int, area: CapitalArea, waiting: bool) -> AreaQuestion:
        last = self.facts.last
        words = capital.AREAS[area]
        before = last.answer(area) if last else None
        question = words.question
        if before is not None and before.rating is not None:
            question += f"  Last time: {before.rating} {capital.scale_word(before.rating)}."
        name = (f"{number}. {words.name}", "bold $foreground")
        return AreaQuestion(Content.assemble(name, "\n", question), area, waiting)

    def _fields(self, area: CapitalArea) -> tuple[Ruler, TextBox, Button]:
        """An area's scale, its box for a step better and its goal button, in Tab order."""
        current, _, with_goals = self.facts
        words = capital.AREAS[area]
        key = key_of(area)
        answer = current.answer(area)
        ruler = Ruler(
            CAPITAL_LOW,
            CAPITAL_HIGH,
            answer.rating if answer else None,
            words=capital.SCALE_WORDS,
            id=f"rate-{key}",
        )
        box = TextBox(
            answer.better if answer else "",
            placeholder=f"One step better? {words.example}",
            id=f"better-{key}",
            max_length=SHORT_TEXT_MAX,
        )
        # Born with the class Button's own watcher gives it, so it is styled once.
        button = Button(
            goal_label(area in with_goals), id=f"goal-{key}", classes="make-goal -style-default"
        )
        return ruler, box, button

    def reach(self, area: CapitalArea) -> tuple[Ruler, TextBox, Button]:
        """Build the area's scale, box and button under its question, if they are not yet;
        returns them. Each is in the screen when this returns, so one can take the focus at
        once and no key goes astray meanwhile."""
        key = key_of(area)
        question = self.query_one(f"#area-{key}", AreaQuestion)
        if not question.waiting:
            return (
                self.query_one(f"#rate-{key}", Ruler),
                self.query_one(f"#better-{key}", TextBox),
                self.query_one(f"#goal-{key}", Button),
            )
        question.waiting = False
        ruler, box, button = self._fields(area)
        row = Horizontal(classes="row")
        self.query_one("#capital").mount(ruler, row, after=question)
        row.mount(box, button)  # not Horizontal(box, button): those would join it later
        return ruler, box, button

    def _reach_in_sight(self, ahead: int) -> None:
        """Build the areas in sight, and those within ``ahead`` window heights below it, so a
        scroll or Page Down finds them built."""
        scroll = self.query_one("#capital")
        below = scroll.scroll_y + (1 + ahead) * scroll.scrollable_content_region.height
        for question in self.query(AreaQuestion):
            if question.waiting and question.virtual_region.y < below:
                self.reach(question.area)

    def focus_next(self, selector: str | type[QueryType] = "*") -> Widget | None:
        """Tab: the next stop in the screen's order; onto a waiting area, its scale, built at
        once."""
        if selector != "*":
            return super().focus_next(selector)
        return self._into_area(self._step(1), last=False)

    def focus_previous(self, selector: str | type[QueryType] = "*") -> Widget | None:
        """Shift+Tab: the stop before; onto a waiting area, its goal button (its last stop),
        built at once."""
        if selector != "*":
            return super().focus_previous(selector)
        return self._into_area(self._step(-1), last=True)

    def _step(self, direction: int) -> Widget | None:
        """Focus the stop ``direction`` away from the focused one, in the order the screen
        shows them: one column, so the order they are in the screen. (Textual orders them by
        where each was last laid out, and the fields of an area built a moment ago are not
        laid out yet: a burst of Tabs went back to the top.)"""
        stops = focus_stops(self)
        if not stops:
            return self.focused
        here = stops.index(self.focused) if self.focused in stops else -direction
        self.set_focus(stops[(here + direction) % len(stops)])
        return self.focused

    def _into_area(self, focused: Widget | None, last: bool) -> Widget | None:
        if not isinstance(focused, AreaQuestion) or not focused.waiting:
            return focused
        fields = self.reach(focused.area)
        target = fields[-1] if last else fields[0]
        self.set_focus(target, scroll_visible=False)
        self.call_after_refresh(self._keep_in_sight, target)
        return target

    def _keep_in_sight(self, widget: Widget) -> None:
        """Scroll a field just built into sight (as Tab does for a field that was there)."""
        if self.focused is widget and not self.can_view_entire(widget):
            self.scroll_to_center(widget, origin_visible=True)

    @on(AreaQuestion.Reached)
    def _reached(self, event: AreaQuestion.Reached) -> None:
        question = event.question
        if self.focused is question:
            self._into_area(question, last=False)

    def on_mount(self) -> None:
        self.query_one("#rate-use", Ruler).focus(scroll_visible=False)
        self.watch(self.query_one("#capital"), "scroll_y", self._scrolled, init=False)

    def _scrolled(self) -> None:
        self._reach_in_sight(ahead=1)

    def on_resize(self, event: events.Resize) -> None:
        # A taller window shows more areas. (A screen is resized as it opens too, when the
        # areas in sight are built already: nothing more is built then.)
        self.call_after_refresh(self._reach_in_sight, 0)

    @on(Ruler.Changed)
    def _rated(self, event: Ruler.Changed) -> None:
        area, today, value = area_of(event.ruler.id), self.today(), event.value
        if self.try_save(lambda: capital.set_rating(self.repo, today, area, value)):
            self._refresh_trend()

    @on(Input.Changed)
    def _better(self, event: Input.Changed) -> None:
        area, today, text = area_of(event.input.id), self.today(), event.value
        self.try_save(lambda: capital.set_better(self.repo, today, area, text))

    @on(Button.Pressed, ".make-goal")
    def _make_goal(self, event: Button.Pressed) -> None:
        area = area_of(event.button.id)
        if capital.goal_for(self.repo, area) is not None:
            self.notify("This area is already one of your goals; you will find it under Goals.")
            return
        text = self.query_one(f"#better-{key_of(area)}", Input).value
        made = self.try_save(
            lambda: capital.make_goal(self.repo, area, text),
            "Made a goal from this area. You will find it under Goals, where you can add steps.",
        )
        if made:
            event.button.label = goal_label(True)

    def _refresh_trend(self) -> None:
        self.show_history(capital.history(self.repo))
