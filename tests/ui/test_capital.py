"""The life check-in at 80x24: rated and written as a new user would, stored as it changes,
the trend after a second check-in four weeks on, and "make this a goal" from an area."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from textual import events
from textual.geometry import Size
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from screens.capital import AreaQuestion, CapitalScreen, key_of
from screens.goals import GoalsScreen
from screens.widgets.ruler import Ruler
from tests.blns import naughty_strings
from tests.conftest import TODAY
from tests.ui.helpers import make_app, screen_text, static_text
from workbook import capital
from workbook.models import (
    CapitalAnswer,
    CapitalArea,
    CapitalCheckin,
    Goal,
    LifeArea,
    ProfileCard,
)
from workbook.storage import DataRoot

FOUR_WEEKS_AGO = TODAY - timedelta(weeks=4)


def stored(root: DataRoot) -> list[CapitalCheckin]:
    repo = root.open(root.cards()[0], write=False)
    try:
        return capital.history(repo)
    finally:
        repo.close()


def seed(root: DataRoot, card: ProfileCard, day: date, **rates: int) -> None:
    repo = root.open(card)
    answers = [CapitalAnswer(area=CapitalArea[k.upper()], rating=v) for k, v in rates.items()]
    repo.save(CapitalCheckin(day=day, answers=answers))
    repo.close()


async def test_a_first_check_in_from_home_is_stored_as_it_is_made(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Your first one, any time." in screen_text(app)  # the Home card
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CapitalScreen)
        assert not screen.query_one("#trend-box").display  # nothing to compare with yet
        await pilot.press("2")  # the first area's scale has the focus
        await pilot.press("tab", *"ask Jo")
        await pilot.pause()
        await pilot.press("tab", "tab", "4")  # past the goal button to area 2
        await pilot.pause()
        [today] = stored(root)
        assert today.day == TODAY
        assert today.answers == [
            CapitalAnswer(area=CapitalArea.USE, rating=2, better="ask Jo"),
            CapitalAnswer(area=CapitalArea.MIND, rating=4),
        ]
        assert screen.query_one("#trend-box").display  # the first bars now
        await pilot.press("escape")
        await pilot.pause()
        assert "Next one around 25 Dec." in screen_text(app)


async def test_a_second_check_in_four_weeks_on_shows_the_trend_and_what_moved(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    seed(root, card, FOUR_WEEKS_AGO - timedelta(weeks=4), home=1, mind=2)
    seed(root, card, FOUR_WEEKS_AGO, home=2, mind=3, body=3)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Due now." in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CapitalScreen)
        assert "Due now: the last one was on 30 Oct." in static_text(screen.query_one("#due"))
        question = screen.query(".question").nodes[6]
        assert "Last time: 2 hard." in static_text(question)
        for area, rating in ((CapitalArea.HOME, 5), (CapitalArea.MIND, 2), (CapitalArea.BODY, 3)):
            scale, _, _ = screen.reach(area)
            scale.value = rating
        await pilot.pause()
        moved = static_text(screen.query_one("#moved-most", Static))
        assert moved == "Moved most since 30 Oct: Home and safety (up 3) and My mind (down 1)."
        trend = static_text(screen.query_one("#trend", Static))
        assert "Home and safety          █████     ▂▃█  5 going well, up 3" in trend
    latest = stored(root)[-1]
    assert latest.day == TODAY
    assert [(a.area, a.rating) for a in latest.answers] == [
        (CapitalArea.MIND, 2),
        (CapitalArea.BODY, 3),
        (CapitalArea.HOME, 5),
    ]


async def test_make_this_a_goal_from_an_area_once(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CapitalScreen)
        _, box, button = screen.reach(CapitalArea.HOME)
        await pilot.pause()
        box.value = "Fill in the housing form"
        button.press()
        await pilot.pause()
        assert str(button.label) == "A goal ✓"
        button.press()  # a second press does not make a second goal
        await pilot.pause()
        await pilot.press("escape", "g")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
    repo = root.open(root.cards()[0], write=False)
    goals = repo.all(Goal)
    repo.close()
    assert len(goals) == 1
    goal = goals[0]
    assert (goal.title, goal.area) == ("Fill in the housing form", LifeArea.HOME)
    assert goal.source is not None and (goal.source.kind, goal.source.ref) == (
        "capital",
        CapitalArea.HOME.value,
    )


async def test_naughty_words_are_stored_exactly_and_come_back_exactly(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    expected: list[str] = []
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, CapitalScreen)
        _, box, _ = screen.reach(CapitalArea.COPING)
        for text in naughty_strings()[::9]:
            box.value = text
            await pilot.pause()
            answer = stored(root)[-1].answer(CapitalArea.COPING) if text else None
            if answer is not None:
                assert answer.better == box.value  # what the box holds is what is kept
                if box.value == text:
                    expected.append(text)
    assert len(expected) > 50
    last = expected[-1]
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, CapitalScreen)
        assert screen.reach(CapitalArea.COPING)[1].value == last


def test_the_areas_in_sight_are_counted_from_the_window_and_the_trend() -> None:
    from screens.capital import areas_in_sight

    assert areas_in_sight(24, has_trend=True) == 1  # the trend fills the first screen
    assert areas_in_sight(24, has_trend=False) == 2
    assert areas_in_sight(60, has_trend=False) == 6
    assert areas_in_sight(200, has_trend=False) == 10
    assert areas_in_sight(5, has_trend=True) == 1  # the first, which has the focus, always


async def test_opening_the_life_check_in_reads_the_goals_once(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each area's "Make a goal" button read every goal again: 18 ms of ten years' opening."""
    from workbook.storage import Repository

    card = make_profile("Sam")
    repo = root.open(card)
    capital.make_goal(repo, CapitalArea.HOME, "a lock on the door")
    repo.close()
    read: list[type] = []
    real_all, real_glance = Repository.all, Repository.glance

    def whole(self: Repository, model: type, where: object = None) -> list[object]:
        read.append(model)
        return real_all(self, model, where)  # type: ignore[arg-type]

    def glanced(self: Repository, model: type, view: type) -> list[object]:
        read.append(model)
        return real_glance(self, model, view)  # type: ignore[arg-type]

    monkeypatch.setattr(Repository, "all", whole)
    monkeypatch.setattr(Repository, "glance", glanced)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        read.clear()
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CapitalScreen)
        home, mind = screen.reach(CapitalArea.HOME)[2], screen.reach(CapitalArea.MIND)[2]
        await pilot.pause()
        assert read.count(Goal) == 1  # reaching an area reads nothing again
        assert (str(home.label), str(mind.label)) == ("A goal ✓", "Make a goal")


