"""Tabbing into a filled box puts the cursor at the end; nothing typed replaces a saved answer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from screens.checkin import CheckinScreen
from screens.widgets.textbox import TextBox
from tests.conftest import TODAY
from tests.ui.helpers import make_app
from workbook.models import Checkin, ProfileCard
from workbook.storage import DataRoot

SCREENS = Path(__file__).resolve().parents[2] / "screens"


async def test_tabbing_into_a_saved_win_adds_to_it(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        app.repo.save(Checkin(on=TODAY, win="Rang Jo", note="Calm"))  # type: ignore[union-attr]
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        screen.query_one("#sleep", TextBox).focus()
        await pilot.press("tab", *" and Sam")
        win = screen.query_one("#win", TextBox)
        assert win.has_focus and win.selection.is_empty
        await pilot.press("tab", "!", "ctrl+s")
        await pilot.pause()
        stored = app.repo.all(Checkin)  # type: ignore[union-attr]
        assert [(c.win, c.note) for c in stored] == [("Rang Jo and Sam", "Calm!")]


def test_every_text_box_on_every_screen_is_a_textbox() -> None:
    """One behaviour everywhere: no screen builds Textual's bare Input (it selects all on Tab)."""
    from tests.unit.test_public_textual import calls_to

    assert calls_to("Input") == []
    assert any("TextBox(" in p.read_text(encoding="utf-8") for p in SCREENS.rglob("*.py"))


async def test_pasting_is_text_only_and_keeps_what_fits(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from textual import events

    from screens.hard_moment import HardMomentScreen

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckinScreen)
        win = screen.query_one("#win", TextBox)
        win.focus()
        win.post_message(events.Paste("Rang\x07 Jo\x1b[2J\r\nat six"))
        await pilot.pause()
        assert not isinstance(app.screen, HardMomentScreen)  # the BEL did not act as Ctrl+G
        assert win.value == "Rang Jo[2J at six"
        said: list[tuple[str, str]] = []
        app.notify = lambda message, **kw: said.append((message, kw.get("title", "")))  # type: ignore[method-assign, assignment]
        note = screen.query_one("#note", TextBox)
        note.focus()
        limit = note.max_length
        note.post_message(events.Paste("a" * (limit - 10) + "b" * 20))
        await pilot.pause()
        assert note.value == "a" * (limit - 10) + "b" * 10
        assert said == [
            (
                f"This box holds {limit:,} characters, so the first {limit:,} of what you "
                "pasted were kept.",
                "Not all of it fitted",
            )
        ]
        await pilot.press("ctrl+s")
        await pilot.pause()
        (stored,) = app.repo.all(Checkin)  # type: ignore[union-attr]
        assert (stored.win, stored.note) == ("Rang Jo[2J at six", note.value)


async def test_focus_has_a_shape_and_examples_read_in_16_colours(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    from screens.widgets.ruler import Ruler

    make_profile()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        mood, craving = (
            app.screen.query_one("#mood", Ruler),
            app.screen.query_one("#craving", Ruler),
        )
        assert mood.has_focus
        assert (mood.styles.border_top[0], craving.styles.border_top[0]) == ("heavy", "round")
        sleep = app.screen.query_one("#sleep", TextBox)
        sleep.focus()
        await pilot.pause()
        assert sleep.styles.border_top[0] == "heavy"
        assert app.screen.query_one("#win", TextBox).styles.border_top[0] == "tall"
        placeholder = sleep.get_component_styles("input--placeholder")
        assert placeholder.color != sleep.styles.color  # muted where colours are many
        app.add_class("-few-colours")  # what a 16-colour terminal sets
        await pilot.pause()
        placeholder = sleep.get_component_styles("input--placeholder")
        assert placeholder.color == sleep.styles.color  # the plain foreground, never 1:1
        assert placeholder.text_style.italic and placeholder.text_style.dim


async def test_a_box_with_words_is_styled_only_once_it_is_mounted(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given words, Input validates them in its constructor and adds "-valid", which works out
    the box's style before it is mounted, to do it again on mounting (issue 20: Settings built
    its name box, the life check-in every answered area's box). A TextBox is born with it."""
    from textual.css.stylesheet import Stylesheet
    from textual.dom import DOMNode

    from screens.settings import SettingsScreen

    make_profile("Sam")
    early: list[str] = []
    real = Stylesheet.apply

    def noting(sheet: Stylesheet, node: DOMNode, **kwargs: object) -> None:
        if isinstance(node, TextBox) and node.parent is None:  # not even in the screen yet
            early.append(node.id or "?")
        real(sheet, node, **kwargs)  # type: ignore[arg-type]

    async with make_app(root).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(Stylesheet, "apply", noting)
        await pilot.app.push_screen(SettingsScreen())
        await pilot.pause()
        with_words = [box for box in pilot.app.screen.query(TextBox) if box.value]
        assert with_words  # there were words to validate
        assert early == []
        assert all(box.has_class("-valid") and not box.has_class("-invalid") for box in with_words)
