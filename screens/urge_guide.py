"""The urge-surfing guide: notice, breathe and ride the wave for a chosen number of minutes.

A calm screen with a gentle timer; then it asks how strong the urge is now and offers to note it
in the log. The timer's tick is a plain method (``tick``/``advance``) so tests move time on
without sleeping.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Button, Input, Label, Static

from screens.base import WorkbookScreen
from screens.checkin import show_error
from screens.urges import LogUrgeScreen
from screens.widgets.ruler import Ruler
from screens.widgets.textbox import TextBox
from workbook import urges
from workbook.models import Urge
from workbook.urge_summary import parse_minutes


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

    def __init__(self) -> None:
        super().__init__()
        self.minutes = 5
        self.elapsed = 0
        self.running = False
        self._timer: Timer | None = None

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
                yield Static("", id="surf-error", classes="error", markup=False)
            yield Static("", id="surf-timer", markup=False)
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
        self.query_one("#surf-after").display = False
        self.query_one("#surf-still-strong").display = False
        self.query_one("#surf-minutes", Input).focus()

    @on(Input.Submitted, "#surf-minutes")
    @on(Button.Pressed, "#surf-start")
    def start(self) -> None:
        """Start the gentle timer for the chosen number of minutes (1 to 30)."""
        error = self.query_one("#surf-error", Static)
        try:
            minutes = parse_minutes(self.query_one("#surf-minutes", Input).value, 1, 30)
        except ValueError as exc:
            show_error(error, str(exc))
            return
        show_error(error, "")
        self._begin(minutes or 5)

    def _begin(self, minutes: int) -> None:
        self.minutes = minutes
        self.elapsed = 0
        self.running = True
        self.query_one("#surf-setup").display = False
        self.query_one("#surf-after").display = False
        self._show_time()
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
        self._show_time()
        if self.elapsed >= self.minutes * 60:
            self.finish()

    def _show_time(self) -> None:
        left = self.minutes * 60 - self.elapsed
        breath = self.breath_words(self.elapsed)
        done = round(20 * self.elapsed / (self.minutes * 60))
        bar = "●" * done + "○" * (20 - done)
        self.query_one("#surf-timer", Static).update(
            f"{urges.words().guide.riding}\n\n{breath}\n\n{bar}  "
            f"{left // 60}:{left % 60:02d} left of {self.minutes} min"
        )

    @classmethod
    def breath_words(cls, elapsed: int) -> str:
        """In for four seconds, out for six, with the count: what the guide's words ask for."""
        at = elapsed % (cls.BREATH_IN + cls.BREATH_OUT)
        if at < cls.BREATH_IN:
            return f"Breathe in... {at + 1}"
        return f"...and breathe out. {at - cls.BREATH_IN + 1}"

    def finish(self) -> None:
        """The time is up: ask how strong the urge is now, and offer to note it."""
        self.running = False
        if self._timer is not None:
            self._timer.stop()
        self.query_one("#surf-timer", Static).update("")
        # The guide's words were read before; hiding them keeps the end (and its buttons) on
        # screen at 80x24, so Enter never presses a button nobody can see.
        for part in self.query("#surf-intro, .surf-step"):
            part.display = False
        self.query_one("#surf-after").display = True
        self.query_one("#surf-strength", Ruler).focus()
        self.call_after_refresh(self._show_buttons)

    def _show_buttons(self) -> None:
        self.query_one("#surf-buttons").scroll_visible(animate=False)

    @on(Ruler.Changed, "#surf-strength")
    def _strength(self, event: Ruler.Changed) -> None:
        strong = event.value is not None and event.value >= self.STILL_STRONG
        self.query_one("#surf-still-strong").display = strong
        self.call_after_refresh(self._show_buttons)

    @on(Button.Pressed, "#surf-again")
    def _again(self) -> None:
        """Another round of the same length, straight away."""
        self.query_one("#surf-still-strong").display = False
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
