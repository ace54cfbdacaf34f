"""Pilot tests of the daily check-in: stored field by field, edited, back-filled, refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from textual.widgets import Input, Static

from screens.checkin import CheckinScreen
from screens.setback import SetbackScreen
from tests.conftest import TODAY
from tests.ui.helpers import make_app, screen_text
from workbook.models import Checkin, Halt, ProfileCard, UseAnswer
from workbook.storage import DataRoot

YESTERDAY = TODAY - timedelta(days=1)


def said(screen: CheckinScreen, line: str) -> str:
    """What the line under a field says now ("" when it is hidden or not built yet)."""
    found = screen.query(line)
    if not found or not found.first().display:
        return ""
    return str(found.first(Static).render())


async def open_checkin(pilot) -> CheckinScreen:  # type: ignore[no-untyped-def]
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CheckinScreen)
    return screen


async def test_a_checkin_is_stored_field_by_field(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", pathway="stop completely")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        await pilot.press("4", "tab", "1", "0", "tab")  # mood 4, craving 10
        await pilot.press("enter")  # the first answer: No
        await pilot.press("tab", "space", "tab", "tab", "tab", "space")  # hungry, tired
        await pilot.press("tab", *"6.5", "tab", *"Cooked dinner", "tab", *"Calm day")
        await pilot.press("enter")
        await pilot.pause()
        stored = app.repo.all(Checkin)  # type: ignore[union-attr]
        assert len(stored) == 1
        c = stored[0]
        assert (c.on, c.mood, c.craving, c.used) == (TODAY, 4, 10, UseAnswer.NO)
        assert c.halt == [Halt.HUNGRY, Halt.TIRED]
        assert c.sleep_hours == 6.5
        assert (c.win, c.note, c.filled_in_on) == ("Cooked dinner", "Calm day", None)
        assert not isinstance(app.screen, CheckinScreen)


async def test_editing_todays_checkin(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        app.repo.save(Checkin(on=TODAY, mood=2, win="Rang Jo"))  # type: ignore[union-attr]
        screen = await open_checkin(pilot)
        line = str(screen.query_one("#day-line", Static).render())
        assert "checked in already" in line
        assert screen.query_one("#win", Input).value == "Rang Jo"
        await pilot.press("5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Checkin)  # type: ignore[union-attr]
        assert len(stored) == 1
        assert (stored[0].mood, stored[0].win) == (5, "Rang Jo")


async def test_back_filling_yesterday(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("shift+tab", "ctrl+a", "ctrl+k", *"yesterday", "enter")
        await pilot.pause()
        line = str(screen.query_one("#day-line", Static).render())
        assert "missed day" in line and "yesterday, Thursday 26 November 2026" in line
        shown = screen_text(app)
        assert "How is your mood that day?" in shown and "mood today" not in shown
        await pilot.press("3", "ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Checkin)  # type: ignore[union-attr]
        assert [(c.on, c.mood, c.filled_in_on) for c in stored] == [(YESTERDAY, 3, TODAY)]


async def test_future_date_and_bad_sleep_are_refused_inline(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("shift+tab", "ctrl+a", "ctrl+k", *"2026-12-01", "enter")
        await pilot.pause()
        error = str(screen.query_one("#day-error", Static).render())
        assert "Tuesday 1 December 2026 hasn't happened yet" in error
        assert screen.day == TODAY
        screen.query_one("#sleep", Input).value = "30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "0 to 24" in str(screen.query_one("#sleep-error", Static).render())
        assert screen.query_one("#sleep-error").display
        assert app.repo.all(Checkin) == []  # type: ignore[union-attr]
        assert isinstance(app.screen, CheckinScreen)


async def test_cut_back_asks_about_the_limit(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", pathway="cut back")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        labels = [str(w.render()) for w in screen.query("Label")]
        assert any("limit you set" in text for text in labels)
        assert screen.query_one("#used-over_limit")


async def test_a_return_to_use_leads_to_the_setback_reflection(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", pathway="cut back")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        screen.query_one("#used-over_limit").value = True  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetbackScreen)
        kind = str(app.screen.query_one("#kind-words", Static).render())
        assert "failure" not in kind
        await pilot.press(*"Long shift, then payday")
        await pilot.press("tab", "space", "tab", "tab", "tab", "space")  # hungry, tired
        await pilot.press("tab", *"Texting Jo")
        await pilot.press("tab", *"Call my coach", "enter")
        await pilot.pause()
        from workbook.models import Setback

        stored = app.repo.all(Setback)  # type: ignore[union-attr]
        assert len(stored) == 1
        s = stored[0]
        assert (s.on, s.going_on, s.helped_before, s.next_step) == (
            TODAY,
            "Long shift, then payday",
            "Texting Jo",
            "Call my coach",
        )
        assert s.halt == [Halt.HUNGRY, Halt.TIRED]
        assert not isinstance(app.screen, SetbackScreen)


async def test_a_setback_on_its_own_for_a_past_day(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from workbook.models import Setback

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetbackScreen)
        screen.query_one("#day", Input).value = "2026-11-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "hasn't happened yet" in str(screen.query_one("#day-error", Static).render())
        assert app.repo.all(Setback) == []  # type: ignore[union-attr]
        screen.query_one("#day", Input).value = "2026-11-20"
        await pilot.press(*"Bad news at work", "ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Setback)  # type: ignore[union-attr]
        assert [(s.on, s.going_on) for s in stored] == [
            (TODAY - timedelta(days=7), "Bad news at work")
        ]
        assert isinstance(app.screen, CheckinScreen)
        assert app.repo.all(Checkin) == []  # type: ignore[union-attr]


async def test_setback_screen_keeps_counters_hidden_unless_shown(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    for shown in (False, True):
        card = make_profile(f"P{int(shown)}", show_day_counter=shown)
        app = make_app(root, card.id)
        async with app.run_test(size=(80, 24)) as pilot:
            app.repo.save(Checkin(on=TODAY - timedelta(days=9)))  # type: ignore[union-attr]
            await app.push_screen(SetbackScreen())
            await pilot.pause()
            line = str(app.screen.query_one("#kept-line", Static).render())
            assert ("9 days kept in all" in line) is shown
            assert "today" not in line  # the setback may be for a past day


async def test_removing_a_setback_noted_by_mistake(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.dialogs import Confirm
    from workbook.models import Setback

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        app.repo.save(Setback(on=YESTERDAY, next_step="Rest"))  # type: ignore[union-attr]
        app.repo.save(Setback(on=TODAY - timedelta(days=5)))  # type: ignore[union-attr]
        await app.push_screen(SetbackScreen(YESTERDAY))
        await pilot.pause()
        assert app.screen.query_one("#next-step", Input).value == "Rest"
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")  # "No, keep it" has the focus
        await pilot.pause()
        assert len(app.repo.all(Setback)) == 2  # type: ignore[union-attr]
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # "Yes, remove it"
        await pilot.pause()
        assert [s.on for s in app.repo.all(Setback)] == [TODAY - timedelta(days=5)]  # type: ignore[union-attr]
        assert not isinstance(app.screen, SetbackScreen)


async def test_escape_with_unsaved_changes_asks_first(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.widgets.unsaved import UnsavedScreen

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        await pilot.press("escape")  # nothing changed: straight back
        await pilot.pause()
        assert not isinstance(app.screen, CheckinScreen)
        await open_checkin(pilot)
        await pilot.press("3", "escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        await pilot.press("enter")  # "Save them"
        await pilot.pause()
        assert [c.mood for c in app.repo.all(Checkin)] == [3]  # type: ignore[union-attr]
        assert not isinstance(app.screen, (CheckinScreen, UnsavedScreen))
        # Opening it again shows what was saved, so Escape leaves at once.
        await open_checkin(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (CheckinScreen, UnsavedScreen))


async def test_the_reflection_can_be_skipped(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from workbook.models import Setback
    from workbook.stretches import record_of

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        screen.query_one("#used-yes").value = True  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetbackScreen)
        await pilot.press("escape")  # nothing written: no question, no reflection stored
        await pilot.pause()
        assert not isinstance(app.screen, SetbackScreen)
        assert app.repo.all(Setback) == []  # type: ignore[union-attr]
        # The day still counts as a setback, from the check-in itself.
        assert record_of(app.repo, TODAY).setback_days == (TODAY,)  # type: ignore[arg-type]


async def test_changing_the_day_clears_every_answer_of_the_day_before(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Today saved as over the limit must not carry over to a missed day typed in."""
    make_profile("Sam", pathway="cut back")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        app.repo.save(  # type: ignore[union-attr]
            Checkin(on=TODAY, mood=2, craving=7, used=UseAnswer.OVER_LIMIT, win="Rang Jo")
        )
        screen = await open_checkin(pilot)
        await pilot.press("shift+tab", "ctrl+u", *"yesterday", "enter")
        await pilot.pause()
        assert screen.day == YESTERDAY
        assert screen.query_one("#day", Input).value == YESTERDAY.isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = {c.on: c for c in app.repo.all(Checkin)}  # type: ignore[union-attr]
        assert stored[TODAY].used == UseAnswer.OVER_LIMIT
        assert stored[YESTERDAY].used is None
        assert (stored[YESTERDAY].mood, stored[YESTERDAY].win) == (None, "")
        assert not isinstance(app.screen, SetbackScreen)


