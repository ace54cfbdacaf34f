"""What the privacy screens look like at 80x24 (check the SVGs read right when updating)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from tests.ui.helpers import make_app
from tests.unit.crypto_helpers import make_private
from workbook.models import ProfileCard
from workbook.storage import DataRoot


async def _no_blink(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


def test_unlock_prompt(snap_compare: Callable[..., bool], root: DataRoot) -> None:
    make_private(root, "Quinn")
    assert snap_compare(make_app(root, "Quinn"), run_before=_no_blink)


def test_quick_hide(
    snap_compare: Callable[..., bool], root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Quinn")
    assert snap_compare(make_app(root, "Quinn"), press=["f9", "_"])


def test_lock_screen_without_passphrase(
    snap_compare: Callable[..., bool], root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Quinn")

    async def lock(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        app = pilot.app
        app.idle_clock = lambda: 10_000.0  # type: ignore[attr-defined]
        app.last_activity = 0.0  # type: ignore[attr-defined]
        app.check_idle_lock()  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(make_app(root, "Quinn"), run_before=lock)


def test_picker_and_new_workbook(
    snap_compare: Callable[..., bool], root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Quinn")
    make_private(root, "Alex")

    async def new(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        pilot.app.action_switch_person()  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("n")
        await _no_blink(pilot)

    assert snap_compare(make_app(root), run_before=new)
