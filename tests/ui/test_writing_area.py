"""Pasting into a box of several lines puts in text only, and only what the answer holds.

A pasted BEL must not act as Ctrl+G (the hard-moment key) nor be stored; ESC, NUL and other
control characters are removed; a carriage return is a line break; a paste longer than the box
holds keeps what fits and says so. What is checked is what was stored, after leaving the box.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

from textual import events

from screens.hard_moment import HardMomentScreen
from screens.plan_weighing import WeighingScreen
from screens.widgets.writing_area import WritingArea
from tests.blns import naughty_strings
from tests.ui.helpers import make_app
from workbook import plan as wp
from workbook.models import LONG_TEXT_MAX, ProfileCard
from workbook.storage import DataRoot

SCREENS = Path(__file__).resolve().parents[2] / "screens"


def test_no_screen_builds_a_plain_text_area() -> None:
    """One paste behaviour everywhere: every multi-line box is a WritingArea."""
    bare = []
    for path in sorted(SCREENS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", "") or getattr(node.func, "attr", "")
                if name in ("TextArea", "code_editor"):
                    bare.append(f"{path.name}:{node.lineno}")
    assert bare == []
    uses = [p.name for p in SCREENS.rglob("*.py") if "WritingArea(" in p.read_text("utf-8")]
    assert len(uses) >= 7  # the plan's boxes, hard moments, setback, thoughts, skills, forms


async def _weighing(app: object, pilot: object) -> tuple[WeighingScreen, WritingArea]:
    app.push_screen(WeighingScreen())  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, WeighingScreen)
    box = screen.query_one("#w-habit_gives", WritingArea)
    assert box.has_focus
    return screen, box


async def test_pasted_control_characters_are_removed_never_acted_on(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _, box = await _weighing(app, pilot)
        await pilot.press(*"It helps me ")
        box.post_message(events.Paste("sleep\x07 \x1b[2Jwell\x00\r\nat night\rmostly"))
        await pilot.pause()
        assert not isinstance(app.screen, HardMomentScreen)  # BEL did not act as Ctrl+G
        assert box.text == "It helps me sleep [2Jwell\nat night\nmostly"
        await pilot.press("tab")  # leaving the box saves it at once
        await pilot.pause()
        stored = wp.load_weighing(app.repo).habit_gives  # type: ignore[arg-type]
        assert stored == "It helps me sleep [2Jwell\nat night\nmostly"


async def test_an_over_long_paste_keeps_what_fits_and_says_so(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _, box = await _weighing(app, pilot)
        said: list[tuple[str, str]] = []
        app.notify = lambda message, **kw: said.append((message, kw.get("title", "")))  # type: ignore[method-assign, assignment]
        await pilot.press(*"Calm. ")
        box.post_message(events.Paste("x" * LONG_TEXT_MAX))
        await pilot.pause()
        assert box.text == "Calm. " + "x" * (LONG_TEXT_MAX - 6)
        kept = LONG_TEXT_MAX - 6
        assert said == [
            (
                f"This box holds {LONG_TEXT_MAX:,} characters, so the first {kept:,} of what "
                "you pasted were kept.",
                "Not all of it fitted",
            )
        ]
        box.post_message(events.Paste("more"))  # full: nothing changes, and it says so again
        await pilot.pause()
        assert box.text == "Calm. " + "x" * kept and len(said) == 2
        await pilot.press("escape")  # leaving the screen saves what fitted
        await pilot.pause()
        assert wp.load_weighing(app.repo).habit_gives == box.text  # type: ignore[arg-type]


async def test_a_paste_over_a_selection_replaces_it(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _, box = await _weighing(app, pilot)
        box.text = "old words"
        box.select_all()
        box.post_message(events.Paste("new\tones"))
        await pilot.pause()
        assert box.text == "new ones"
        await pilot.press("tab")
        await pilot.pause()
        assert wp.load_weighing(app.repo).habit_gives == "new ones"  # type: ignore[arg-type]


async def test_naughty_strings_pasted_are_kept_as_text(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Text that is only text comes back exactly (markup never read); control characters go."""
    from workbook.terminal import is_control

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _, box = await _weighing(app, pilot)
        plain = 0
        for naughty in naughty_strings():
            box.text = ""
            box.on_paste(events.Paste(naughty))  # the handler itself: 700 pastes stay quick
            if naughty.isprintable():
                assert box.text == naughty
                plain += 1
            else:
                assert not any(is_control(ch) for ch in box.text.replace("\n", ""))
        assert plain > 400
        box.text = ""
        box.post_message(events.Paste("[b]not bold[/b] $x {y}"))
        await pilot.press("tab")
        await pilot.pause()
        stored = wp.load_weighing(app.repo).habit_gives  # type: ignore[arg-type]
        assert stored == "[b]not bold[/b] $x {y}"


async def test_typing_stops_at_what_the_box_holds_and_says_so_once(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _, box = await _weighing(app, pilot)
        said: list[str] = []
        app.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign, assignment]
        box.text = "w" * (LONG_TEXT_MAX - 2)
        box.move_cursor(box.document.end)
        await pilot.press("a", "b", "c", "d")
        await pilot.pause()
        assert box.text == "w" * (LONG_TEXT_MAX - 2) + "ab"
        assert said == [f"This box holds {LONG_TEXT_MAX:,} characters; it is full."]
        await pilot.press("backspace", "x", "y")  # room for one again: it fills, says so again
        await pilot.pause()
        assert box.text.endswith("ax") and len(said) == 2
        await pilot.press("tab")
        await pilot.pause()
        assert wp.load_weighing(app.repo).habit_gives == box.text  # type: ignore[arg-type]