async def test_changing_the_day_loads_that_days_answers(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam", pathway="cut back")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        app.repo.save(Checkin(on=TODAY, used=UseAnswer.OVER_LIMIT))  # type: ignore[union-attr]
        app.repo.save(Checkin(on=YESTERDAY, used=UseAnswer.WITHIN_LIMIT))  # type: ignore[union-attr]
        screen = await open_checkin(pilot)
        await pilot.press("shift+tab", "ctrl+u", *"yesterday", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = {c.on: c.used for c in app.repo.all(Checkin)}  # type: ignore[union-attr]
        assert stored == {TODAY: UseAnswer.OVER_LIMIT, YESTERDAY: UseAnswer.WITHIN_LIMIT}
        assert screen.day == YESTERDAY


async def test_letters_in_the_sleep_box_are_named_at_once_and_kept(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Typing "7 hours" says at once, beside the box, that it needs a number; the words stay
    in the box to put right, nothing is saved until they are, then the number is stored."""
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        box = screen.query_one("#sleep", Input)
        box.focus()
        await pilot.press("7")
        await pilot.pause()
        assert said(screen, "#sleep-error") == ""  # a number so far: nothing to say
        await pilot.press("space", "h")
        await pilot.pause()
        assert "a number from 0 to 24" in said(screen, "#sleep-error")
        assert box.value == "7 h"  # kept as typed, never cleared
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.repo.all(Checkin) == []  # type: ignore[union-attr]
        assert box.value == "7 h" and isinstance(app.screen, CheckinScreen)
        await pilot.press("backspace", "backspace", "ctrl+u")
        await pilot.press(*"6,5")  # a comma for the decimal point is fine
        await pilot.pause()
        assert said(screen, "#sleep-error") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c.sleep_hours for c in app.repo.all(Checkin)] == [6.5]  # type: ignore[union-attr]


async def test_a_mood_and_halt_boxes_chosen_before_f9_come_back_with_the_draft(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Only choices made, no words: the draft keeps them and offers them back (it kept only
    text before, so a mood chosen and then hidden was lost)."""
    from textual.widgets import Button, Checkbox

    from screens.dialogs import Confirm
    from screens.widgets.ruler import Ruler

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("2")  # mood
        app.screen.query_one("#halt-lonely", Checkbox).value = True
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("enter")  # back (no passphrase)
        await pilot.pause()
        assert app.repo is not None and app.repo.all(Checkin) == []
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        app.screen.query_one("#yes", Button).press()  # Carry on
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.query_one("#mood", Ruler).value == 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Checkin)
        assert [(c.on, c.mood, c.halt) for c in stored] == [(TODAY, 2, [Halt.LONELY])]


async def test_the_lines_saying_what_to_fix_are_built_only_when_there_is_something_to_say(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Three hidden lines (the day, the hours of sleep, the form) were built with every
    check-in and restyled on each opening, for the rare day one of them speaks (issue 20)."""
    from screens.widgets.message import FieldMessage

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_checkin(pilot)
        assert list(screen.query(FieldMessage)) == []
        screen.query_one("#sleep", Input).value = "lots"
        await pilot.pause()
        assert [line.id for line in screen.query(FieldMessage)] == ["sleep-error"]
        sleep = screen.query_one("#sleep")
        assert sleep.parent is not None
        after = sleep.parent.children[sleep.parent.children.index(sleep) + 1]
        assert after.id == "sleep-error"  # right under its box
        screen.query_one("#sleep", Input).value = "7"
        await pilot.pause()
        assert said(screen, "#sleep-error") == ""  # put right: hidden again, kept for next time
        assert len(screen.query(FieldMessage)) == 1


async def test_no_part_of_the_check_in_is_styled_before_it_is_mounted(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``compact=True`` (and the first value of a box, and a button's variant) set a class on
    a widget not yet mounted, and Textual worked out its style there, to do it again when it
    was mounted: four tick boxes, the day box and Save, each a few styled parts (issue 20)."""
    from textual.dom import DOMNode

    from screens.app import WorkbookApp

    make_profile()
    early: list[str] = []
    real = WorkbookApp.update_styles

    def noting(app: WorkbookApp, node: DOMNode, animate: bool = True) -> None:
        if not node.is_attached:
            early.append(f"{type(node).__name__}#{node.id}")
        real(app, node, animate)

    monkeypatch.setattr(WorkbookApp, "update_styles", noting)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        early.clear()
        screen = await open_checkin(pilot)
        assert len(screen.query("#halt Tick")) == 4
        assert early == []


async def test_opening_lays_out_no_row_to_learn_its_height_and_redraws_no_question(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The day's row and the tick boxes' row were laid out on each layout pass only to learn
    they are one line high (two below 80 columns); each question, born with its words, was
    drawn again twice as it was mounted, each time laying the form out (issue 20)."""
    from textual.widget import Widget

    from screens.checkin import DayQuestion

    make_profile()
    measured: list[str] = []
    real_height = Widget.get_content_height

    def noting_height(widget: Widget, *args: object, **kwargs: object) -> int:
        measured.append(str(widget.id))
        return real_height(widget, *args, **kwargs)  # type: ignore[arg-type]

    redrawn: list[str] = []
    real_update = DayQuestion.update

    def noting_update(question: DayQuestion, *args: object, **kwargs: object) -> None:
        redrawn.append(question.text)
        real_update(question, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Widget, "get_content_height", noting_height)
    monkeypatch.setattr(DayQuestion, "update", noting_update)
    for size in ((80, 24), (60, 20)):
        measured.clear()
        redrawn.clear()
        app = make_app(root)
        async with app.run_test(size=size) as pilot:
            screen = await open_checkin(pilot)
            assert {"day-row", "halt"} & set(measured) == set(), size
            assert redrawn == [], size
            rows = screen.query_one("#halt").region.height
            assert rows == (1 if size[0] >= 80 else 2)
            await pilot.press("shift+tab", "ctrl+u", *"yesterday", "enter")
            await pilot.pause()
            assert len(redrawn) == 5  # every question now says "that day", once
            assert "How is your mood that day?" in screen_text(app)
