"""The Home cards for check-ins and urges show the right numbers for a seeded 60-day history."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Static

from screens.base import WorkbookScreen
from screens.cards import TextCard
from screens.cards.checkin import card as checkin_card
from screens.cards.urges import card as urges_card
from screens.checkin import CheckinScreen
from tests.conftest import TODAY
from tests.daily_seed import seed_history
from tests.ui.helpers import make_app
from workbook.checkins import save_checkin
from workbook.models import Checkin, ProfileCard, UseAnswer
from workbook.storage import DataRoot


class CardsScreen(WorkbookScreen):
    """The two Home cards side by side, as the dashboard grid on Home lays them out at 80x24.

    (Home itself is being rebuilt on another branch, so the cards are tested on their own.)
    """

    SECTION_TITLE = "Home"
    # Its own rules, not Home's: home.tcss (read app-wide once Home is up) lays Home's dashboard
    # out in one column below 150 columns, and it would win over a DEFAULT_CSS.
    CSS = """
    CardsScreen #dashboard {
        grid-size: 2; grid-gutter: 1 2; grid-rows: auto; height: auto; padding: 0 2;
    }
    CardsScreen #dashboard > * { height: auto; }
    """

    def body(self) -> ComposeResult:
        with Grid(id="dashboard"):
            yield checkin_card(self.workbook_app)
            yield urges_card(self.workbook_app)


def card_text(app, which: str) -> str:  # type: ignore[no-untyped-def]
    """The card's lines as drawn, under its title (one widget draws both)."""
    card = app.screen.query_one(f"#{which}-card", TextCard)
    title, _, lines = str(card.render()).partition("\n")
    assert title == card.TITLE
    return lines


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
        assert text.splitlines()[:8] == [
            "○ Not checked in yet · press c",
            "Missed Tue 24 Nov · c to fill in",
            "This stretch: 11 days",  # 16-26 November
            "Longest stretch: 28 days",  # 18 October - 14 November
            "Days kept this month: 25",  # 1-26 November, less the 15th
            "Days kept this year: 58",  # 19 + 28 + 11
            "Time between setbacks: 28 days",
            "Mood (1-5), average 3.0",
        ]
        assert "★" not in text
        mood_line = text.splitlines()[8]
        assert len(mood_line) == 30
        assert mood_line.count("·") == 4  # 3, 20 and 21 days ago were missed; today not yet
        assert all(len(line) <= 32 for line in text.splitlines())
        urges = card_text(app, "urges")
        assert urges.splitlines() == [
            "This week: 2 urges, 1 passed",
            "Average strength: 3.5 of 10",
            "In the last 4 weeks:",  # the patterns' own time, not this week's
            "Triggers: After work (5),",  # a count stays with its words
            " Payday (2), Row with mum (1)",
            "Times: evening (5), night (2),",
            " morning (1)",
            "F2 notes one · u opens the log",
        ]


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
        assert card_text(app, "checkin").startswith("✓ Checked in today · c to edit")
        assert app.repo.all(Checkin, where=lambda c: c.on == TODAY)  # type: ignore[union-attr]


async def test_milestone_note_on_a_milestone_day(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", show_day_counter=True, recovery_start=TODAY - timedelta(days=30))
    app = make_app(root)
    async with app.run_test(size=(80, 40)) as pilot:
        await app.push_screen(CardsScreen())
        await pilot.pause()
        text = card_text(app, "checkin")
        assert "This stretch: 30 days\nLongest stretch: 30 days" in text
        assert "★ 30 days today. Worth a moment." in text


async def test_setback_today_shows_what_is_kept(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", show_day_counter=True, recovery_start=TODAY - timedelta(days=40))
    app = make_app(root)
    async with app.run_test(size=(80, 40)) as pilot:
        app.repo.save(Checkin(on=TODAY, used=UseAnswer.YES))  # type: ignore[union-attr]
        await app.push_screen(CardsScreen())
        await pilot.pause()
        text = card_text(app, "checkin")
        assert "A new stretch starts tomorrow." in text
        assert "Longest stretch: 40 days" in text
        assert not re.search(r"\b0 days", text)


async def test_month_and_year_ends_on_the_card(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from datetime import date

    make_profile("Sam", show_day_counter=True, recovery_start=date(2026, 12, 20))
    # Kept from 20 December, a setback on 25 December.
    for today, expected in [
        (date(2026, 12, 31), ["Days kept this month: 10", "Days kept this year: 10"]),
        (date(2027, 1, 1), ["Days kept in December: 11", "Days kept in 2026: 11"]),
        (
            date(2027, 1, 2),
            ["Days kept this month: 1", "Days kept this year: 1", "Days kept in all: 12"],
        ),
        (
            date(2027, 2, 1),
            ["Days kept in January: 31", "Days kept this year: 31", "Days kept in all: 42"],
        ),
    ]:
        app = make_app(root, today=today)
        async with app.run_test(size=(80, 40)) as pilot:
            setback = Checkin(on=date(2026, 12, 25), used=UseAnswer.YES)
            save_checkin(app.repo, setback, today)  # type: ignore[arg-type]
            await app.push_screen(CardsScreen())
            await pilot.pause()
            assert len(app.repo.all(Checkin)) == 1  # type: ignore[union-attr]
            lines = card_text(app, "checkin").splitlines()
            assert [line for line in lines if line.startswith("Days kept")] == expected


async def test_home_never_shows_two_counters_that_disagree_after_a_setback(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """A check-in recording use, then Home: the top line moves with the card (issue 18)."""
    from screens.home import HomeScreen
    from screens.setback import SetbackScreen
    from tests.ui.helpers import static_text

    make_profile("Sam", show_day_counter=True, recovery_start=TODAY - timedelta(days=60))
    app = make_app(root)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        top = app.screen.query_one("#day-counter", Static)
        assert static_text(top) == "60 days since 28 September 2026. Every one of them counts."
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#used-yes").value = True  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetbackScreen)
        await pilot.press("escape")
        await pilot.pause()
        while not isinstance(app.screen, HomeScreen):
            await pilot.press("escape")
            await pilot.pause()
        await pilot.pause()
        top = app.screen.query_one("#day-counter", Static)
        words = static_text(top)
        assert words.startswith("A new stretch starts tomorrow.")
        assert "60 days kept" in words and "days since" not in words
        assert "A new stretch starts tomorrow." in card_text(app, "checkin")
    repo = root.open(root.cards()[0], write=False)
    assert [(c.on, c.used) for c in repo.all(Checkin)] == [(TODAY, UseAnswer.YES)]
    repo.close()
