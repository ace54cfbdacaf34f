"""What every screen and dialog costs before its own widgets, counted (issue 20).

Every screen pushed pays for its top bar and footer and for Textual working out the style of
each widget. Until December 2026 each widget of a screen was styled three times while it
opened: as it was mounted, again when the screen gained its "-normal" breakpoint class on its
first resize, and again when the screen was shown (``ScreenResume``). Now once, unless a widget
brought new rules meanwhile. Counted here, never timed (bench/RESULTS.md has the times).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from textual.app import ComposeResult
from textual.color import Color
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Static

from screens.base import WorkbookScreen
from screens.dialogs import Confirm
from screens.widgets.footer import WorkbookFooter
from screens.widgets.topbar import TopBar
from tests.ui.helpers import make_app
from workbook.models import ProfileCard
from workbook.storage import DataRoot


class EmptyScreen(WorkbookScreen):
    """A screen with nothing of its own but one line: what the base costs."""

    SECTION_TITLE = "Empty"

    def body(self) -> ComposeResult:
        yield Static("Hello")


class Loud(Static):
    """A widget whose rules (unscoped) reach the screen it is on: new rules mid-opening."""

    SCOPED_CSS = False
    DEFAULT_CSS = "LoudScreen { background: $error; }"


class LoudScreen(WorkbookScreen):
    def body(self) -> ComposeResult:
        yield Loud("Hello")


EMPTY_SCREEN_STYLINGS = 12
"""Stylesheet.apply calls while an empty screen opens: 4 widgets (the screen, the top bar, the
line, the footer) and 8 parts styled with them (the screen's selection, the bar's title and muted
words, the footer's key, description, item, hover and rule), 12 in all. It was 45 with each
widget styled three times and the bar four widgets, and 25 with the footer a widget per key
(six keys and the palette's at 80 columns, each styling its key and description)."""


def counting_stylings(monkeypatch: pytest.MonkeyPatch) -> Counter[DOMNode]:
    styled: Counter[DOMNode] = Counter()
    real = Stylesheet.apply

    def counting(sheet: Stylesheet, node: DOMNode, *args: Any, **kwargs: Any) -> None:
        styled[node] += 1
        real(sheet, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counting)
    return styled


@pytest.mark.parametrize("width", [80, 60])
async def test_an_empty_screen_styles_each_widget_once_as_it_opens(
    root: DataRoot,
    make_profile: Callable[..., ProfileCard],
    monkeypatch: pytest.MonkeyPatch,
    width: int,
) -> None:
    make_profile()
    styled = counting_stylings(monkeypatch)
    app = make_app(root)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        home = app.screen
        await app.push_screen(EmptyScreen())  # the first brings its classes' rules
        await pilot.pause()
        await app.pop_screen()
        await pilot.pause()
        styled.clear()
        screen = EmptyScreen()
        await app.push_screen(screen)
        await pilot.pause()
        assert app.screen is screen and home is not screen
        assert screen.has_class("-normal" if width >= 80 else "-narrow")
        widgets = list(screen.walk_children(with_self=True))
        assert {type(w).__name__: styled[w] for w in widgets if styled[w] != 1} == {}
        assert [n for n in styled if isinstance(n, Widget) and n not in widgets] == []
        assert len(widgets) == 4
        assert sum(styled.values()) <= EMPTY_SCREEN_STYLINGS


async def test_a_dialog_styles_each_widget_once_as_it_opens(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_profile()
    styled = counting_stylings(monkeypatch)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        app.push_screen(Confirm("Remove it?"))
        await pilot.pause()
        app.screen.dismiss(False)
        await pilot.pause()
        styled.clear()
        dialog = Confirm("Remove it?")
        app.push_screen(dialog)
        await pilot.pause()
        assert app.screen is dialog
        widgets = list(dialog.walk_children(with_self=True))
        # Textual's Button gives itself its variant's class once mounted (and the one focused
        # first gains :focus): each such change restyles it, as it would on any screen.
        again = {type(w).__name__: styled[w] for w in widgets if styled[w] != 1}
        assert set(again) <= {"Button"}


async def test_new_rules_while_a_screen_opens_still_reach_it(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The restyle on first showing is skipped only when it would change nothing: a widget
    whose rules arrive with it (here, rules for the screen it is on) still gets them applied."""
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = LoudScreen()
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.styles.background == Color.parse(app.theme_variables["error"])


TODAY = date(2026, 11, 27)


async def test_the_top_bar_is_one_widget_drawing_title_name_and_date(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """One widget (it was a row of three labels); the line it draws is the one they drew."""
    make_profile("Sam")
    app = make_app(root, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(TopBar)
        assert list(bar.children) == []
        line = bar.render_line(0).text
        assert line == f"Side by Side · Home{' ' * 38}Sam · Fri 27 Nov 2026"
        assert len(line) == 78  # the bar's padding keeps a column each side
        bar.set_who("Alexandra Catherine Montgomery-Smithson")  # longer than 40% of the line
        await pilot.pause()
        line = bar.render_line(0).text
        assert "  Alexandra Catherine Montgomery… · Fri 27 Nov 2026" in line  # 31 of 78 columns
        assert line.startswith("Side by Side · Home") and len(line) == 78
        await pilot.resize_terminal(40, 24)
        await pilot.pause()
        # 15 columns for the name (40% of 38), the date whole, the title what is left.
        assert bar.render_line(0).text == "Side…Alexandra Cath… · Fri 27 Nov 2026"


FOOTER_STYLINGS = 6
"""The footer and its five parts (key, description, a key's background, the key under the
mouse, the rule before the palette's key). Textual's footer styled 19 things here: itself, a
widget per key (five and the palette's at 80 columns) and each key's two parts."""


async def test_the_footer_is_one_widget_drawing_every_key(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a screen styles and lays out one footer widget, however many keys it shows, and
    the line it draws is the one Textual's footer drew (tests/snapshots compare the colours)."""
    make_profile()
    styled = counting_stylings(monkeypatch)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.push_screen(EmptyScreen())  # the first brings its classes' rules
        await pilot.pause()
        await app.pop_screen()
        await pilot.pause()
        styled.clear()
        await app.push_screen(EmptyScreen())
        await pilot.pause()
        footer = app.screen.query_one(WorkbookFooter)
        # The footer, what is in it, and the parts of each (each part is styled as a node).
        in_footer = [node for node in styled if footer in node.ancestors_with_self]
        assert sum(styled[node] for node in in_footer) <= FOOTER_STYLINGS
        assert list(footer.children) == []
        assert len(footer.drawn()) == 6  # five keys and the palette's
        assert footer.render_line(0).text == (
            " f1 Hard moment  esc Back  f3 More keys  ^q Quit  f9 Hide           ▏^p palette "
        )
