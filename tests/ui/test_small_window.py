"""At 60x20 the Settings fields and the F2 urge form fit: nothing is cut on the right.

A widget is cut when it reaches past the screen, or past the inside of what holds it (a
scrolling list clips its children at its own edges). Reaching past the top or bottom of a
scrolling part is not a cut: that part scrolls to it as focus moves.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.containers import ScrollableContainer
from textual.widget import Widget
from textual.widgets import Footer

from screens.settings import SettingsScreen
from screens.urges import LogUrgeScreen
from tests.ui.helpers import make_app
from workbook.models import ProfileCard
from workbook.storage import DataRoot

SIZE = (60, 20)


def cut_widgets(screen: Widget) -> list[str]:
    """Every shown widget that reaches past the screen or past the inside of its parent."""
    width, height = SIZE
    cut = []
    for widget in screen.query("*"):
        if not widget.display or widget.region.area == 0 or isinstance(widget.parent, Footer):
            continue
        box = widget.region
        parent = widget.parent
        inside = parent.content_region if isinstance(parent, Widget) else screen.region
        scrolls = any(isinstance(node, ScrollableContainer) for node in widget.ancestors)
        if box.x < inside.x or box.right > inside.right or box.x < 0 or box.right > width:
            cut.append(f"{type(widget).__name__}#{widget.id} columns {box.x}-{box.right - 1}")
        elif not scrolls and (box.y < 0 or box.bottom > height):
            cut.append(f"{type(widget).__name__}#{widget.id} rows {box.y}-{box.bottom - 1}")
    return cut


async def test_settings_fit_at_60x20(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        shown = [w for w in app.screen.query("Select, TextBox") if w.display]
        assert len(shown) >= 5
        for _ in range(12):  # each field in turn, scrolled to as a person would tab to it
            assert cut_widgets(app.screen) == []
            await pilot.press("tab")
            await pilot.pause()


async def test_the_f2_urge_form_fits_at_60x20_and_saves(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from workbook.models import Urge

    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, LogUrgeScreen)
        assert cut_widgets(app.screen) == []
        await pilot.press("7", "tab", *"15", "tab", *"a long day")
        await pilot.pause()
        assert cut_widgets(app.screen) == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Urge)  # type: ignore[union-attr]
        assert [(u.strength, u.minutes, u.trigger) for u in stored] == [(7, 15, "a long day")]


async def test_the_too_small_note_goes_when_the_window_is_made_bigger(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """At 60x20 a note says 80 by 24 shows everything; made bigger, the note goes at once."""
    make_profile()
    app = make_app(root)
    cleared: list[bool] = []
    app.clear_notifications = lambda: cleared.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.said_too_small and cleared == []
        await pilot.resize_terminal(70, 20)  # still too small: the note stays
        await pilot.pause()
        assert cleared == []
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert cleared == [True] and not app.said_too_small
