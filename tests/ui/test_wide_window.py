"""At 200x60 what is read and filled in keeps a width easy to read: 100 columns, centred.

Long lines across all 200 columns were hard to follow. The top bar, the footer and notices
still span the window; Home keeps to 150 columns (its list and two cards of about 55).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Footer, Input

from screens.sections import available_sections
from screens.widgets.topbar import TopBar
from tests.conftest import TODAY
from tests.ui.helpers import make_app
from workbook.models import Checkin, Goal, Pathway, Profile, ProfileCard
from workbook.storage import DataRoot

SIZE = (200, 60)
READING = 100
HOME = 150

Go = Callable[[Pilot[int]], Awaitable[None]]


def keys(*pressed: str) -> Go:
    async def go(pilot: Pilot[int]) -> None:
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()

    return go


PLACES: dict[str, Go] = {
    "home": keys(),
    **{f"section-{s.id}": keys(s.key) for s in available_sections()},
    "goal-form": keys("g", "a"),
    "goal-page": keys("g", "enter"),
    "skill-page": keys("s", "enter"),
    "review-walk": keys("w", "b"),
    "thought-tool": keys("u", "t"),
}


@pytest.fixture
def sam(root: DataRoot) -> ProfileCard:
    card = root.create(Profile(display_name="Sam", pathway=Pathway.CUT_BACK))
    repo = root.open(card)
    repo.save(Goal(title="Walk to the shop"))
    repo.close()
    return card


def page_parts(screen: Widget) -> list[Widget]:
    """The screen's own parts: everything directly on it but the top bar and the footer."""
    return [
        w
        for w in screen.children
        if w.display and w.region.area and not isinstance(w, TopBar | Footer)
    ]


@pytest.mark.parametrize("place", list(PLACES))
async def test_every_screen_keeps_a_reading_width_in_a_wide_window(
    root: DataRoot, sam: ProfileCard, place: str
) -> None:
    app = make_app(root, "Sam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await PLACES[place](pilot)
        await pilot.pause()
        screen = app.screen
        widest = HOME if place == "home" else READING
        parts = page_parts(screen)
        assert parts
        for part in parts:
            box = part.region
            assert box.width <= widest, f"{type(part).__name__}#{part.id} is {box.width} wide"
            left, right = box.x, SIZE[0] - box.right
            assert abs(left - right) <= 1, f"{type(part).__name__}#{part.id} is not centred"
        assert screen.query_one(TopBar).region.width == SIZE[0]
        assert screen.query_one(Footer).region.width == SIZE[0]


async def test_a_notice_still_shows_at_the_right_edge(root: DataRoot, sam: ProfileCard) -> None:
    app = make_app(root, "Sam")
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # off in tests unless asked
        await pilot.pause()
        app.notify("Saved.")
        await pilot.pause()
        toast = app.screen.query_one("Toast")
        assert toast.region.right >= SIZE[0] - 2


async def test_a_check_in_filled_in_a_wide_window_is_stored(
    root: DataRoot, sam: ProfileCard
) -> None:
    app = make_app(root, "Sam")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        note = app.screen.query_one("#note", Input)
        assert note.region.width <= READING
        await pilot.press("4")  # mood
        note.focus()
        await pilot.press(*"a calm evening")
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Checkin)  # type: ignore[union-attr]
        assert [(c.on, c.mood, c.note) for c in stored] == [(TODAY, 4, "a calm evening")]


@pytest.mark.parametrize(("width", "columns"), [(80, 1), (149, 1), (150, 2), (200, 2)])
async def test_homes_cards_sit_in_two_columns_only_from_150_and_are_laid_out_once(
    root: DataRoot, sam: ProfileCard, width: int, columns: int
) -> None:
    """One column of cards below 150 columns, two from 150. The one column is the stylesheet's
    own: Home does not set it again (that laid Home out a second time as it opened, issue 20)."""
    async with make_app(root).run_test(size=(width, 40)) as pilot:
        await pilot.pause()
        dashboard = pilot.app.screen.query_one("#dashboard")
        assert dashboard.styles.grid_size_columns == columns
        assert dashboard.styles.inline.has_rule("grid_size_columns") == (columns == 2)
        cards = list(dashboard.children)
        assert len({card.region.x for card in cards}) == columns