async def open_life_check_in(pilot: Pilot[int]) -> CapitalScreen:
    await pilot.pause()
    await pilot.press("a")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CapitalScreen)
    return screen


def built(screen: CapitalScreen) -> list[str]:
    """The areas whose scale, box and button are built, by key (``use``, ``mind``...)."""
    return [(ruler.id or "").removeprefix("rate-") for ruler in screen.query(Ruler)]


@pytest.mark.parametrize(("trend", "in_sight"), [(False, ["use", "mind"]), (True, ["use"])])
async def test_opening_builds_the_areas_in_sight_and_the_others_wait_as_their_question(
    root: DataRoot, make_profile: Callable[..., ProfileCard], trend: bool, in_sight: list[str]
) -> None:
    """Issue 20: ten areas of five widgets each were built and styled to open the screen (at
    first all before its first frame, then the eight or nine out of sight just after it),
    though at 80x24 one or two are in sight. The others are one widget each (their question)
    until they are reached."""
    card = make_profile("Sam")
    if trend:
        seed(root, card, FOUR_WEEKS_AGO, home=2)
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_life_check_in(pilot)
        await pilot.pause()
        assert built(screen) == in_sight
        questions = list(screen.query(AreaQuestion))
        assert [q.area for q in questions] == list(CapitalArea)  # every area is there
        assert [q.waiting for q in questions] == [key_of(q.area) not in in_sight for q in questions]
        assert len(screen.query("*")) <= 35  # 65 when every area was built


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_an_area_waiting_takes_the_rows_it_will_take_built(
    root: DataRoot, make_profile: Callable[..., ProfileCard], size: tuple[int, int]
) -> None:
    """The scroll bar and every scroll are the same before and after the areas are built (an
    area built as it comes into sight does not push what is under it down)."""
    card = make_profile("Sam")
    seed(root, card, FOUR_WEEKS_AGO, home=2, mind=3)  # "Last time: ..." wraps some questions
    async with make_app(root).run_test(size=size) as pilot:
        screen = await open_life_check_in(pilot)
        scroll = screen.query_one("#capital")
        waiting = scroll.virtual_size.height
        for area in CapitalArea:
            screen.reach(area)
        await pilot.pause()
        assert built(screen) == [key_of(area) for area in CapitalArea]
        assert scroll.virtual_size.height == waiting


