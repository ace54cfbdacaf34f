"""Work done while nobody waits, so that opening a screen pays for none of it.

Three jobs, each run only once the app has been quiet for a moment (no key or click, no screen
change for ``QUIET_SECONDS``) and start-up is over:

- **Garbage of a closed screen is collected.** Textual's widgets refer to one another, so a
  closed screen's widgets wait for Python's cycle collector. Left to its own schedule, that
  collector let the garbage of several screens pile up and then walked all of it in one go in the
  middle of opening the next screen: 50-130 ms on a ten-year workbook, a third of some openings.
  Collected here, right after each screen closes, it costs a few milliseconds while a person
  reads the screen they came back to.
- **Each section's module is imported** after Home is up, one module per quiet moment, so the
  first opening of a section does not import it (that import was most of every screen's p95).
- **The forms' widgets are styled ahead** (``prime_styles``): Textual adds a widget class's
  built-in styles to the app's stylesheet the first time one is mounted, then parses the whole
  stylesheet again and restyles the screen being built: the first opening of the check-in paid
  ~30 ms for it. One of each is mounted, out of sight, on the screen of the moment and taken
  away a frame later.

When the imports and the styles are in, what start-up and they built is frozen (``gc.freeze``):
later collections walk only what was made since.

A key pressed while a job is due puts the job off until the app is quiet again; a job that has
started runs for at most one module import or one priming (10-30 ms).
"""

from __future__ import annotations

import asyncio
import gc
import importlib
from collections import deque
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.containers import Container
from textual.widget import Widget

from screens.sections import available_sections
from workbook import start

if TYPE_CHECKING:
    from screens.app import WorkbookApp

QUIET_SECONDS = 0.25
"""How long the app must have been left alone before a job runs."""

ENABLED = True
"""Tests turn this off (see tests/conftest.py): a job at a random moment of a Pilot test would
only slow the suite down. tests/ui/test_housekeeping.py turns it on."""


class Housekeeping:
    """The queue of jobs for one app, run in its quiet moments."""

    def __init__(self, app: WorkbookApp) -> None:
        self.app = app
        self.jobs: deque[Callable[[], object]] = deque()
        self.imported = False
        self.collections = 0
        self.done = asyncio.Event()
        self.done.set()
        self._due = False
        self._quiet_since = app.idle_clock()
        app.screen_change_signal.subscribe(app, self.screen_changed)

    def screen_changed(self, screen: Any) -> None:
        """A screen opened or closed: collect what a closed one left, import what is next."""
        if not ENABLED:
            return
        self._quiet_since = self.app.idle_clock()
        if self.collect not in self.jobs:
            self.jobs.append(self.collect)
        if not self.imported:
            self.imported = True
            self.jobs.extend(self._imports())
            self.jobs.append(self.prime_styles)
            self.jobs.append(self.freeze)
        self._schedule(QUIET_SECONDS)

    def _imports(self) -> list[Callable[[], object]]:
        return [partial(importlib.import_module, s.module) for s in available_sections()]

    def _schedule(self, delay: float) -> None:
        self.done.clear()
        if not self._due:
            self._due = True
            self.app.set_timer(delay, self.run_next)

    def run_next(self) -> None:
        """Run the next job if the app is quiet, else put it off (the timer calls this)."""
        self._due = False
        if not self.jobs:
            self.done.set()
            return
        quiet_for = self.app.idle_clock() - max(self._quiet_since, self.app.last_activity)
        if quiet_for < QUIET_SECONDS or start.starting:
            # Someone is typing, or start-up has not finished (Home is not painted with its
            # cards yet; see workbook.start): wait for quiet.
            self._schedule(max(QUIET_SECONDS - quiet_for, 0.05))
            return
        self.jobs.popleft()()
        self._schedule(0.01)  # the next job after the event loop has had its turn

    def prime_styles(self) -> None:
        """Mount one of each form widget out of sight, so its built-in styles are read now."""
        screen = self.app.screen
        if not screen.is_attached:
            return
        shelf = Container(*form_widgets(), classes="-primed")
        shelf.display = False
        screen.mount(shelf)
        shelf.call_after_refresh(shelf.remove)

    def collect(self) -> None:
        gc.collect()
        self.collections += 1

    def freeze(self) -> None:
        """Keep what is built by now (modules, stylesheet, the workbook) out of later walks."""
        gc.collect()
        gc.freeze()


def form_widgets() -> list[Widget]:
    """One of each widget the sections' forms use whose built-in styles Home does not read
    (tests/ui/test_housekeeping.py finds any a section adds that is missing here). The
    project's own kinds stand for the Textual ones they extend (a TextBox brings Input's
    styles too, a WritingArea TextArea's, Choices RadioSet's)."""
    from textual.widgets import (
        Button,
        Checkbox,
        ContentSwitcher,
        DataTable,
        Label,
        RadioButton,
        Select,
        SelectionList,
    )

    from screens.widgets.dropdown import Dropdown
    from screens.widgets.list_editor import ListEditor
    from screens.widgets.ruler import Ruler
    from screens.widgets.textbox import TextBox
    from screens.widgets.ticks import Choices
    from screens.widgets.writing_area import WritingArea

    return [
        Button(),
        Checkbox(),
        ContentSwitcher(),
        DataTable(),
        Label(),
        Choices(RadioButton()),
        Select([("", 0)], allow_blank=False),
        SelectionList(),
        WritingArea(),
        Dropdown([("", 0)], 0),
        ListEditor([], [], new_item=_no_item),
        Ruler(),
        TextBox(),
    ]


def _no_item(values: dict[str, Any]) -> Any:
    raise AssertionError("a primed list is never typed in")


def start_housekeeping(app: WorkbookApp) -> Housekeeping:
    """Begin listening for screen changes (called when the App mounts)."""
    return Housekeeping(app)


__all__ = ["ENABLED", "QUIET_SECONDS", "Housekeeping", "start_housekeeping"]
