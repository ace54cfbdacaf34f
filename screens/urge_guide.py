"""The urge-surfing guide: notice, breathe and ride the wave for a chosen number of minutes.

A calm screen with a gentle timer; then it asks how strong the urge is now and offers to note it
in the log. The timer's tick is a plain method (``tick``/``advance``) so tests move time on
without sleeping.

State flows down: the screen's reactives (``phase``, ``minutes``, ``elapsed``, ``still_strong``,
``minutes_error``) are the whole state. The phase and "still strong" are classes on the screen,
so the stylesheet shows the part that belongs to them; the timer and the error line are bound
to the reactives and draw themselves.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from screens.base import WorkbookScreen
from screens.urges import LogUrgeScreen
from screens.widgets.message import FieldMessage
from screens.widgets.ruler import Ruler
from screens.widgets.textbox import TextBox
from workbook import urges
from workbook.models import Urge
from workbook.urge_summary import parse_minutes


class SurfTimer(Widget):
    """The riding-out words, the breath count and the time left, drawn from the guide's state."""

    DEFAULT_CSS = """
    SurfTimer { height: auto; }
    """

    # layout=True: the height follows the words (none before riding, five lines while riding).
    minutes: reactive[int] = reactive(5, layout=True)
    elapsed: reactive[int] = reactive(0, layout=True)
    phase: reactive[str] = reactive("setup", layout=True)

    def render(self) -> Text:
        if self.phase != "riding":
            return Text("")
        left = self.minutes * 60 - self.elapsed
        breath = UrgeSurfScreen.breath_words(self.elapsed)
        done = round(20 * self.elapsed / (self.minutes * 60))
        bar = "●" * done + "○" * (20 - done)
        return Text(
            f"{urges.words().guide.riding}\n\n{breath}\n\n{bar}  "
            f"{left // 60}:{left % 60:02d} left of {self.minutes} min"
        )


