"""What start-up and each screen build, bounded without timing anything (issue 20).

Time on a shared machine is noise; what a screen mounts and what start-up imports are not.
Each main screen has a budget of widgets (what it mounts, every descendant counted) on an
empty workbook and on ten years of entries, a little above what it builds today, so a change
that makes a screen build much more shows here first. Home, once painted with its cards, must
not have imported any section's screen, the text editor widget, encryption or the report.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.dom import DOMNode

from screens.app import WorkbookApp
from screens.base import MORE_KEYS
from screens.sections import available_sections
from tests.conftest import TODAY
from tests.ui.helpers import make_app
from workbook.demo import build_demo
from workbook.models import ProfileCard
from workbook.storage import DataRoot

ROOT = Path(__file__).resolve().parents[2]

# What each screen mounts today on an empty workbook / ten years of entries, in comments;
# the budget leaves about a tenth for small changes. A new section needs a line here.
# (Each 3 lower since 1 December 2026: the top bar is one widget, it was four; each 6 lower
# since the footer is one widget, it was one a key.)
WIDGET_BUDGET = {
    "home": 23,  # 20 / 21: the sections column (issue 21); a card is one widget (issue 20)
    "checkin": 33,  # 29 / 31: the lines saying what to fix are built when they first speak
    "plan": 30,  # 27 (the walk) / 6: the summary is one widget (issue 20)
    "goals": 11,  # 9 / 9: its life-area filter is a Dropdown (two widgets, not six)
    "review": 14,  # 12 / 12: the pictures are one widget each, whatever the years
    "urges": 8,  # 6 / 6
    "skills": 9,  # 7 / 7
    "people": 8,  # 6 / 6
    "safer_plan": 26,  # 23 / 23: its two drop-downs are Dropdowns (two widgets, not six)
    "hard_plan": 26,  # 16-23 (its first part is built just after) / 7: a one-widget summary
    "resources": 12,  # 10 / 10: its kind-of-help filter is a Dropdown
    "export": 24,  # 21 / 21
    "capital": 30,  # 27 / 23: the areas in sight whole, the rest their question until reached
    "settings": 30,  # 27 / 27: Dropdowns, a field's name and hint one widget, no status yet
}


async def mounted_counts(app: WorkbookApp) -> dict[str, int]:
    """How many widgets Home and each section's screen mount, opened from Home."""
    counts: dict[str, int] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        home = app.screen
        counts["home"] = len(home.query("*"))
        for section in available_sections():
            await app.push_screen(section.load()())
            await pilot.pause()
            counts[section.id] = len(app.screen.query("*"))
            while app.screen is not home:
                await app.pop_screen()
                await pilot.pause()
    return counts


def over_budget(counts: dict[str, int]) -> list[str]:
    return [
        f"{name} mounts {n} widgets (budget {WIDGET_BUDGET.get(name)})"
        for name, n in counts.items()
        if name not in WIDGET_BUDGET or n > WIDGET_BUDGET[name]
    ]


