"""Pilot tests of the urge log (F2 from anywhere), the urge-surfing guide and the urge list."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import time

import pytest
from textual.widgets import Button, DataTable, Input, Static

import screens.urges as urge_screens
from screens.urge_guide import UrgeSurfScreen
from screens.urges import LogUrgeScreen, UrgesScreen
from screens.widgets.letter_pick import LetterPick
from screens.widgets.ruler import Ruler
from tests.conftest import TODAY
from tests.ui.helpers import make_app
from workbook.models import ProfileCard, TriggerKind, Urge
from workbook.storage import DataRoot


@pytest.fixture(autouse=True)
def _fixed_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(urge_screens, "clock_time", lambda: time(18, 30))
    monkeypatch.setattr(UrgeSurfScreen, "TICK_SECONDS", 0)  # no real timer: tests advance it
    yield


async def test_an_urge_logged_with_f2_from_inside_another_screen(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")  # inside the check-in, with a text field focused
        await pilot.pause()
        app.screen.query_one("#win", Input).focus()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, LogUrgeScreen)
        await pilot.press("7")  # strength
        await pilot.press("tab", *"20")  # minutes
        await pilot.press("tab", *"Walked past the pub")
        await pilot.press("tab", "l")  # the kind of trigger: one key, "l" for a place
        await pilot.press("tab", *"Just one won't hurt")
        await pilot.press("tab", *"Rang Sam")
        await pilot.press("tab", "enter")  # passed: yes
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Urge)  # type: ignore[union-attr]
        assert len(stored) == 1
        u = stored[0]
        assert (u.on, u.at, u.strength, u.minutes, u.passed) == (TODAY, time(18, 30), 7, 20, True)
        assert (u.trigger, u.kind, u.thoughts, u.did) == (
            "Walked past the pub",
            TriggerKind.PLACE,
            "Just one won't hurt",
            "Rang Sam",
        )
        # Back where they were, with what they had not saved yet still there.
        assert app.screen.query_one("#win", Input).has_focus


async def test_urge_form_refuses_bad_input_inline(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "from 0 to 10" in str(screen.query_one("#strength-error", Static).render())
        await pilot.press("5")
        screen.query_one("#minutes", Input).value = "2000"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "from 0 to 1440" in str(screen.query_one("#minutes-error", Static).render())
        screen.query_one("#minutes", Input).value = ""
        screen.query_one("#urge-day", Input).value = "2026-12-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "hasn't happened yet" in str(screen.query_one("#when-error", Static).render())
        screen.query_one("#urge-day", Input).value = "2026-11-26"
        screen.query_one("#urge-time", Input).value = "25:99"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "HH:MM" in str(screen.query_one("#when-error", Static).render())
        assert app.repo.all(Urge) == []  # type: ignore[union-attr]
        screen.query_one("#urge-time", Input).value = "23:10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Urge)  # type: ignore[union-attr]
        assert [(u.on.day, u.at, u.strength) for u in stored] == [(26, time(23, 10), 5)]


async def test_escape_asks_before_leaving_an_urge_behind(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.widgets.unsaved import UnsavedScreen

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2", "escape")  # nothing typed: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, LogUrgeScreen)
        await pilot.press("f2", "5", "escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, LogUrgeScreen)
        await pilot.press("escape", "tab", "enter")  # leave without saving
        await pilot.pause()
        assert not isinstance(app.screen, (LogUrgeScreen, UnsavedScreen))
        assert app.repo.all(Urge) == []  # type: ignore[union-attr]
        await pilot.press("f2", "6", "escape", "enter")  # save them
        await pilot.pause()
        assert [u.strength for u in app.repo.all(Urge)] == [6]  # type: ignore[union-attr]


async def test_the_urge_surfing_guide_times_then_offers_to_log(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        guide = app.screen
        assert isinstance(guide, UrgeSurfScreen)
        await pilot.press("backspace", "4", "0", "enter")
        await pilot.pause()
        assert "1 to 30" in str(guide.query_one("#surf-error", Static).render())
        await pilot.press("backspace", "backspace", "3", "enter")
        await pilot.pause()
        assert guide.running and guide.minutes == 3
        guide.advance(60)
        timer = str(guide.query_one("#surf-timer").render())
        assert "2:00 left of 3 min" in timer
        assert not guide.query_one("#surf-after").display
        guide.tick()
        guide.advance(200)
        await pilot.pause()
        assert not guide.running
        assert guide.query_one("#surf-after").display
        await pilot.press("2")  # how strong now
        await pilot.press("tab", "enter")  # "Yes, note it"
        await pilot.pause()
        assert isinstance(app.screen, LogUrgeScreen)
        assert app.screen.query_one("#minutes", Input).value == "3"
        await pilot.press("6", "ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Urge)  # type: ignore[union-attr]
        assert [(u.strength, u.strength_after, u.minutes, u.passed) for u in stored] == [
            (6, 2, 3, True)
        ]
        assert "urge-surfing guide" in stored[0].did
        assert isinstance(app.screen, UrgesScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1


async def test_the_hard_moment_screen_points_to_the_guide(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        pointer = str(app.screen.query_one("#urge-guide-pointer", Static).render())
        assert "urge-surfing guide" in pointer
        app.screen.query_one("#urge-guide-open").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UrgeSurfScreen)


async def test_changing_an_urge_from_the_list(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        first = Urge(on=TODAY, at=time(7, 5), strength=4, trigger="Bus stop", passed=None)
        app.repo.save(first)  # type: ignore[union-attr]
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LogUrgeScreen)
        assert dialog.query_one("#trigger", Input).value == "Bus stop"
        assert dialog.query_one("#urge-time", Input).value == "07:05"
        await pilot.press("9", "ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Urge)  # type: ignore[union-attr]
        assert [(u.id, u.strength, u.trigger, u.at) for u in stored] == [
            (first.id, 9, "Bus stop", time(7, 5))
        ]
        assert isinstance(app.screen, UrgesScreen)
        assert "9/10" in str(app.screen.query_one(DataTable).get_row_at(0)[1])


async def test_the_kind_of_trigger_is_one_key_optional_and_counted(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """A letter picks a kind, the same letter clears it, an unknown key is not a kind, and the
    log counts urges by kind with the person's own words beside it."""
    from screens.widgets.letter_pick import LetterPick

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        app.repo.save(  # type: ignore[union-attr]
            Urge(
                on=TODAY,
                at=time(8, 0),
                strength=3,
                trigger="Bills on the mat",
                kind=TriggerKind.MONEY,
            )
        )
        await pilot.press("u", "n")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LogUrgeScreen)
        pick = dialog.query_one("#kind", LetterPick)
        await pilot.press("6")
        pick.focus()
        await pilot.press("m", "m")  # picked, then cleared
        assert pick.value is None
        await pilot.press("z")  # no kind has "z": nothing picked, nothing typed anywhere
        assert pick.value is None
        await pilot.press("p", "right")  # a person, then the next kind along: a place
        assert pick.value == TriggerKind.PLACE.value
        await pilot.press("backspace", "m")
        dialog.query_one("#trigger", Input).value = "Payday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = {u.trigger: u.kind for u in app.repo.all(Urge)}  # type: ignore[union-attr]
        assert stored == {"Payday": TriggerKind.MONEY, "Bills on the mat": TriggerKind.MONEY}
        assert isinstance(app.screen, UrgesScreen)
        summary = str(app.screen.query_one("#urge-patterns", Static).render())
        assert "  money (2): Payday · Bills on the mat" in summary.splitlines()
        assert str(app.screen.query_one(DataTable).get_row_at(0)[4]) == "money: Payday"
        # the urge in view, in full under the table (its column is cut at 80)
        full = app.screen.query_one("#urge-full", Static)
        assert full.display and str(full.render()) == "money: Payday"
        await pilot.press("down")
        await pilot.pause()
        assert str(full.render()) == "money: Bills on the mat"
        await pilot.press("up")
        await pilot.pause()
        # Changing it opens with its kind chosen; no kind saved is no kind shown.
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#kind", LetterPick).value == TriggerKind.MONEY.value


