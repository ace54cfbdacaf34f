"""SVG snapshots at 80x24: the goals screen, and one page of the weekly review."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.pilot import Pilot

from tests.conftest import TODAY
from tests.ui.helpers import make_app
from workbook import goals
from workbook.models import GoalSource, Horizon, LifeArea, ProfileCard
from workbook.storage import DataRoot, Repository


def some_goals(repo: Repository) -> None:
    home = goals.add_goal(repo, "A home of my own", horizon=Horizon.LONG, area=LifeArea.HOME)
    walk = goals.add_goal(
        repo,
        "Walk 20 minutes a day",
        area=LifeArea.HEALTH,
        target_date=date(2026, 12, 31),
        steps=["Find my shoes", "Walk on Monday", "Walk with Sam"],
    )
    goals.tick_step(repo, walk.id, walk.steps[0].id, TODAY)
    goals.add_goal(
        repo,
        "Save 10 a week",
        area=LifeArea.MONEY,
        serves=home.id,
        target_date=date(2026, 11, 1),
        steps=["Open a savings pot", "Set up a standing order"],
        source=GoalSource(kind="plan", ref="p1", label="Save a little each week"),
    )
    paused = goals.add_goal(repo, "Learn to cook three meals", area=LifeArea.SKILLS)
    goals.pause(repo, paused.id, TODAY)
    done = goals.add_goal(repo, "Get a library card", area=LifeArea.COMMUNITY, steps=["Go"])
    goals.tick_step(repo, done.id, done.steps[0].id, date(2026, 11, 20))
    goals.complete(repo, done.id, date(2026, 11, 20))


def app_with_goals(root: DataRoot, make_profile: Callable[..., ProfileCard]) -> Any:
    card = make_profile()
    repo = root.open(card)
    try:
        some_goals(repo)
    finally:
        repo.close()
    return make_app(root)


def test_goals_screen(
    snap_compare: Any, root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    assert snap_compare(app_with_goals(root, make_profile), press=["g"], terminal_size=(80, 24))


def test_review_goal_page(
    snap_compare: Any, root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    async def answer(pilot: Pilot[Any]) -> None:
        await pilot.press("w", "b", "down", "3")  # the second goal, rated "mostly"
        await pilot.press("pagedown")
        await pilot.press("3")
        await pilot.pause()

    app = app_with_goals(root, make_profile)
    assert snap_compare(app, run_before=answer, terminal_size=(80, 24))
