"""At 60x20 the Settings fields and the F2 urge form fit: nothing is cut on the right.

A widget is cut when it reaches past the screen, or past the inside of what holds it (a
scrolling list clips its children at its own edges). Reaching past the top or bottom of a
scrolling part is not a cut: that part scrolls to it as focus moves.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from textual.containers import ScrollableContainer
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Checkbox, DataTable, Footer, Label, Static

from screens.settings import SettingsScreen
from screens.urges import LogUrgeScreen
from screens.widgets.ruler import Ruler
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
        # Inside its parent, short of a scroll bar (which is drawn over what reaches under it).
        inside = parent.scrollable_content_region if isinstance(parent, Widget) else screen.region
        scrolls = any(isinstance(node, ScrollableContainer) for node in widget.ancestors)
        if box.x < inside.x or box.right > inside.right or box.x < 0 or box.right > width:
            cut.append(f"{type(widget).__name__}#{widget.id} columns {box.x}-{box.right - 1}")
        elif isinstance(widget, Static) and words_cut(widget):
            cut.append(f"{type(widget).__name__}#{widget.id} words past its right edge")
        elif not scrolls and (box.y < 0 or box.bottom > height):
            cut.append(f"{type(widget).__name__}#{widget.id} rows {box.y}-{box.bottom - 1}")
    return cut


def words_cut(widget: Static) -> bool:
    """Whether a line of words is cut at the widget's right edge instead of wrapping: a Label
    as wide as its words (width auto), kept to a narrower window, draws one line and loses
    the rest."""
    inner = widget.content_region
    width = widget.styles.width
    if not isinstance(widget, Label) or inner.width <= 0 or width is None or not width.is_auto:
        return False
    return max(cell_len(line) for line in str(widget.render()).splitlines() or [""]) > inner.width


async def test_settings_fit_at_60x20(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        shown = [w for w in app.screen.query("Select, Dropdown, TextBox") if w.display]
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


async def cut_while_tabbing(pilot: Pilot[int], presses: int) -> list[str]:
    """What is cut on the top screen, checked again after each Tab (each field scrolled to)."""
    cut: list[str] = []
    for _ in range(presses):
        cut += [c for c in cut_widgets(pilot.app.screen) if c not in cut]
        await pilot.press("tab")
        await pilot.pause()
    return cut


async def test_the_check_in_fits_at_60x20_and_saves_its_halt_boxes(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The four HALT boxes (the last, Tired, was one column past the edge) wrap to fit."""
    from screens.checkin import CheckinScreen
    from workbook.models import Checkin, Halt

    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert await cut_while_tabbing(pilot, 14) == []
        tired = app.screen.query_one("#halt-tired", Checkbox)
        tired.focus()
        await pilot.pause()
        await pilot.press("space")
        app.screen.query_one("#mood", Ruler).focus()
        await pilot.press("4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Checkin)  # type: ignore[union-attr]
        assert [(c.mood, c.halt) for c in stored] == [(4, [Halt.TIRED])]


async def test_the_life_check_in_fits_at_60x20_and_saves(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from datetime import timedelta

    from tests.conftest import TODAY
    from workbook.models import CapitalAnswer, CapitalArea, CapitalCheckin

    card = make_profile()
    repo = root.open(card)  # an earlier check-in: the trend, with its heading, is shown
    earlier = [CapitalAnswer(area=area, rating=4) for area in CapitalArea]
    repo.save(CapitalCheckin(day=TODAY - timedelta(days=30), answers=earlier))
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#trend-box").display
        assert await cut_while_tabbing(pilot, 32) == []
        app.screen.query_one("#rate-use", Ruler).focus()
        await pilot.press("3")
        await pilot.pause()
        stored = app.repo.all(CapitalCheckin)  # type: ignore[union-attr]
        today = [c for c in stored if c.day == TODAY]
        assert len(today) == 1 and today[0].answers[0].rating == 3


async def test_home_fits_at_60x20_with_every_section_on_it(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from textual.widgets import OptionList

    from screens.home import HomeScreen
    from screens.sections import available_sections

    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # The cards are built just after Home's first paint, and the page beside the list may
        # then take a scroll bar: measure once they are in and laid out (on a busy machine one
        # pause was not enough, and the greeting was measured against the narrower page).
        for _ in range(20):
            if app.screen.query("#dashboard > *"):
                break
            await pilot.pause()
        await pilot.pause()
        await pilot.pause()
        menu = app.screen.query_one("#sections", OptionList)
        assert menu.option_count == len(available_sections())
        for _ in range(menu.option_count):  # each summary in turn: none cut below or beside
            assert cut_widgets(app.screen) == []
            await pilot.press("down")
            await pilot.pause()


async def test_the_urges_table_fits_at_60x20(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from datetime import time

    from screens.urges import UrgesScreen
    from tests.conftest import TODAY
    from workbook.models import Urge

    card = make_profile()
    repo = root.open(card)
    repo.save(Urge(on=TODAY, at=time(9, 5), strength=6, minutes=120, trigger="after work " * 6))
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UrgesScreen)
        assert cut_widgets(app.screen) == []
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        shown = table.region.width
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= shown


async def test_the_weeks_last_review_page_fits_at_60x20_and_saves_who_was_there(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The progress line, the "real difference" question and the four "who reviewed with
    you" choices (two rows of two) fit; the choice made is stored."""
    from textual.widgets import RadioButton

    from workbook.models import Goal, Review, ReviewedWith

    card = make_profile()
    repo = root.open(card)
    repo.save(Goal(title="Walk to the shop"))
    repo.close()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("w", "b", "pagedown"):
            await pilot.press(key)
            await pilot.pause()
        choices = app.screen.query_one("#reviewed_with")
        assert choices.display and choices.region.area
        assert await cut_while_tabbing(pilot, 10) == []
        choices.focus()
        await pilot.press("down", "enter")  # the second choice, in its row beside the first
        await pilot.pause()
        pressed = choices.query(RadioButton).nodes[1]
        assert pressed.value and pressed.region.y == choices.query(RadioButton).first().region.y
        stored = app.repo.all(Review)  # type: ignore[union-attr]
        assert [r.reviewed_with for r in stored] == [ReviewedWith.COACH]


async def test_the_goal_form_fits_at_60x20_and_saves(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Its long question (short-term or long-term?) wraps instead of running under the bar."""
    from workbook.models import Goal

    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "a")
        await pilot.pause()
        await pilot.press(*"Sleep by eleven")
        assert await cut_while_tabbing(pilot, 12) == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Goal)  # type: ignore[union-attr]
        assert [g.title for g in stored] == ["Sleep by eleven"]


async def test_a_skills_levels_fit_at_60x20_and_the_level_is_stored(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The four levels take two rows of two; the one picked is stored."""
    from workbook.models import SkillLevel, SkillProgress

    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "enter")
        await pilot.pause()
        level = app.screen.query_one("#skill-level")
        assert level.has_focus
        assert cut_widgets(app.screen) == []
        await pilot.press("right", "enter")  # learning, beside "not yet"
        await pilot.pause()
        stored = app.repo.all(SkillProgress)  # type: ignore[union-attr]
        assert [p.level for p in stored] == [SkillLevel.LEARNING]
        assert await cut_while_tabbing(pilot, 8) == []


async def test_the_first_life_rating_keeps_its_scale_in_sight_at_60x20(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The trend appears above after the first rating; the scale just rated stays on screen."""
    from workbook.models import CapitalCheckin

    make_profile()
    app = make_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        scale = app.screen.query_one("#rate-use", Ruler)
        assert scale.has_focus and not app.screen.query_one("#trend-box").display
        await pilot.press("4")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#trend-box").display
        shown = app.screen.query_one("#capital").region
        assert shown.contains_region(scale.region), f"{scale.region} not in {shown}"
        stored = app.repo.all(CapitalCheckin)  # type: ignore[union-attr]
        assert [a.rating for c in stored for a in c.answers] == [4]
