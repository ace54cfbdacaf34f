"""The setback screen read at 2 a.m. at 80x24: optional first, F1 offered, the safety line,
kinder words, the day at the bottom and "last night" offered between midnight and 4 a.m."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from textual.widgets import Button, Input, Static, TextArea

from screens.setback import SetbackScreen, night_before
from tests.conftest import TODAY
from tests.ui.helpers import make_app, screen_text, static_text
from workbook import clock
from workbook.models import Checkin, ProfileCard, Setback, WorkingOn
from workbook.storage import DataRoot

NIGHT = datetime(2026, 11, 27, 2, 30).astimezone()


def test_last_night_is_offered_only_before_four() -> None:
    assert night_before(NIGHT) == TODAY - timedelta(days=1)
    assert night_before(NIGHT.replace(hour=3, minute=59)) == TODAY - timedelta(days=1)
    assert night_before(NIGHT.replace(hour=4, minute=0)) is None
    assert night_before(NIGHT.replace(hour=23)) is None


async def test_after_use_following_a_stretch_the_first_screen_is_kind_and_safe(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam", show_day_counter=True)
    app = make_app(root, card.id)
    async with app.run_test(size=(80, 24)) as pilot:
        app.repo.save(Checkin(on=TODAY - timedelta(days=12)))  # type: ignore[union-attr]
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#used-yes").value = True  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetbackScreen)
        first = ["#kind-words", "#optional", "#talk-now", "#safety-line"]
        for selector in first:
            widget = screen.query_one(selector, Static)
            # On screen without scrolling: below the header, above the footer.
            assert widget.region.y >= 1 and widget.region.bottom <= app.size.height - 1, selector
        assert "optional" in static_text(screen.query_one("#optional", Static))
        assert "F1" in static_text(screen.query_one("#talk-now", Static))
        assert "overdose" in static_text(screen.query_one("#safety-line", Static))
        text = screen_text(app)
        for unkind in ("teaches you", "start again", "failure"):
            assert unkind not in text, unkind
        # The day sits below every question.
        day, step = screen.query_one("#day", Input), screen.query_one("#next-step", Input)
        assert day.parent is not None and day.parent.virtual_region.y > step.virtual_region.y
        await pilot.press(*"Payday", "ctrl+s")
        await pilot.pause()
        assert [(s.on, s.going_on) for s in app.repo.all(Setback)] == [(TODAY, "Payday")]  # type: ignore[union-attr]


async def test_at_half_past_two_last_night_is_one_button_away(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    with clock.pinned(NIGHT):
        app = make_app(root, card.id)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.push_screen(SetbackScreen())
            await pilot.pause()
            screen = app.screen
            button = screen.query_one("#last-night", Button)
            assert "It was last night (Thursday 26 November)" in str(button.label)
            button.press()
            await pilot.pause()
            assert screen.query_one("#day", Input).value == "2026-11-26"
            assert screen.query_one("#going-on", TextArea).has_focus
            await pilot.press(*"Couldn't sleep", "ctrl+s")
            await pilot.pause()
            stored = app.repo.all(Setback)  # type: ignore[union-attr]
            assert [(s.on, s.going_on) for s in stored] == [
                (TODAY - timedelta(days=1), "Couldn't sleep")
            ]


async def test_no_last_night_button_in_the_day_and_no_overdose_line_for_gambling_only(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam", working_on=[WorkingOn.GAMBLING])
    app = make_app(root, card.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(SetbackScreen())
        await pilot.pause()
        assert not app.screen.query("#last-night")
        assert not app.screen.query("#safety-line")
        assert app.screen.query_one("#optional", Static)