async def test_a_kind_chosen_and_then_escape_asks_first(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.widgets.letter_pick import LetterPick
    from screens.widgets.unsaved import UnsavedScreen

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        app.screen.query_one("#kind", LetterPick).focus()
        await pilot.press("b", "escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)


@pytest.mark.parametrize("way", ["f9", "auto-lock", "f8"])
async def test_the_urge_forms_choices_come_back_with_its_words(
    root: DataRoot, make_profile: Callable[..., ProfileCard], way: str
) -> None:
    """Interrupted on the F2 form, the strength, kind of trigger and "did it pass" are kept in
    the draft with the words, offered back the next time, and saved as they were chosen."""
    from screens.dialogs import Confirm
    from screens.lock import HideScreen, LockScreen
    from screens.profiles_manage import ProfilesScreen
    from tests.ui.test_privacy import FakeIdle

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("7", "tab", *"20", "tab", *"the pub", "tab", "l")
        await pilot.press("tab", "tab", "tab", "enter")  # past thoughts and did: passed, yes
        await pilot.pause()
        if way == "auto-lock":
            idle = FakeIdle()
            app.idle_clock = idle
            app.last_activity = idle.now
            idle.now += 24 * 60 * 60
            app.check_idle_lock()
        else:
            await pilot.press(way)
        await pilot.pause()
        left = {"f9": HideScreen, "auto-lock": LockScreen, "f8": ProfilesScreen}[way]
        assert isinstance(app.screen, left)
        assert app.repo is None
        await pilot.press("enter")  # back: Sam, the only one, has no passphrase
        await pilot.pause()
        await pilot.pause()
        assert app.repo is not None
        assert app.repo.all(Urge) == []  # not saved: kept as a draft
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        app.screen.query_one("#yes", Button).press()  # Carry on
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LogUrgeScreen)
        assert form.query_one("#strength", Ruler).value == 7
        assert form.query_one("#kind", LetterPick).value == TriggerKind.PLACE.value
        assert form.query_one("#trigger", Input).value == "the pub"
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Urge)
        assert [(u.strength, u.minutes, u.trigger, u.kind, u.passed) for u in stored] == [
            (7, 20, "the pub", TriggerKind.PLACE, True)
        ]


