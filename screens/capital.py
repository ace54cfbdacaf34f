"""The life check-in: ten areas of life, a small scale each, and what would make each one better.

Every rating and every line of words is saved at once into today's check-in. Above the areas,
once there is a check-in before, the trend area by area as little bars with words beside them,
and the two areas that moved most. Any area can become a goal (in the matching life area, linked
back). Our own check-in: no total, nothing to pass, not any published scale.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widget import AwaitMount, Widget
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
    focus); the others are built a moment later."""
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


class CapitalScreen(WorkbookScreen):
    """Today's life check-in, the trend, and "make this a goal" from any area."""

    SECTION_TITLE = "Life check-in"
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = ""  # it focuses its first field itself: see WorkbookScreen.AUTO_FOCUS

    facts: AreaFacts
    """What the areas are built from (read once, when the screen is composed)."""
    areas_later: list[tuple[int, CapitalArea]]
    """The areas (numbered) still to be built after the first frame."""
    built_later: AwaitMount | None = None
    """Their mounting, once begun (bench/screens.py times the screen until it is done)."""

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
            # The areas in sight when it opens are built now, the rest just after its first
            # frame (as Home's cards are), before a key or a scroll can reach them.
            self.facts = AreaFacts(current, done[-1] if done else None, with_goals)
            areas = list(enumerate(CapitalArea, start=1))
            shown = areas_in_sight(self.app.size.height, self.has_trend)
            for number, area in areas[:shown]:
                yield from self._area(number, area)
            self.areas_later = areas[shown:]
            yield Static(f"{CREDIT}\n\n{SAVED}", id="credit", classes="hint", markup=False)

    def _trend(self) -> ComposeResult:
        """The trend, shown (by the screen's class ``-trend``) once any area was rated."""
        with Vertical(id="trend-box"):
            # The heading (bold; it wraps in a narrow window) and the rows: one widget.
            trend = Shown(id="trend", above=(TREND_HEADING, "bold"))
            yield trend.data_bind(shown=CapitalScreen.trend)
            yield Shown(id="moved-most").data_bind(shown=CapitalScreen.moved_most)

    def build_the_rest(self) -> None:
        """Build the areas not in sight when the screen opened (see ``areas_in_sight``)."""
        later, self.areas_later = self.areas_later, []
        if not self.is_attached:
            return  # left before its first frame was out (Escape, a lock): nothing to build
        widgets = [widget for number, area in later for widget in self._area(number, area)]
        if widgets:
            self.built_later = self.query_one("#capital").mount(*widgets, before="#credit")

    def _area(self, number: int, area: CapitalArea) -> list[Widget]:
        current, last, with_goals = self.facts
        words = capital.AREAS[area]
        key = key_of(area)
        answer = current.answer(area)
        before = last.answer(area) if last else None
        question = words.question
        if before is not None and before.rating is not None and last is not None:
            question += f"  Last time: {before.rating} {capital.scale_word(before.rating)}."
        # The area's name (bold) and its question (muted) under it: one widget.
        name = (f"{number}. {words.name}", "bold $foreground")
        return [
            Static(Content.assemble(name, "\n", question), classes="question", markup=False),
            Ruler(
                CAPITAL_LOW,
                CAPITAL_HIGH,
                answer.rating if answer else None,
                words=capital.SCALE_WORDS,
                id=f"rate-{key}",
            ),
            Horizontal(
                TextBox(
                    answer.better if answer else "",
                    placeholder=f"One step better? {words.example}",
                    id=f"better-{key}",
                    max_length=SHORT_TEXT_MAX,
                ),
                # Born with the class Button's own watcher gives it, so it is styled once.
                Button(
                    goal_label(area in with_goals),
                    id=f"goal-{key}",
                    classes="make-goal -style-default",
                ),
                classes="row",
            ),
        ]

    def on_mount(self) -> None:
        self.query_one("#rate-use", Ruler).focus(scroll_visible=False)
        self.call_after_refresh(self.build_the_rest)

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
