"""Screens at scale: open every main screen through Pilot and time until it has been painted.

Run on a 10-year demo workbook and on a new, empty one, in the same process; reports p50/p95 per
screen and the ratio of the medians (scale / empty).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from datetime import date
from typing import Any

from screens.app import WorkbookApp
from screens.sections import available_sections
from workbook.storage import DataRoot

SKIP = {"export"}  # a form with nothing from the workbook on it


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


async def _time_screens(root: DataRoot, profile: str, runs: int) -> dict[str, list[float]]:
    app = WorkbookApp(root, profile, clock=date.today)
    times: dict[str, list[float]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        for section in available_sections():
            if section.id in SKIP:
                continue
            for _ in range(runs):
                start = time.perf_counter()
                app.action_open_section(section.id)
                await pilot.pause()
                times.setdefault(section.id, []).append(time.perf_counter() - start)
                while app.screen is not home:
                    app.pop_screen()
                    await pilot.pause()
        for _ in range(runs):  # Home itself, rebuilt with its cards
            start = time.perf_counter()
            await app.switch_screen(type(home)())
            await pilot.pause()
            times.setdefault("home", []).append(time.perf_counter() - start)
            home = app.screen
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
            start = time.perf_counter()
            app.push_screen(Bare())
            await pilot.pause()
            times.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
    return times


def bare_p50_ms(runs: int = 10) -> float:
    return statistics.median(asyncio.run(_time_bare(runs))) * 1000