async def test_the_urge_list_reads_and_fills_only_what_it_shows(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten years of urges: the list reads the newest hundred and the last four weeks (not all
    ~700), fills its table once (a fit to the window's width changes one column, not every
    row), and shows exactly what reading them all would show (issue 20)."""
    from typing import Any

    from workbook import urges
    from workbook.demo import build_demo
    from workbook.storage.repository import Repository
    from workbook.urge_summary import summary_lines

    card = build_demo(root, years=10, seed=1, today=TODAY)
    read: list[str] = []
    real_load = Repository._load

    def counting(repo: Repository, model: type[Any], doc: dict[str, Any]) -> Any:
        if model is Urge:
            read.append(doc["id"])
        return real_load(repo, model, doc)

    added: list[object] = []
    real_add = DataTable.add_row

    def adding(table: DataTable[Any], *cells: Any, **kw: Any) -> Any:
        added.append(kw.get("key"))
        return real_add(table, *cells, **kw)

    monkeypatch.setattr(Repository, "_load", counting)
    monkeypatch.setattr(DataTable, "add_row", adding)
    app = make_app(root, card.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        read.clear()
        await pilot.press("u")
        await pilot.pause()
        await pilot.pause()
        await pilot.resize_terminal(100, 30)  # fitted again to the new width
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UrgesScreen)
        table = screen.query_one(DataTable)
        shown = urge_screens.SHOWN
        assert table.row_count == shown and len(added) == shown  # filled once
        opening_read = len(read)
        every = urges.all_urges(app.repo)  # type: ignore[arg-type]
        assert len(every) > 4 * shown
        recent = [u for u in every if (TODAY - u.on).days < urges.PATTERN_DAYS]
        assert opening_read <= shown + len(recent)
        assert [str(k.value) for k in table.rows] == [u.id for u in every[:shown]]
        patterns = str(screen.query_one("#urge-patterns", Static).render())
        assert patterns.startswith("\n".join(summary_lines(every, TODAY)))
        assert (
            table.border_title == f"The newest {shown} of {len(every)} (the coach report has all)"
        )
        what = list(table.columns.values())[-1]
        assert not what.auto_width and 8 <= what.width < 100
