"""Safety facts where a choice makes them matter: withdrawal when "Stop completely" is chosen."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from screens.welcome import StartWorkbookScreen
from tests.ui.helpers import make_app, static_text
from workbook.models import Pathway, Profile
from workbook.storage import DataRoot


async def test_choosing_stop_completely_shows_the_withdrawal_note_and_still_saves(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, StartWorkbookScreen)
        note = app.screen.query_one("#withdrawal", Static)
        assert not note.display
        await pilot.press(*"Sam", "enter", "tab")  # the country as guessed
        await pilot.press("tab", "tab")  # past the ticks and own words
        await pilot.press("up", "up", "up", "enter")  # pathway: stop completely
        await pilot.pause()
        assert note.display
        words = static_text(note)
        assert "benzodiazepines" in words and "seizures" in words and "doctor" in words
        await pilot.press("down", "enter")  # cut back: the note goes again
        await pilot.pause()
        assert not note.display
        await pilot.press("up", "enter", "ctrl+s")
        await pilot.pause()
    [card] = root.cards()
    repo = root.open(card)
    profile = repo.get(Profile)
    repo.close()
    assert profile is not None and profile.pathway == Pathway.STOP


async def test_no_withdrawal_note_when_only_gambling_is_ticked(
    root: DataRoot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        note = app.screen.query_one("#withdrawal", Static)
        await pilot.press(*"Sam", "enter", "tab")  # the country as guessed
        await pilot.press("down", "down", "down", "space")  # gambling only
        await pilot.press("tab", "tab", "up", "up", "up", "enter")  # stop completely
        await pilot.pause()
        assert not note.display
        await pilot.press("shift+tab", "shift+tab", "up", "up", "up", "space")  # and alcohol
        await pilot.pause()
        assert note.display
