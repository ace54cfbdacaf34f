"""The thought tool at 80x24: opened from the urges and from the plan for hard moments, what is
typed is stored as typed, and the thoughts that helped before are shown back literally."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Static, TextArea

from screens.hard_plan import HardPlanScreen
from screens.text import literal
from screens.thoughts import ThoughtScreen
from screens.urges import UrgesScreen
from tests.blns import naughty_strings
from tests.ui.helpers import make_app, static_text
from workbook import thoughts
from workbook.models import ProfileCard, ThoughtCheck
from workbook.storage import DataRoot


def stored(root: DataRoot) -> list[ThoughtCheck]:
    repo = root.open(root.cards()[0], write=False)
    try:
        return repo.all(ThoughtCheck)
    finally:
        repo.close()


async def test_from_the_urges_catch_check_and_change_a_thought(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UrgesScreen)
        await pilot.press("t")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ThoughtScreen)
        await pilot.press(*"One won't hurt.")
        await pilot.press("tab", *"It never is one.", "tab", *"Bath, then call Jo.")
        await pilot.pause()
        assert [(c.caught, c.checked, c.changed) for c in stored(root)] == [
            ("One won't hurt.", "It never is one.", "Bath, then call Jo.")
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, UrgesScreen)
        await pilot.press("t")  # a second go starts empty and shows the first one's thought
        await pilot.pause()
        again = pilot.app.screen
        assert again.query_one("#thought-caught", TextArea).text == ""
        assert "• Bath, then call Jo." in static_text(again.query_one("#helped", Static))
    assert len(stored(root)) == 1  # the empty second go was never stored


async def test_from_the_plan_for_hard_moments_with_ctrl_t(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HardPlanScreen)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ThoughtScreen)
        await pilot.press(*"I deserve it.")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HardPlanScreen)
    assert [c.caught for c in stored(root)] == ["I deserve it."]


async def test_naughty_thoughts_are_stored_and_shown_back_literally(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    repo = root.open(card)
    strings = [s for s in naughty_strings() if s.strip()]
    for text in strings[::25]:
        repo.save(ThoughtCheck(changed=text))
    expected = thoughts.helped_before(repo)
    repo.close()
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "t")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ThoughtScreen)
        shown = " ".join(static_text(screen.query_one("#helped", Static), width=20_000).split())
        for text in expected:  # literally: markup-looking text stays as it was typed
            assert " ".join(literal(text).plain.split()) in shown
        box = screen.query_one("#thought-changed", TextArea)
        for text in strings[::31]:
            box.text = text
            await pilot.pause()
            mine = [c for c in stored(root) if c.id == screen.check.id]
            assert [c.changed for c in mine] == [text]