async def test_every_screen_stays_within_its_widget_budget_on_an_empty_workbook(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    counts = await mounted_counts(make_app(root))
    assert set(counts) == {"home", *(s.id for s in available_sections())}
    assert all(n > 5 for n in counts.values()), counts  # each screen really was built
    assert over_budget(counts) == []


async def test_every_screen_stays_within_its_widget_budget_on_ten_years(root: DataRoot) -> None:
    card = build_demo(root, years=10, seed=1, today=TODAY)
    counts = await mounted_counts(make_app(root, card.id))
    assert counts["review"] > counts["urges"]  # the ten years are there to be shown
    assert over_budget(counts) == []


CHILD = """
import asyncio, sys
from datetime import date
from pathlib import Path
from screens.app import WorkbookApp
from workbook.storage import DataRoot

async def main() -> None:
    app = WorkbookApp(DataRoot(Path(sys.argv[1])), sys.argv[2], clock=lambda: date(2026, 11, 27))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen", app.screen
        assert len(app.screen.query("#dashboard *")) > 0, "the cards were not painted"
        print("\\n".join(sorted(sys.modules)))
        # Whose pydantic validators were built (each is built when first used: defer_build).
        from pydantic import BaseModel
        todo, seen = list(BaseModel.__subclasses__()), set()
        while todo:
            model = todo.pop()
            if model not in seen:
                seen.add(model)
                todo += model.__subclasses__()
                if model.__pydantic_complete__ and model.__module__.startswith("workbook."):
                    print("built:" + model.__module__ + "." + model.__qualname__)
        from workbook import skills
        print("read:skills-catalogue" * skills.catalogue.cache_info().currsize)

asyncio.run(main())
"""


def test_home_is_painted_without_importing_what_it_does_not_show(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(root.path), card.id],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    modules = set(out.stdout.split())
    assert "screens.home" in modules and "workbook.models" in modules
    sections = {s.module for s in available_sections()}
    assert sections & modules == set(), "a section's screen was imported before it was opened"
    heavy = {
        "textual.widgets._text_area",  # the editor of long notes
        "cryptography",  # only when a passphrase is used
        "workbook.report",  # only when a report is made
        "workbook.demo",
        "screens.goal_dialogs",
        "screens.widgets.list_editor",
    }
    assert heavy & modules == set()
    # Home's skills card counts skills by the catalogue's ids and titles, not the whole catalogue.
    assert "read:skills-catalogue" not in modules
    # Shipped words are validated when first shown (defer_build): Home shows only the urge
    # log's (the kinds' and times of day's names on its card). Stored models are built as
    # Home reads them; the words of the screens behind it are not.
    built = {name.removeprefix("built:") for name in modules if name.startswith("built:")}
    assert "workbook.models.Profile" in built  # the child does list what was built
    content = {
        name for name in built if not name.startswith(("workbook.models.", "workbook.storage."))
    }
    assert content <= {"workbook.urges.UrgeWords"}, content
    assert date(2026, 11, 27) == TODAY  # the child's clock is the tests' one


async def test_a_form_builds_its_footer_once_and_moving_focus_keeps_it(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's footer mounted all its keys again on every focus change (six times while the
    check-in opened), and each key had its style worked out twice more as it was born
    "compact" and switched back; style updates were most of a screen's opening (RESULTS.md).
    The footer is one widget now, drawn once with the form's keys and kept while focus moves."""
    from screens.checkin import CheckinScreen
    from screens.widgets.footer import WorkbookFooter

    make_profile()
    drawn: list[object] = []
    real_render = WorkbookFooter.render

    def counting(footer: WorkbookFooter) -> Any:
        drawn.append(footer.screen)
        return real_render(footer)

    monkeypatch.setattr(WorkbookFooter, "render", counting)
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await app.push_screen(CheckinScreen())
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CheckinScreen)
        assert drawn.count(form) == 1  # drawn once with the form's keys
        await pilot.press("tab", "tab", "tab", "shift+tab")
        await pilot.pause()
        assert app.screen.focused is not None and drawn.count(form) == 1
        footer = form.query_one(WorkbookFooter)
        assert list(footer.children) == []  # no widget per key
        shown = {d.key.key: d.key.description for d in footer.drawn()}
        assert shown["f1"] and shown["escape"] == "Back"
        # Keys that change still redraw it: at 60 columns some are left out for "More keys".
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert 1 < drawn.count(form) <= 3  # drawn at the new width and with the keys it holds
        shown = {d.key.key: d.key.description for d in footer.drawn()}
        assert shown["f3"] == MORE_KEYS


# Screens whose first field is found only after they are mounted (the export's form): Textual
# still focuses their scrolling body first. (The plan walk's step and the hard-moment plan's
# page focus their first field themselves since 1 December 2026: AUTO_FOCUS = "".)
FOCUS_FLICKER_LEFT = {"export"}