async def test_tab_and_shift_tab_stop_at_every_field_of_every_area_in_order(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    stops = [
        f"{kind}-{key_of(area)}" for area in CapitalArea for kind in ("rate", "better", "goal")
    ]
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_life_check_in(pilot)
        assert screen.focused is not None and screen.focused.id == stops[0]
        forward = []
        for _ in stops[1:]:
            await pilot.press("tab")
            forward.append(screen.focused.id if screen.focused else None)
        assert forward == stops[1:]
        back = []
        for _ in stops[1:]:
            await pilot.press("shift+tab")
            back.append(screen.focused.id if screen.focused else None)
        assert back == stops[-2::-1]


async def test_tab_onto_an_area_not_built_yet_builds_it_and_lands_on_its_scale(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Tab onto a waiting area goes to its scale (built at once: a rating typed straight after
    the Tab is kept), Shift+Tab onto one to its goal button, its last stop."""
    card = make_profile("Sam")
    seed(root, card, FOUR_WEEKS_AGO, home=2)  # the trend: only the first area is built
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_life_check_in(pilot)
        screen.query_one("#goal-use", Button).focus(scroll_visible=False)  # nothing scrolls
        await pilot.pause()
        assert screen.query_one("#area-mind", AreaQuestion).waiting
        await pilot.press("tab", "4")
        await pilot.pause()
        assert screen.focused is screen.query_one("#rate-mind", Ruler)
        assert screen.query_one("#rate-mind", Ruler).region.height  # scrolled into sight
        screen.reach(CapitalArea.PROGRESS)[0].focus(scroll_visible=False)
        await pilot.pause()
        assert screen.query_one("#area-coping", AreaQuestion).waiting
        await pilot.press("shift+tab")
        await pilot.pause()
        assert screen.focused is screen.query_one("#goal-coping", Button)
    [today] = [c for c in stored(root) if c.day == TODAY]
    assert today.answers == [CapitalAnswer(area=CapitalArea.MIND, rating=4)]


async def test_a_click_on_an_area_not_built_yet_builds_it(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The mouse focuses what it clicks: a waiting area builds itself and its scale has the
    focus (a waiting area is seldom in sight: a scroll builds what comes into sight)."""
    make_profile("Sam")
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_life_check_in(pilot)
        screen.query_one("#area-progress", AreaQuestion).focus(scroll_visible=False)
        await pilot.pause()
        assert screen.focused is screen.query_one("#rate-progress", Ruler)
        assert not screen.query_one("#area-progress", AreaQuestion).waiting


async def test_scrolling_builds_the_areas_coming_into_sight_and_the_mouse_reaches_them(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Sam")
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_life_check_in(pilot)
        assert built(screen) == ["use", "mind"]
        await pilot.press("pagedown")  # the scale has the focus; the page scrolls
        await pilot.pause()
        assert "community" in built(screen)  # in sight now, or within a page of it
        assert "progress" not in built(screen)  # out of reach still
        box = screen.query_one("#better-body", Input)
        assert box.region.height  # in sight
        await pilot.click(box)
        await pilot.press(*"walk")
        await pilot.pause()
        assert screen.focused is box
    [today] = stored(root)
    assert today.answers == [CapitalAnswer(area=CapitalArea.BODY, better="walk")]


async def test_the_words_are_laid_out_at_one_width_as_it_opens(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The areas are taller than the window, so a scroll bar comes. Its columns are kept for it
    from the start (``scrollbar-gutter: stable``): every line of words was wrapped at the
    whole width first, then again at the width left beside the bar (~4 ms of 60)."""
    make_profile("Sam")
    widths: dict[str, set[int]] = {}
    real = Static.get_content_height

    def noting(static: Static, container: Size, viewport: Size, width: int) -> int:
        widths.setdefault(static.id or type(static).__name__, set()).add(width)
        return real(static, container, viewport, width)

    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        monkeypatch.setattr(Static, "get_content_height", noting)
        await open_life_check_in(pilot)
    assert {"due", "today", "area-use", "credit"} <= set(widths)
    assert {name: len(seen) for name, seen in widths.items() if len(seen) > 1} == {}


async def test_a_burst_of_tabs_goes_on_through_areas_built_on_the_way(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Keys that come faster than the screen is laid out (a held Tab, a slow link) go on
    through the areas each Tab builds: ordered by where they were last laid out, the fields
    of an area built a moment before were first, and the sixth Tab went back to the top."""
    card = make_profile("Sam")
    seed(root, card, FOUR_WEEKS_AGO, home=2)  # the trend: only the first area is built
    async with make_app(root).run_test(size=(80, 24)) as pilot:
        screen = await open_life_check_in(pilot)
        for _ in range(9):  # all at once, none waited for
            pilot.app.post_message(events.Key("tab", None))
        await pilot.pause()
        assert screen.focused is screen.query_one("#rate-community", Ruler)
        for _ in range(4):
            pilot.app.post_message(events.Key("shift+tab", None))
        await pilot.pause()
        assert screen.focused is screen.query_one("#goal-mind", Button)  # back over body
