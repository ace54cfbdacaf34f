"""Typing in the change plan never waits for a save (issue 20).

Each save re-encrypts and rewrites the whole workbook, so the walk gathers keys for a moment
(``Drafting.save_soon``) and saves at once when the person leaves the box, the step or the
screen. The save timer is made long here and fired by hand (``_typing_paused`` is what it
calls), so no test waits on the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from screens import drafting
from screens.app import WorkbookApp
from screens.plan import PlanScreen
from tests.conftest import TODAY
from tests.ui.helpers import make_app
from tests.ui.test_plan import SIZE, add_row, open_plan, stored, type_text
from workbook import plan as wp
from workbook.models import Plan, PlanChange, ProfileCard
from workbook.storage import DataRoot
from workbook.storage.tinystore import AtomicStorage

SENTENCE = "I want mornings with my kids back"


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Every write of the workbook file from now on, counted; the save timer made long."""
    counted: list[int] = []
    real = AtomicStorage._flush

    def counting(storage: AtomicStorage) -> None:
        counted.append(1)
        real(storage)

    monkeypatch.setattr(AtomicStorage, "_flush", counting)
    monkeypatch.setattr(drafting.Drafting, "save_delay", 3600.0)
    yield counted


async def to_importance_why(pilot: Pilot[int]) -> PlanScreen:
    """Open the walk at step 2 with the cursor in "why not lower?"."""
    await open_plan(pilot)
    await add_row(pilot, "Drink less")
    await pilot.press("pagedown")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PlanScreen)
    screen.query_one("#text-importance_why", Input).focus()
    await pilot.pause()
    return screen


async def test_a_typed_sentence_is_one_save_when_the_timer_fires(
    root: DataRoot, make_profile: Callable[..., ProfileCard], writes: list[int]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_importance_why(pilot)
        writes.clear()
        await type_text(pilot, SENTENCE[:1])
        timer = screen._typing_timer
        assert timer is not None  # the first key starts the one timer...
        await type_text(pilot, SENTENCE[1:])
        await pilot.pause()
        assert screen._typing_timer is timer  # ...and the next keys do not restart it
        assert writes == []  # typing never waited for a write
        assert stored(app).importance_why == ""
        screen._typing_paused()  # the half second is up
        assert len(writes) == 1
        assert stored(app).importance_why == SENTENCE
        assert not screen.holds_words()
        assert len(writes) == 1  # nothing was waiting


async def test_quitting_while_a_save_waits_saves_it_and_does_not_ask(
    root: DataRoot, make_profile: Callable[..., ProfileCard], writes: list[int]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await to_importance_why(pilot)
        await type_text(pilot, SENTENCE)
        await pilot.press("ctrl+q")
        assert not app.is_running  # quit at once: nothing was left unsaved to ask about
    card = root.cards()[0]
    repo = root.open(card)
    try:
        assert repo.get(Plan) is not None
        assert repo.get(Plan).importance_why == SENTENCE  # type: ignore[union-attr]
    finally:
        repo.close()


async def test_leaving_the_box_saves_at_once(
    root: DataRoot, make_profile: Callable[..., ProfileCard], writes: list[int]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_importance_why(pilot)
        writes.clear()
        await type_text(pilot, SENTENCE)
        await pilot.press("tab")
        await pilot.pause()
        assert len(writes) == 1
        assert stored(app).importance_why == SENTENCE
        assert screen._typing_timer is None


async def test_next_step_and_back_save_what_is_waiting(
    root: DataRoot, make_profile: Callable[..., ProfileCard], writes: list[int]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await to_importance_why(pilot)
        await type_text(pilot, "kids")
        await pilot.press("pagedown")  # Next step: the walk moves on with it saved
        await pilot.pause()
        assert stored(app).importance_why == "kids"
        assert stored(app).current_step == 3
        app.screen.query_one("#text-confidence_why", Input).focus()
        await type_text(pilot, "did it before")
        await pilot.press("escape")  # Back to Home
        await pilot.pause()
        assert not isinstance(app.screen, PlanScreen)
        assert stored(app).confidence_why == "did it before"


async def test_typing_back_to_what_is_stored_leaves_nothing_waiting(
    root: DataRoot, make_profile: Callable[..., ProfileCard], writes: list[int]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        screen = await to_importance_why(pilot)
        writes.clear()
        await type_text(pilot, "ab")
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert not screen.holds_words()
        screen._typing_paused()
        assert writes == []
        assert stored(app).importance_why == ""


async def test_editing_a_list_row_waits_but_adding_a_row_saves_at_once(
    root: DataRoot, make_profile: Callable[..., ProfileCard], writes: list[int]
) -> None:
    make_profile()
    app: WorkbookApp = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await add_row(pilot, "Drink less")
        assert [c.text for c in stored(app).changes] == ["Drink less"]
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        writes.clear()
        screen.query_one("#r0-text", Input).focus()
        await pilot.press("end")
        await type_text(pilot, " on weekdays")
        await pilot.pause()
        assert writes == []
        assert [c.text for c in stored(app).changes] == ["Drink less"]
        screen.query_one("#new-text", Input).focus()  # leaving the row's box
        await pilot.pause()
        assert len(writes) == 1
        assert [c.text for c in stored(app).changes] == ["Drink less on weekdays"]
        await add_row(pilot, "Sleep more")
        assert [c.text for c in stored(app).changes] == ["Drink less on weekdays", "Sleep more"]


async def test_weighing_it_up_waits_too_and_saves_on_leaving_the_box(
    root: DataRoot, make_profile: Callable[..., ProfileCard], writes: list[int]
) -> None:
    card = make_profile()
    repo = root.open(card)
    wp.set_answers(repo, changes=[PlanChange(text="Drink less")])
    wp.finish(repo, TODAY)
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("w")
        await pilot.pause()
        writes.clear()
        await type_text(pilot, "It helps me unwind")
        await pilot.pause()
        assert writes == []
        assert app.repo is not None
        assert wp.load_weighing(app.repo).habit_gives == ""
        await pilot.press("tab")
        await pilot.pause()
        assert len(writes) == 1
        assert wp.load_weighing(app.repo).habit_gives == "It helps me unwind"
        await type_text(pilot, "money")
        await pilot.press("escape")  # Back: the waiting save is made on the way out
        await pilot.pause()
        assert wp.load_weighing(app.repo).habit_costs == "money"
