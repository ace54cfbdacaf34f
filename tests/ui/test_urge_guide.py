"""The urge-surfing guide at 80x24: the breathing pace agrees with its words, the end is on
screen (Enter never presses a hidden button), and a still-strong urge is offered a next step."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Button

from screens.urge_guide import UrgeSurfScreen
from screens.urges import LogUrgeScreen
from screens.widgets.ruler import Ruler
from tests.ui.helpers import make_app
from workbook import urges
from workbook.models import ProfileCard
from workbook.storage import DataRoot


@pytest.fixture(autouse=True)
def _no_real_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(UrgeSurfScreen, "TICK_SECONDS", 0)


def test_in_for_four_out_for_six_as_the_words_say() -> None:
    assert "four counts, out through your mouth for six" in urges.words().guide.steps[1]
    words = [UrgeSurfScreen.breath_words(second) for second in range(20)]
    ins = [w for w in words[:10] if w.startswith("Breathe in")]
    outs = [w for w in words[:10] if "breathe out" in w]
    assert (len(ins), len(outs)) == (4, 6)
    assert words[:10] == ins + outs  # four in, then six out, then again
    assert words[3] == "Breathe in... 4" and words[9] == "...and breathe out. 6"
    assert words[10:] == words[:10]


async def _open_guide(pilot, app) -> UrgeSurfScreen:  # type: ignore[no-untyped-def]
    """From Home: u opens the urges, g the guide."""
    await pilot.press("u")
    await pilot.pause()
    await pilot.press("g")
    await pilot.pause()
    guide = app.screen
    assert isinstance(guide, UrgeSurfScreen)
    return guide


async def _finished_guide(pilot, app) -> UrgeSurfScreen:  # type: ignore[no-untyped-def]
    guide = await _open_guide(pilot, app)
    await pilot.press("backspace", "1", "enter")
    await pilot.pause()
    guide.advance(60)
    await pilot.pause()
    assert not guide.running
    return guide


async def test_the_end_buttons_are_on_screen_and_enter_presses_the_one_seen(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        guide = await _finished_guide(pilot, app)
        for button in guide.query(Button).filter("#surf-buttons Button"):
            region = button.region
            assert region.height > 0 and region.bottom <= app.size.height - 1, button.id
        await pilot.press("3", "tab")
        assert app.focused is not None and app.focused.id == "surf-log"
        assert app.focused.region.height > 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LogUrgeScreen)


async def test_a_still_strong_urge_is_offered_a_next_step_and_another_round(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        guide = await _finished_guide(pilot, app)
        still = guide.query_one("#surf-still-strong")
        assert not still.display
        guide.query_one("#surf-strength", Ruler).focus()
        await pilot.press("8")
        await pilot.pause()
        assert still.display
        again = guide.query_one("#surf-again", Button)
        assert again.region.height > 0 and again.region.bottom <= app.size.height - 1
        again.press()
        await pilot.pause()
        assert guide.running and guide.minutes == 1 and guide.elapsed == 0
        assert not guide.query_one("#surf-after").display


async def test_the_guide_draws_itself_from_its_state(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """State flows down (issue 15): setting the screen's reactives is all it takes; the parts
    shown, the timer and the error line follow without a handler poking them."""
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        guide = await _open_guide(pilot, app)
        assert guide.query_one("#surf-setup").display
        assert not guide.query_one("#surf-after").display
        guide.minutes_error = "Please give [b]1 to 30[/b] minutes."
        await pilot.pause()
        error = guide.query_one("#surf-error")
        assert error.display and "[b]1 to 30[/b]" in str(error.render())  # words, not markup
        guide.minutes, guide.elapsed, guide.phase = 10, 125, "riding"
        await pilot.pause()
        assert not guide.query_one("#surf-setup").display
        timer = guide.query_one("#surf-timer")
        assert "7:55 left of 10 min" in str(timer.render())
        # All five lines are on screen (found in tmux: only the first was, the height had
        # been measured while the timer was empty).
        assert timer.region.height == 5
        guide.phase, guide.still_strong = "after", True
        await pilot.pause()
        assert guide.query_one("#surf-after").display
        assert guide.query_one("#surf-still-strong").display
        assert not guide.query_one("#surf-intro").display
        assert str(guide.query_one("#surf-timer").render()) == ""