class UrgeSurfScreen(WorkbookScreen):
    """Noticing, breathing, riding the wave for a chosen number of minutes, then how strong now."""

    SECTION_TITLE = "Riding out an urge"
    CSS_PATH = "urges.tcss"
    TICK_SECONDS: ClassVar[float] = 1.0
    # The pace the words ask for: in for four counts, out for six.
    BREATH_IN: ClassVar[int] = 4
    BREATH_OUT: ClassVar[int] = 6
    # From this strength on, the end offers a next step as well as the log.
    STILL_STRONG: ClassVar[int] = 6

    PHASES: ClassVar[tuple[str, ...]] = ("setup", "riding", "after")

    phase: reactive[str] = reactive("setup")
    """Choosing the minutes, riding the wave, or after (how strong now)."""
    minutes: reactive[int] = reactive(5)
    elapsed: reactive[int] = reactive(0)
    still_strong: reactive[bool] = reactive(False)
    minutes_error: reactive[str] = reactive("")

    def __init__(self) -> None:
        super().__init__()
        self._timer: Timer | None = None

    @property
    def running(self) -> bool:
        return self.phase == "riding"

    def watch_phase(self, phase: str) -> None:
        for name in self.PHASES:
            self.set_class(phase == name, f"-{name}")

    def watch_still_strong(self, strong: bool) -> None:
        self.set_class(strong, "-still-strong")

    def body(self) -> ComposeResult:
        g = urges.words().guide
        with VerticalScroll(id="surf"):
            yield Static(g.intro, id="surf-intro", markup=False)
            for n, step in enumerate(g.steps, 1):
                yield Static(f"{n}. {step}", classes="surf-step", markup=False)
            with Vertical(id="surf-setup"):
                yield Label(g.choose_minutes, markup=False)
                with Horizontal(classes="row"):
                    yield TextBox("5", id="surf-minutes", max_length=2)
                    yield Button("Start (Enter)", id="surf-start", variant="primary")
                yield FieldMessage(id="surf-error").data_bind(message=UrgeSurfScreen.minutes_error)
            yield SurfTimer(id="surf-timer").data_bind(
                UrgeSurfScreen.minutes, UrgeSurfScreen.elapsed, UrgeSurfScreen.phase
            )
            with Vertical(id="surf-after"):
                yield Static(g.finished, markup=False)
                yield Label(g.strength_now, markup=False)
                yield Ruler(0, 10, ends=("none", "strongest"), id="surf-strength")
                yield Static(g.still_strong, id="surf-still-strong", markup=False)
                yield Label(g.offer_log, markup=False)
                with Horizontal(classes="row buttons", id="surf-buttons"):
                    yield Button("Yes, note it", id="surf-log", variant="primary")
                    yield Button("Another round", id="surf-again")
                    yield Button("Not now", id="surf-done")

    def on_mount(self) -> None:
        self.query_one("#surf-minutes", Input).focus()

    @on(Input.Submitted, "#surf-minutes")
    @on(Button.Pressed, "#surf-start")
    def start(self) -> None:
        """Start the gentle timer for the chosen number of minutes (1 to 30)."""
        try:
            minutes = parse_minutes(self.query_one("#surf-minutes", Input).value, 1, 30)
        except ValueError as exc:
            self.minutes_error = str(exc)
            return
        self.minutes_error = ""
        self._begin(minutes or 5)

    def _begin(self, minutes: int) -> None:
        self.minutes = minutes
        self.elapsed = 0
        self.still_strong = False
        self.phase = "riding"
        self.call_after_refresh(self.query_one("#surf", VerticalScroll).scroll_end, animate=False)
        if self.TICK_SECONDS > 0:
            self._timer = self.set_interval(self.TICK_SECONDS, self.tick)

    def tick(self) -> None:
        """One second has passed."""
        self.advance(1)

    def advance(self, seconds: int) -> None:
        """Move the timer on by ``seconds`` (tests call this instead of waiting)."""
        if not self.running:
            return
        self.elapsed = min(self.elapsed + seconds, self.minutes * 60)
        if self.elapsed >= self.minutes * 60:
            self.finish()

    @classmethod
    def breath_words(cls, elapsed: int) -> str:
        """In for four seconds, out for six, with the count: what the guide's words ask for."""
        at = elapsed % (cls.BREATH_IN + cls.BREATH_OUT)
        if at < cls.BREATH_IN:
            return f"Breathe in... {at + 1}"
        return f"...and breathe out. {at - cls.BREATH_IN + 1}"

    def finish(self) -> None:
        """The time is up: ask how strong the urge is now, and offer to note it."""
        if self._timer is not None:
            self._timer.stop()
        # The stylesheet hides the guide's words (read before) in this phase, which keeps the
        # end and its buttons on screen at 80x24, so Enter never presses a button nobody sees.
        self.phase = "after"
        self.query_one("#surf-strength", Ruler).focus()
        self.call_after_refresh(self._show_buttons)

    def _show_buttons(self) -> None:
        self.query_one("#surf-buttons").scroll_visible(animate=False)

    @on(Ruler.Changed, "#surf-strength")
    def _strength(self, event: Ruler.Changed) -> None:
        self.still_strong = event.value is not None and event.value >= self.STILL_STRONG
        self.call_after_refresh(self._show_buttons)

    @on(Button.Pressed, "#surf-again")
    def _again(self) -> None:
        """Another round of the same length, straight away."""
        self._begin(self.minutes)

    @on(Button.Pressed, "#surf-log")
    def offer_log(self) -> None:
        now = self.query_one("#surf-strength", Ruler).value
        prefill = {
            "minutes": self.minutes,
            "did": f"Rode it out with the urge-surfing guide for {self.minutes} minutes.",
            "strength_after": now,
            "passed": now is not None and now <= 2,
        }

        def logged(_: Urge | None) -> None:
            self.app.pop_screen()

        self.app.push_screen(LogUrgeScreen(prefill), logged)

    @on(Button.Pressed, "#surf-done")
    def _done(self) -> None:
        self.app.pop_screen()
