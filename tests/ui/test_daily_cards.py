"""The Home cards for check-ins and urges show the right numbers for a seeded 60-day history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from textual.app import ComposeResult
from textual.widgets import Static

from screens.base import WorkbookScreen
from screens.checkin import CheckinScreen
from screens.checkin import home_card as checkin_card
from screens.urges import home_card as urges_card
from tests.conftest import TODAY
from tests.daily_seed import seed_history
from tests.ui.helpers import make_app
from workbook.models import Checkin, ProfileCard
from workbook.storage import DataRoot


class CardsScreen(WorkbookScreen):
    """The two Home cards on their own (Home itself is being rebuilt on another branch)."""

    SECTION_TITLE = "Home"

    def body(self) -> ComposeResult:
        yield checkin_card(self.workbook_app)
        yield urges_card(self.workbook_app)


def card_text(app, which: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#{which}-card-text", Static).render())


async def test_cards_for_a_seeded_history(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", show_day_counter=True)
    app = make_app(root)
    async with app.run_test(size=(80, 40)) as pilot:
        seed_history(app.repo, TODAY)  # type: ignore[arg-type]
        await app.push_screen(CardsScreen())
        await pilot.pause()
        text = card_text(app, "checkin")
        assert "○ Not checked in yet today. Press c to check in." in text
        assert "Missed Tue 24 Nov?" in text
        assert "This stretch: 12 days · longest: 28 days" in text
        assert "Days kept: 26 this month · 59 this year · 59 in all" in text
        assert "Time between your last two setbacks: 28 days" in text
        assert "★" not in text
        mood_line = next(line for line in text.splitlines() if line.startswith("Mood"))
        assert mood_line.count("·") == 4  # 3, 20 and 21 days ago were missed; today not yet
        urges = card_text(app, "urges")
        assert "Urges this week: 2 (1 passed, average strength 3.5 of 10)" in urges
        assert "Common triggers: After work (5), Payday (2), Row with mum (1)" in urges
        assert "Times of day: evening (5), night (2), morning (1)" in urges


async def test_card_updates_after_checking_in_and_hides_counters(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", show_day_counter=False)
    app = make_app(root)
    async with app.run_test(size=(80, 40)) as pilot:
        seed_history(app.repo, TODAY)  # type: ignore[arg-type]
        await app.push_screen(CardsScreen())
        await pilot.pause()
        assert "stretch" not in card_text(app, "checkin").lower()
        assert "Days kept" not in card_text(app, "checkin")
        await app.push_screen(CheckinScreen())
        await pilot.pause()
        await pilot.press("5", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CardsScreen)
        assert "✓ Checked in today" in card_text(app, "checkin")
        assert app.repo.all(Checkin, where=lambda c: c.on == TODAY)  # type: ignore[union-attr]


async def test_milestone_note_on_a_milestone_day(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", show_day_counter=True, recovery_start=TODAY - timedelta(days=29))
    app = make_app(root)
    async with app.run_test(size=(80, 40)) as pilot:
        await app.push_screen(CardsScreen())
        await pilot.pause()
        text = card_text(app, "checkin")
        assert "This stretch: 30 days · longest: 30 days" in text
        assert "★ 30 days today." in text
