"""How the change plan looks at 80x24: one step of the walk, and the finished summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.pilot import Pilot

from tests.conftest import TODAY
from tests.ui.helpers import make_app
from workbook import plan as wp
from workbook.models import (
    LifeArea,
    PlanChange,
    PlanHelper,
    PlanObstacle,
    PlanPoint,
    PlanStep,
    ProfileCard,
)
from workbook.storage import DataRoot

SIZE = (80, 24)


def _a_plan(root: DataRoot, card: ProfileCard, *, finish: bool) -> None:
    repo = root.open(card)
    try:
        wp.set_answers(
            repo,
            changes=[PlanChange(text="Drink less on weeknights", area=LifeArea.HEALTH)],
            importance=7,
            importance_why="I want mornings with my kids",
            confidence=4,
            reasons=[PlanPoint(text="Mornings with my kids"), PlanPoint(text="Money for rent")],
            steps=[PlanStep(text="Call the helpline", by_when=date(2026, 12, 1))],
            helpers=[PlanHelper(name="Jo", what="coffee on Thursdays")],
            obstacles=[PlanObstacle(text="a friend offers a drink", then="order a soda")],
            current_step=5,
        )
        if finish:
            wp.finish(repo, TODAY)
    finally:
        repo.close()


async def _open_plan(pilot: Pilot[Any]) -> None:
    await pilot.press("p")
    await pilot.pause()


def test_a_step_of_the_walk(
    snap_compare: Callable[..., bool],
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
) -> None:
    _a_plan(root, make_profile(), finish=False)
    assert snap_compare(make_app(root), terminal_size=SIZE, run_before=_open_plan)


def test_the_summary(
    snap_compare: Callable[..., bool],
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
) -> None:
    _a_plan(root, make_profile(), finish=True)

    async def open_quietly(pilot: Pilot[Any]) -> None:
        await _open_plan(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(root), terminal_size=SIZE, run_before=open_quietly)
