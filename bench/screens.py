"""Screens at scale: open every main screen in a headless app and time until it has been painted.

Run on a 10-year demo workbook and on a new, empty one, in the same process; reports p50/p95 per
screen and the ratio of the medians (scale / empty). The clock runs from asking for the screen
(its module is imported the first time, as in real use) until it is mounted and painted (Home's
first frame shows its cards).
Pilot's own ``pause()`` is not used for timing: it waits for the CPU to look idle, in steps of
about 10 ms, which put a floor of ~90 ms under every screen and hid the screens' real cost.

Between two openings the harness waits, as a person reading the screen would, until the app's
housekeeping (screens.housekeeping: the closed screen's garbage collected, section modules
imported and the forms' widgets styled ahead after Home) has run in its quiet moment (a quarter
of a second without a key). A screen opened within that quarter second of the last change can
still meet a collection the app had not yet made. A screen that builds parts just after its
first frame (``built_later``; none does since 1 December 2026, when the life check-in began to
build an area only when it is reached) is timed until those are drawn as well, so such parts
never hide their cost.
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from datetime import date
from typing import Any

from screens.app import WorkbookApp
from screens.sections import available_sections
from workbook.storage import DataRoot

SKIP = {"export"}  # a form with nothing from the workbook on it


def _p95(values: list[float]) -> float:
    """The 95th percentile (linear between the two nearest, as numpy's default); of fewer than
    20 values, the largest. bench/run.py takes 20 openings of each screen: until 1 December
    2026 it took 10, so its "p95" was the slowest single opening, and the percentile was
    taken "exclusive", 95% of the way to the slowest of 20 (run.py prints the slowest too)."""
    if len(values) < 20:
        return max(values)
    return statistics.quantiles(values, n=20, method="inclusive")[18]


async def _painted(screen: Any, refreshes: int = 1) -> None:
    """Return once ``screen`` has been refreshed ``refreshes`` times."""
    for _ in range(refreshes):
        done = asyncio.Event()
        screen.call_after_refresh(done.set)
        await done.wait()


async def _quiet(app: Any) -> None:
    """Wait as a person would until the app's housekeeping is done (see the module's doc)."""
    if hasattr(app, "housekeeping"):
        await app.housekeeping.done.wait()


async def _open(app: Any, make: Any, switch: bool = False, refreshes: int = 1) -> float:
    await _quiet(app)
    start = time.perf_counter()
    screen = make()
    await (app.switch_screen(screen) if switch else app.push_screen(screen))
    await _painted(screen, refreshes)
    later = getattr(screen, "built_later", None)  # parts built just after the first frame
    if later is not None:
        await later
        await _painted(screen)  # the screen is timed until they are drawn too
    return time.perf_counter() - start


async def _time_screens(root: DataRoot, profile: str, runs: int) -> dict[str, list[float]]:
    from screens.home import HomeScreen

    # As the ``workbook`` command does: no cycle collection during start-up; once Home is up
    # the app freezes what start-up built (the workbook read from disk among it) and collects
    # again. Without this the bench would time collections of ten years of entries that the
    # app never makes, at random moments (100-200 ms each).
    gc.disable()
    app = WorkbookApp(root, profile, clock=date.today)
    times: dict[str, list[float]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _painted(app.screen, 2)
        assert gc.isenabled(), "Home should have ended the start-up pause"
        home = app.screen
        sections = [s for s in available_sections() if s.id not in SKIP]
        # Round by round, every screen once a round (Home last): a busy moment of the machine
        # (a few seconds, now and then, on a shared one) then slows one opening of several
        # screens, not most openings of one. Until 1 December 2026 each screen's openings
        # came one after another, and such a moment took a whole screen's median with it.
        for _ in range(runs):
            for section in sections:
                took = await _open(app, lambda s=section: s.load()())
                times.setdefault(section.id, []).append(took)
                while app.screen is not home:
                    await app.pop_screen()
                    await _painted(home, 2)  # Home rebuilds its cards: let it finish first
                    await pilot.pause()
            # Home itself, built again with its cards, pushed over the first Home (switching
            # away from a mode's first screen is refused); its first frame shows its cards.
            took = await _open(app, HomeScreen)
            cards = app.screen.query("#dashboard > *")
            # Until 1 December 2026 this clock stopped before the cards were laid out (they
            # came seven frames later): it timed Home without them. Never again unnoticed.
            assert cards and all(card.region.area for card in cards), "Home timed without cards"
            times.setdefault("home", []).append(took)
            await app.pop_screen()
            await _painted(home, 2)
            await pilot.pause()
    gc.unfreeze()  # the next run starts afresh
    return times


def measure(
    scale_root: DataRoot,
    scale_profile: str,
    empty_root: DataRoot,
    empty_profile: str,
    runs: int = 5,
) -> list[dict[str, Any]]:
    big = asyncio.run(_time_screens(scale_root, scale_profile, runs))
    small = asyncio.run(_time_screens(empty_root, empty_profile, runs))
    rows = []
    for name, values in big.items():
        rows.append(
            {
                "screen": name,
                "p50_ms": statistics.median(values) * 1000,
                "p95_ms": _p95(values) * 1000,
                "empty_p50_ms": statistics.median(small[name]) * 1000,
                "empty_p95_ms": _p95(small[name]) * 1000,
                "max_ms": max(*values, *small[name]) * 1000,
                "ratio": statistics.median(values) / statistics.median(small[name]),
            }
        )
    return rows


async def _time_bare(runs: int) -> list[float]:
    """The same harness on a bare Textual screen (one line and a footer): the floor."""
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import Footer, Static

    class Bare(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello")
            yield Footer()

    app: App[None] = App()
    times = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(runs):
            times.append(await _open(app, Bare))
            await app.pop_screen()
            await pilot.pause()
    return times


def bare_p50_ms(runs: int = 10) -> float:
    return statistics.median(asyncio.run(_time_bare(runs))) * 1000
