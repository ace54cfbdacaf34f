"""Housekeeping in quiet moments (issue 20): a closed screen's garbage is collected and the
sections' modules imported while nobody waits, never while a person is typing."""

from __future__ import annotations

import asyncio
import gc
import weakref
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from screens import housekeeping
from screens.sections import available_sections
from tests.ui.helpers import make_app
from workbook.storage import DataRoot


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Housekeeping on, with a short quiet period; yields the modules it imports, in order."""
    imported: list[str] = []
    monkeypatch.setattr(housekeeping, "ENABLED", True)
    monkeypatch.setattr(housekeeping, "QUIET_SECONDS", 0.02)
    monkeypatch.setattr(housekeeping, "importlib", SimpleNamespace(import_module=imported.append))
    was_enabled = gc.isenabled()
    gc.disable()  # only housekeeping may collect during these tests
    try:
        yield imported
    finally:
        if was_enabled:
            gc.enable()


async def settled(app: Any) -> None:
    """Until the housekeeping queue is empty (failing, not hanging, if it never empties)."""
    await asyncio.wait_for(app.housekeeping.done.wait(), timeout=10)


class FakeIdle:
    """The app's idle clock, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    @classmethod
    def on(cls, app: Any) -> FakeIdle:
        """A clock for ``app`` to go by, as if the app had started on it."""
        idle = cls()
        app.idle_clock = idle
        app.last_activity = idle.now
        return idle


async def test_a_closed_screen_is_collected_once_the_app_is_quiet(
    root: DataRoot, make_profile: Any, quick: list[str]
) -> None:
    app = make_app(root, make_profile().id)
    idle = FakeIdle.on(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        idle.now += 1
        await settled(app)  # Home's own round: imports, then a freeze
        collections = app.housekeeping.collections
        checkin = next(s for s in available_sections() if s.id == "checkin")
        await app.push_screen(checkin.load()())
        await pilot.pause()
        gone = weakref.ref(app.screen)
        app.last_activity = idle.now  # the key that closes it; the clock stands still
        await app.pop_screen()
        await pilot.pause()
        assert gone() is not None, "nothing collects while the collector is off"
        idle.now += 1
        await settled(app)
        assert app.housekeeping.collections == collections + 1
        assert gone() is None, "the closed screen's widgets were collected in the quiet moment"


async def test_every_section_is_imported_after_home_and_then_the_heap_is_frozen(
    root: DataRoot, make_profile: Any, quick: list[str]
) -> None:
    gc.unfreeze()
    app = make_app(root, make_profile().id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await settled(app)
        assert quick == [section.module for section in available_sections()]
        assert gc.get_freeze_count() > 0
    gc.unfreeze()  # give the rest of the test run its collector back


async def test_nothing_runs_while_a_person_is_typing(
    root: DataRoot, make_profile: Any, quick: list[str]
) -> None:
    app = make_app(root, make_profile().id)
    idle = FakeIdle.on(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.last_activity = idle.now  # a key, just now; the clock does not move
        for _ in range(5):
            app.housekeeping.run_next()  # what its timer does
        assert quick == [], "no import while the person has just pressed a key"
        assert not app.housekeeping.done.is_set()
        idle.now += 1  # a second without a key
        app.housekeeping.run_next()
        assert (app.housekeeping.collections, quick) == (1, []), "one job per quiet moment"
        app.housekeeping.run_next()
        assert len(quick) == 1
        await settled(app)
        assert len(quick) == len(available_sections())


async def test_tests_run_without_housekeeping(root: DataRoot, make_profile: Any) -> None:
    """The suite's own setting (tests/conftest.py): no job is ever queued."""
    app = make_app(root, make_profile().id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.housekeeping.done.is_set()
        assert not app.housekeeping.jobs


async def test_the_forms_widgets_are_styled_ahead_and_leave_nothing_behind(
    root: DataRoot, make_profile: Any, quick: list[str]
) -> None:
    """Once Home is quiet, one of each form widget is mounted out of sight and taken away: no
    section's first opening then adds a Textual or shared widget's built-in styles to the
    app's stylesheet (each such addition parsed the whole sheet again and restyled the form
    as it opened). A section's own widgets and screen still bring their own, as before."""
    app = make_app(root, make_profile().id)
    idle = FakeIdle.on(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        parts, focused = len(home.query("*")), app.focused
        idle.now += 1
        await settled(app)
        await pilot.pause()
        assert len(home.query("*")) == parts and not home.query(".-primed")
        assert app.focused is focused
        added: dict[str, set[str]] = {}
        for section in available_sections():
            before = set(app.stylesheet.source)
            app.last_activity = idle.now  # the key that opens it
            await app.push_screen(section.load()())
            await pilot.pause()
            shared = {
                name
                for (path, name) in set(app.stylesheet.source) - before
                if "/textual/" in path or "/screens/widgets/" in path
            }
            if shared:
                added[section.id] = shared
            await app.pop_screen()
            await pilot.pause()
        assert added == {}
