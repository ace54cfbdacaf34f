"""Pilot tests for how the feature screens sit in the terminal at 80x24."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widget import Widget
from textual.widgets import Footer

from screens.widgets.topbar import TopBar
from tests.ui.helpers import make_app
from workbook import goals, people
from workbook.models import Country, ProfileCard, Settings
from workbook.storage import DataRoot

WIDTH = 80


def draws_a_border(widget: Widget) -> bool:
    return any(edge[0] not in ("", "none", "hidden") for edge in widget.styles.border)


def drawn_columns(widget: Widget) -> tuple[int, int]:
    """The first and last column a widget draws in: its border if it has one, else its content."""
    box = widget.region if draws_a_border(widget) else widget.content_region
    return box.x, box.right - 1


def body_widgets(screen: Widget) -> list[Widget]:
    """Every widget on screen between the top bar and the footer (they span the width)."""
    found = []
    for widget in screen.query("*"):
        chain = [widget, *widget.ancestors]
        if any(isinstance(node, (TopBar, Footer)) for node in chain):
            continue
        if widget.region.area and widget.content_region.width:
            found.append(widget)
    return found


@pytest.mark.parametrize(
    ("key", "title"),
    [("g", "Goals"), ("s", "Daily-life skills"), ("m", "My people"), ("r", "Resources")],
)
async def test_feature_screens_keep_a_column_clear_at_each_side(
    root: DataRoot, make_profile: Callable[..., ProfileCard], key: str, title: str
) -> None:
    """Nothing in the body of a feature screen sits against the terminal's edges."""
    repo = root.open(make_profile("Sam"))
    repo.put(Settings(country=Country.UK))
    goals.add_goal(repo, "Walk more", steps=["Find my shoes"])
    people.add_person(repo, name="Jo", contact="07700 900123", ask="Listen first.")
    repo.close()
    async with make_app(root).run_test(size=(WIDTH, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert getattr(pilot.app.screen, "SECTION_TITLE", "") == title
        widgets = body_widgets(pilot.app.screen)
        assert len(widgets) >= 3
        against_an_edge = [
            f"{type(w).__name__}#{w.id} {drawn_columns(w)}"
            for w in widgets
            if drawn_columns(w)[0] < 1 or drawn_columns(w)[1] > WIDTH - 2
        ]
        assert against_an_edge == []


@pytest.mark.parametrize(
    "section_id",
    ["checkin", "plan", "goals", "review", "urges", "skills", "people", "hard_plan", "resources"],
)
async def test_help_for_a_hard_moment_is_never_cut_from_the_footer(
    root: DataRoot, make_profile: Callable[..., ProfileCard], section_id: str
) -> None:
    """At 80 columns the footer cannot hold every key; F1 comes first, so it is never cut."""
    from screens.widgets.footer import WorkbookFooter

    make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(WIDTH, 24)) as pilot:
        app.action_open_section(section_id)
        await pilot.pause()
        footer = app.screen.query_one(WorkbookFooter)
        assert footer.region.x == 0
        *keys, palette = footer.drawn()
        hard = [k for k in keys if k.key.action == "hard_moment"]
        assert len(hard) == 1
        assert hard[0].x == 0 and hard[0].right <= palette.x
        back = [k for k in keys if k.key.action == "back"]
        assert back and back[0].right <= palette.x  # and the way back is in view too


async def test_below_80x24_it_says_it_needs_more_room(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.app import TOO_SMALL

    make_profile()
    app = make_app(root)
    said: list[str] = []
    app.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign, assignment]
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert said == [TOO_SMALL]
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert said == [TOO_SMALL, TOO_SMALL]  # once each time it becomes too small
    said.clear()
    app = make_app(root)
    app.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign, assignment]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert said == []
