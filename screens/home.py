"""Home: every section's key in a column of its own, beside the greeting and the cards.

Every section is always in sight at 80x24 (the list is a compact column that never scrolls away;
below about 16 rows it scrolls with its highlight), and only the cards beside it scroll: one
scroll area. Sections appear only once their module exists. A section's Home card is built by its
own ``home_card(app)`` (add a card in the sections registry; Home needs no change); a card that
fails shows a quiet note instead, so Home always opens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.base import WorkbookScreen
from screens.sections import Section, available_sections
from screens.widgets.message import FieldMessage, Shown
from workbook.profile import day_counter_text
from workbook.start import settle
from workbook.stretches import home_record

log = logging.getLogger(__name__)


class Dashboard(Grid):
    """The cards: built with Home, so its first frame shows them, and built again each time
    ``generation`` goes up (Home is shown again)."""

    generation: reactive[int] = reactive(0, init=False)

    def __init__(
        self, make_cards: Callable[[], list[Widget]], first_drawn: Callable[[], None]
    ) -> None:
        super().__init__(id="dashboard")
        self.make_cards = make_cards
        self.first_drawn = first_drawn
        """Called once, after the first frame (the one that first shows the cards)."""

    def watch_generation(self, before: int, now: int) -> None:
        # Only a change: binding to Home sets it as Home mounts, and composing the cards again
        # then would draw Home's first frame twice.
        if now != before:
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        cards = self.make_cards()
        self.display = bool(cards)
        yield from cards

    def on_mount(self) -> None:
        self.call_after_refresh(self.first_drawn)


class HomeScreen(WorkbookScreen):
    """The first screen after opening a workbook.

    State flows down: the greeting, the day counter, the highlighted section's summary and how
    many times the cards were built are reactives; the parts are bound to them.
    """

    SECTION_TITLE = "Home"
    CSS_PATH = Path(__file__).with_suffix(".tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        *[
            Binding(s.key, f"app.open_section('{s.id}')", s.title, show=False)
            for s in available_sections()
        ],
        Binding("q", "app.quit", "Quit", show=False, tooltip="Close the workbook (all is saved)"),
    ]

    greeting: reactive[str] = reactive("", init=False)
    counter: reactive[str] = reactive("", init=False)
    """The day counter's words ("" when it is off: the line is hidden)."""
    about: reactive[str] = reactive("", init=False)
    """What the highlighted section is for, under the list."""
    cards_built: reactive[int] = reactive(0, init=False)
    """Goes up each time the cards are built again, on coming back to Home."""

    def body(self) -> ComposeResult:
        sections = available_sections()
        with Horizontal(id="home-columns"):
            with Vertical(id="home-menu"):
                yield Static("Your workbook", classes="heading", markup=False)
                yield OptionList(*[self._option(s) for s in sections], id="sections")
                self.set_reactive(HomeScreen.about, _about(sections[0]) if sections else "")
                yield Shown(id="section-summary").data_bind(shown=HomeScreen.about)
                yield Static("Press a letter, or Enter.", classes="hint", markup=False)
            yield from self._page(sections)

    def _page(self, sections: list[Section]) -> ComposeResult:
        """The greeting, the day counter and the cards: the one part of Home that scrolls."""
        app = self.workbook_app
        today = self.today()
        with VerticalScroll(id="home"):
            self.set_reactive(HomeScreen.greeting, f"Hello, {app.person_label}.")
            yield Shown(id="greeting").data_bind(shown=HomeScreen.greeting)
            yield Static(f"Today is {today:%A} {today.day} {today:%B %Y}.", id="today")
            self.set_reactive(HomeScreen.counter, self._counter(today) or "")
            yield FieldMessage(id="day-counter", classes="").data_bind(message=HomeScreen.counter)
            reason = app.repo.read_only_reason if app.repo else None
            if reason:
                yield Static(
                    f"Read only: changes cannot be saved, because {reason}",
                    id="read-only",
                    markup=False,
                )
            yield Dashboard(lambda: self._cards(available_sections()), self._cards_drawn).data_bind(
                generation=HomeScreen.cards_built
            )

    def _counter(self, today: date) -> str | None:
        """The day counter's words, in step with the check-in card after a setback."""
        profile, repo = self.workbook_app.profile, self.workbook_app.repo
        if repo is None or profile is None or not profile.show_day_counter:
            return None
        return day_counter_text(profile, today, home_record(repo, today))

    @staticmethod
    def _option(s: Section) -> Option:
        key = (f" {s.key} ", "bold reverse")
        return Option(Content.assemble(key, f" {s.title}"), id=s.id)

    def _cards(self, sections: list[Section]) -> list[Widget]:
        """Each section's dashboard card; a card that fails becomes a quiet note."""
        cards: list[Widget] = []
        for s in sections:
            if s.card is None:
                continue
            try:
                make = s.load_card()
                card = make(self.app) if make is not None else None
            except Exception:  # a broken card must never stop Home from opening
                log.exception("Home card for %s failed", s.id)
                card = Static(
                    f"{s.title}: this card cannot be shown just now. Press {s.key} to open it.",
                    classes="card-note",
                    markup=False,
                )
            if card is not None:
                cards.append(card)
        return cards

    _drawn = False
    """Whether the first frame, with the cards, is out."""

    def _cards_drawn(self) -> None:
        """Home is on screen with its cards: start-up is over (see workbook.start). Then, once
        the next frame is out, read every screen's stylesheet (see load_screen_styles): read
        before the cards were in (as when it followed the frame after filling), it held them
        back by a whole parse of the app's stylesheet."""
        self._drawn = True
        settle()
        self.call_after_refresh(self.workbook_app.load_screen_styles)

    def on_mount(self) -> None:
        # Keys work at once, but Home still opens at the greeting (not scrolled to the list).
        self.query_one("#sections", OptionList).focus(scroll_visible=False)

    async def on_screen_resume(self) -> None:
        """Coming back to Home: rebuild the cards, so a goal or plan made just now shows at once."""
        if not self.returned() or not self._drawn:
            return  # the first showing (a mode's first screen is resumed twice): built already
        self.greeting = f"Hello, {self.workbook_app.person_label}."
        # A check-in or a setback just saved moves the counter as it moves the card.
        self.counter = self._counter(self.today()) or ""
        self.cards_built += 1

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_menu)
        grid = self.query("#dashboard")
        if grid:
            width = self.size.width  # Home keeps to 150 columns (home.tcss): two cards at most
            # Beside the 30-column sections list; a card needs about 55 columns to breathe.
            columns = 2 if width >= 150 else 1
            styles = grid.first().styles
            if styles.grid_size_columns != columns:  # (one, from home.tcss, below 150)
                styles.grid_size_columns = columns  # laid out again: only when it changes

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Say what the highlighted section is for, under the list."""
        found = [s for s in available_sections() if s.id == event.option_id]
        if found:
            self.about = _about(found[0])
            self._fit_menu()

    def _fit_menu(self) -> None:
        """Under the sections, the summary and then the hint, each only if it fits whole (in a
        short window they were cut off at the bottom; every section stays in sight)."""
        menu = self.query_one("#home-menu")
        room = menu.content_region.height - menu.query_one(".heading").outer_size.height
        room -= self.query_one("#sections", OptionList).outer_size.height
        width = menu.content_region.width
        for part in (self.query_one("#section-summary", Static), self.query_one(".hint", Static)):
            lines = len(Text(str(part.content)).wrap(self.app.console, width)) if width else 0
            needed = lines + part.styles.margin.top
            fits = width > 0 and needed <= room
            if part.display != fits:  # (setting it lays Home out again, even to the same)
                part.display = fits
            if fits:
                room -= needed

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self.workbook_app.action_open_section(event.option_id)


def _about(section: Section) -> str:
    """Which section is highlighted and what it is for (said in words, not only by colour)."""
    return f"{section.title}: {section.summary}"
