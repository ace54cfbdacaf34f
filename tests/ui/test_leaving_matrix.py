"""Every way of leaving, on every screen, with words half typed (issue: one way of saving).

The places are every section in the sections registry (so a new section joins by itself) plus
the forms reached from them. In each place a marker word is typed into every text box on
screen; then the person leaves by F9, auto-lock, F8, Ctrl+Q or Escape. Each cell asserts:
no exception (Pilot re-raises one), nothing typed is on screen while hidden or locked or after
switching person, and every word typed is in the workbook afterwards (saved, or kept as a draft
that is offered back).
"""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from screens.app import WorkbookApp
from screens.lock import HideScreen, LockScreen
from screens.profiles_manage import ProfilesScreen
from screens.sections import available_sections
from tests.ui.helpers import make_app
from tests.ui.test_privacy import FakeIdle, rendered
from workbook.models import Goal, Pathway, Profile, ProfileCard
from workbook.storage import DataRoot

Go = Callable[[Pilot[int]], Awaitable[None]]


def keys(*pressed: str) -> Go:
    async def go(pilot: Pilot[int]) -> None:
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()

    return go


PLACES: dict[str, Go] = {
    **{f"section-{s.id}": keys(s.key) for s in available_sections()},
    "goal-form": keys("g", "a"),
    "goal-page": keys("g", "enter"),
    "urge-log-f2": keys("f2"),
    "skill-page": keys("s", "enter"),
    "person-form": keys("m", "a"),
    "resource-form": keys("r", "a"),
    "review-walk": keys("w", "b"),
    "plan-walk": keys("p", "enter"),
    "thought-tool": keys("u", "t"),
    "thought-from-plan": keys("h", "ctrl+t"),
}
WAYS = ["f9", "auto-lock", "f8", "ctrl+q", "escape"]

_markers = itertools.count(1)


@pytest.fixture
def sam(root: DataRoot) -> ProfileCard:
    """A plain workbook (no passphrase: coming back is a key press) with one goal."""
    card = root.create(Profile(display_name="Sam", pathway=Pathway.CUT_BACK))
    repo = root.open(card)
    repo.save(Goal(title="Walk to the shop"))
    repo.close()
    return card


def text_boxes(app: WorkbookApp) -> list[Input | TextArea]:
    """The text boxes a person can type into on the top screen now."""
    found: list[Input | TextArea] = []
    for widget in app.screen.query("Input, TextArea"):
        if not isinstance(widget, Input | TextArea) or widget.disabled:
            continue
        if isinstance(widget, Input) and widget.password:
            continue
        if isinstance(widget, TextArea) and widget.read_only:
            continue
        if widget.display and widget.region.area:
            found.append(widget)
    return found


NOT_WORDS = {
    "day": "chooses which day's check-in is shown; not something written",
    "resource-search": "a search box: finds entries, holds nothing of the person's",
    "path": "where an export is written; a setting of that one export",
    "since": "the date a report starts from; a setting of that one export",
    "start": "a date box: only a valid date is kept (its own tests cover the message)",
}
"""Boxes that pick what a screen shows rather than hold a person's words."""


async def type_everywhere(pilot: Pilot[int]) -> list[str]:
    """Type a fresh marker word into every visible text box; return the words that landed.

    A box that only takes numbers (hours of sleep, minutes) keeps none of the letters, and
    that is not a lost word.
    """
    typed: list[str] = []
    for box in text_boxes(pilot.app):  # type: ignore[arg-type]
        if box.id in NOT_WORDS:
            continue
        word = f"zqmark{next(_markers)}"
        box.focus()
        await pilot.pause()
        # All but the last letter go in as one insert (as a paste does), the last is a key
        # press: the box sees a change and a key, and the matrix does not spend most of its
        # time pressing eight keys into every box of every screen.
        if isinstance(box, Input):
            box.cursor_position = len(box.value)
            box.insert_text_at_cursor(word[:-1])
        else:
            box.insert(word[:-1])
        await pilot.press(word[-1])
        await pilot.pause()
        if word in (box.value if isinstance(box, Input) else box.text):
            typed.append(word)
    return typed


def stored_text(root: DataRoot, card: ProfileCard) -> str:
    return root.files(card).workbook.read_text(encoding="utf-8")


async def leave(pilot: Pilot[int], way: str) -> None:
    app = pilot.app
    assert isinstance(app, WorkbookApp)
    if way == "auto-lock":
        idle = FakeIdle()
        app.idle_clock = idle
        app.last_activity = idle.now
        idle.now += 24 * 60 * 60
        app.check_idle_lock()
    else:
        await pilot.press(way)
    await pilot.pause()


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("place", list(PLACES))
async def test_leaving_keeps_every_word_and_shows_none(
    root: DataRoot, sam: ProfileCard, place: str, way: str
) -> None:
    app = make_app(root, "Sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await PLACES[place](pilot)
        typed = await type_everywhere(pilot)
        await leave(pilot, way)
        if way in ("f9", "auto-lock", "f8"):
            expected = {"f9": HideScreen, "auto-lock": LockScreen, "f8": ProfilesScreen}[way]
            assert isinstance(app.screen, expected)
            assert app.repo is None
            shown = rendered(app)
            if place == "section-settings" and way == "f8":
                shown = shown.replace(app.root.cards()[0].display_name, "")  # the saved name
            assert not [w for w in typed if w in shown], "typed words left on screen"
            assert len(app.screen_stack) == 2  # the bare base and this one screen
        elif way == "ctrl+q" and app.is_running and app.screen.id == "quit-question":
            await pilot.click("#quit")
            await pilot.pause()
        elif way == "escape" and app.is_running:
            on_screen = rendered(app) + "".join(
                box.value if isinstance(box, Input) else box.text
                for s in app.screen_stack
                for box in s.query("Input, TextArea")
                if isinstance(box, Input | TextArea)
            )
            # Escape either saved and left, or asked first with the words still in the form.
            missing = [w for w in typed if w not in on_screen]
            if missing:
                app.session.flush()
                assert [w for w in missing if w not in stored_text(root, sam)] == []
            return
    stored = stored_text(root, sam)
    assert [w for w in typed if w not in stored] == [], "typed words lost"
