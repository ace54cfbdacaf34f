"""How the skills list and one skill's guide look at 80x24 (SVG snapshots)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import TODAY
from tests.ui.helpers import make_app
from workbook import skills
from workbook.models import ProfileCard, SkillLevel
from workbook.storage import DataRoot


def _seed(root: DataRoot, card: ProfileCard) -> None:
    repo = root.open(card)
    skills.set_level(repo, "open-a-bank-account", SkillLevel.LEARNING, TODAY)
    skills.set_level(repo, "wake-up-with-an-alarm", SkillLevel.CONFIDENT, TODAY)
    alarm = skills.get_skill(repo, "wake-up-with-an-alarm")
    for step in alarm.steps[:2]:
        skills.tick_step(repo, alarm.id, step.key, True, TODAY)
    skills.add_practice(repo, alarm.id, "Up at 7 three days running. Tea first helped.", TODAY)
    repo.close()


def test_skills_list(
    snap_compare: Any, root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    _seed(root, make_profile())

    async def run_before(pilot: Any) -> None:
        await pilot.press("s")
        await pilot.pause()

    assert snap_compare(make_app(root), terminal_size=(80, 24), run_before=run_before)


def test_one_skill(
    snap_compare: Any, root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    _seed(root, make_profile())

    async def run_before(pilot: Any) -> None:
        await pilot.press("s")
        await pilot.pause()
        for _ in range(6):  # down to "Wake up with an alarm" (headings are skipped)
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(root), terminal_size=(80, 24), run_before=run_before)
