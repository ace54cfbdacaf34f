"""How the life check-in (with two check-ins before) and the thought tool look at 80x24."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from tests.conftest import TODAY
from tests.ui.helpers import make_app
from workbook.models import CapitalAnswer, CapitalArea, CapitalCheckin, ProfileCard, ThoughtCheck
from workbook.storage import DataRoot


def _seed(root: DataRoot, card: ProfileCard) -> None:
    repo = root.open(card)
    for weeks, ratings in (
        (8, [1, 2, 3, 2, 2, 1, 2, 3, 2, 1]),
        (4, [2, 2, 3, 3, 4, 2, 4, 3, 2, 2]),
    ):
        answers = [
            CapitalAnswer(area=area, rating=rating)
            for area, rating in zip(CapitalArea, ratings, strict=True)
        ]
        repo.save(CapitalCheckin(day=TODAY - timedelta(weeks=weeks), answers=answers))
    repo.close()


def test_life_check_in_with_a_trend(
    snap_compare: Any, root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    _seed(root, make_profile())

    async def run_before(pilot: Any) -> None:
        await pilot.press("a")
        await pilot.pause()

    assert snap_compare(make_app(root), terminal_size=(80, 24), run_before=run_before)


def test_thought_tool_with_one_that_helped_before(
    snap_compare: Any, root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    repo = root.open(card)
    repo.save(ThoughtCheck(caught="One won't hurt.", changed="A bath, then call Jo."))
    repo.close()

    async def run_before(pilot: Any) -> None:
        await pilot.press("u", "t")
        await pilot.pause()
        await pilot.press(*"I deserve it.")
        await pilot.pause()

    assert snap_compare(make_app(root), terminal_size=(80, 24), run_before=run_before)