async def test_opening_a_form_focuses_its_first_field_without_the_form_around_it(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each change of focus works out the style of what gained or lost it and everything in
    it; a form's scrolling body focused on the way to its first field restyled the whole form
    twice (see ``WorkbookScreen.AUTO_FOCUS``)."""
    from textual.widget import Widget

    make_profile()
    changes: list[tuple[str, int]] = []
    real = Widget.watch_has_focus

    def noting(widget: Widget, focused: bool) -> None:
        changes.append((str(widget.id), len(widget.children)))
        real(widget, focused)

    monkeypatch.setattr(Widget, "watch_has_focus", noting)
    app = make_app(root)
    flickered = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        home = app.screen
        for section in available_sections():
            changes.clear()
            await app.push_screen(section.load()())
            await pilot.pause()
            assert app.screen.focused is not None, section.id
            settled = app.screen.focused.id
            passing = [ident for ident, inside in changes if inside and ident != settled]
            if passing:
                flickered[section.id] = passing
            while app.screen is not home:
                await app.pop_screen()
                await pilot.pause()
    assert {"checkin", "capital", "review", "safer_plan"} & set(flickered) == set()
    assert set(flickered) <= FOCUS_FLICKER_LEFT, flickered


def validations(monkeypatch: pytest.MonkeyPatch, model: Any) -> list[object]:
    """What ``model.model_validate`` is given from now on, in order (it still validates)."""
    seen: list[object] = []
    real = model.model_validate

    def counting(obj: object, **kwargs: object) -> Any:
        seen.append(obj)
        return real(obj, **kwargs)

    monkeypatch.setattr(model, "model_validate", counting)
    return seen


async def test_home_on_ten_years_reads_check_ins_without_validating_them_whole(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Home's day counter and check-in card need only each check-in's day, mood, craving and
    "used" answer: 3,000 whole check-ins validated twice were a tenth of start-up (RESULTS.md)."""
    from workbook.models import Checkin, CheckinDay

    card = build_demo(root, years=10, seed=1, today=TODAY)
    whole, glanced = validations(monkeypatch, Checkin), validations(monkeypatch, CheckinDay)
    app = make_app(root, card.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert len(app.screen.query("#dashboard *")) > 0, "the cards were not painted"
        text = "\n".join(str(s.render()) for s in app.screen.query("#dashboard Static"))
        assert "Longest stretch" in text and "Mood (1-5)" in text
    assert len(glanced) > 3000  # every check-in's day was read, once
    assert len(glanced) < 2 * 3100
    assert len(whole) <= 1  # today's check-in at most, never ten years of them


# Screens whose first opening still parses the whole stylesheet again (see
# screens.app.SCREEN_STYLES). None since every stylesheet's rules name their own screens.
RESTYLED_ON_FIRST_OPENING: set[str] = set()


async def test_screens_first_openings_do_not_parse_the_whole_stylesheet_again(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual reads a screen's CSS_PATH on its first showing and then parses every rule of the
    app again and restyles every screen (10-35 ms a first opening, RESULTS.md). Home reads the
    screens' stylesheets once, after it is painted with its cards; opening a section after that
    parses nothing again, but for the few listed above."""
    from textual.css.stylesheet import Stylesheet

    from screens.app import SCREEN_STYLES

    make_profile()
    reparses: list[str] = []
    real = Stylesheet.reparse

    def counting(sheet: Stylesheet) -> None:
        reparses.append(type(sheet).__name__)
        real(sheet)

    monkeypatch.setattr(Stylesheet, "reparse", counting)
    app = make_app(root)
    reparsed: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        home = app.screen
        assert len(home.query("#dashboard *")) > 0, "the cards were not painted"
        await pilot.pause()  # the stylesheets are read once that frame is out
        assert {str(path) for path in SCREEN_STYLES} <= {path for path, _ in app.stylesheet.source}
        assert all(path.is_file() for path in SCREEN_STYLES)
        for section in available_sections():
            reparses.clear()
            await app.push_screen(section.load()())
            await pilot.pause()
            assert app.screen is not home, section.id
            if reparses:
                reparsed.add(section.id)
            while app.screen is not home:
                await app.pop_screen()
                await pilot.pause()
    assert reparsed == RESTYLED_ON_FIRST_OPENING


async def test_the_screens_stylesheets_are_read_only_once_homes_cards_are_in(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading every screen's stylesheet parses the app's whole sheet again (RESULTS.md); it
    was meant to follow Home's cards, but it followed the frame after *asking* for them, so it
    ran before they were built and held them back. It must find every card mounted, and the
    collector back on (start-up over), at ten years as on a new workbook."""
    import gc

    card = build_demo(root, years=10, seed=1, today=TODAY)
    seen: list[tuple[int, int, bool]] = []
    real = WorkbookApp.load_screen_styles

    def noting(app: WorkbookApp) -> None:
        cards = app.screen.query("#dashboard > *")
        seen.append((len(cards), sum(1 for c in cards if c.is_mounted), gc.isenabled()))
        real(app)

    monkeypatch.setattr(WorkbookApp, "load_screen_styles", noting)
    gc.disable()  # as the workbook command does (workbook.start)
    try:
        app = make_app(root, card.id)
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(10):
                await pilot.pause()
                if seen:
                    break
    finally:
        gc.enable()
    assert len(seen) == 1
    cards, mounted, collecting = seen[0]
    assert cards == 8 and mounted == cards  # every section's card, at ten years
    assert collecting


async def test_home_on_ten_years_counts_urges_without_validating_them_whole(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The urges card counts by a glance of each urge (its day, time, strength and trigger):
    hundreds of whole urges, notes and all, were validated to paint Home."""
    from workbook.models import Urge, UrgeGlance

    card = build_demo(root, years=10, seed=1, today=TODAY)
    whole, glanced = validations(monkeypatch, Urge), validations(monkeypatch, UrgeGlance)
    app = make_app(root, card.id)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(10):
            await pilot.pause()
            if app.screen.query("#urges-card"):
                break
        text = str(app.screen.query_one("#urges-card").render())
        assert "This week:" in text
    assert len(glanced) > 300  # every urge was read, once
    assert whole == []


# Styles worked out (Textual's Stylesheet.apply: each widget, and each styled part of one, such
# as a text box's cursor) while a form opens from Home on an empty workbook, at 80x24: what
# they take now plus a little. A Select brought back (eleven a pass), a class set on the
# screen (the whole form again) or the form focused on the way to its first field shows here.
# (Settings keeps Textual's first focus on the form, so ? shows the keys as before: the form
# is styled once more for it.) Each lower since the footer is one widget (it was one a key,
# styled again on each rebuild). Housekeeping is off here (tests/conftest.py).
STYLING_BUDGET = {
    "checkin": 150,  # 140, on its first opening (165 with its boxes made compact by compact=True)
    "settings": 100,  # 90, the form focused first (355 with five Selects, nine status lines)
    "safer_plan": 130,  # 119 (171 with two Selects, each mounting its list)
    "capital": 55,  # 45 (153 with every area built, 263 built at once, a name and question each)
}


async def test_the_forms_style_few_widgets_while_they_open(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.css.stylesheet import Stylesheet

    make_profile()
    styled: list[str] = []
    real = Stylesheet.apply

    def counting(sheet: Stylesheet, node: DOMNode, **kwargs: object) -> None:
        styled.append(type(node).__name__)
        real(sheet, node, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "apply", counting)
    counts = {}
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.pause()  # the screens' stylesheets are read once Home is painted
        home = app.screen
        for section in available_sections():
            if section.id not in STYLING_BUDGET:
                continue
            styled.clear()
            await app.push_screen(section.load()())
            await pilot.pause()
            counts[section.id] = len(styled)
            while app.screen is not home:
                await app.pop_screen()
                await pilot.pause()
    assert set(counts) == set(STYLING_BUDGET)
    assert all(n > 30 for n in counts.values()), counts  # really counted
    over = {name: n for name, n in counts.items() if n > STYLING_BUDGET[name]}
    assert over == {}, counts
