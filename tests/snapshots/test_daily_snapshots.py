"""SVG snapshots of the daily feature at 80x24, with a seeded 60-day history.

Home is being rebuilt as a dashboard on another branch, so the Home cards are shown here on a
small screen of their own (the same widgets Home mounts through ``home_card``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from screens.checkin import CheckinScreen
from tests.conftest import TODAY
from tests.daily_seed import seed_history
from tests.ui.helpers import make_app
from tests.ui.test_daily_cards import CardsScreen
from workbook.models import ProfileCard
from workbook.storage import DataRoot


def seeded_app(root: DataRoot, make_profile: Callable[..., ProfileCard], **profile: Any) -> Any:
    card = make_profile("Sam", **profile)
    repo = root.open(card)
    seed_history(repo, TODAY)
    repo.close()
    return make_app(root)


def test_home_cards_with_60_days(
    snap_compare: Any, root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    app = seeded_app(root, make_profile, show_day_counter=True, pathway="cut back")

    async def show_cards(pilot: Pilot[Any]) -> None:
        await pilot.app.push_screen(CardsScreen())
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=show_cards)


def test_checkin_form_for_cut_back(
    snap_compare: Any, root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    app = seeded_app(root, make_profile, pathway="cut back")

    async def open_checkin(pilot: Pilot[Any]) -> None:
        await pilot.app.push_screen(CheckinScreen())
        await pilot.press("4", "tab", "3")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_checkin)
