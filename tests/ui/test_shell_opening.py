"""Opening problems, handled kindly: in use elsewhere, unreadable, read-only, warnings."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from textual.widgets import Button

from screens.home import HomeScreen
from screens.opening import OpeningDialog
from tests.ui.helpers import make_app, screen_text
from workbook.models import Profile, ProfileCard, Settings
from workbook.storage import DataRoot, Repository


def buttons(app: object) -> list[str]:
    return [str(b.label) for b in app.screen.query(Button)]  # type: ignore[attr-defined]


async def test_a_workbook_open_elsewhere_gets_a_plain_message(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    elsewhere = root.open(card)
    app = make_app(root)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, OpeningDialog)
            assert "open in another window" in screen_text(app)
            assert buttons(app) == ["Try again", "Quit"]
            elsewhere.close()
            await pilot.click("#again")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
    finally:
        elsewhere.close()


async def test_quit_from_the_in_use_message(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    elsewhere = root.open(make_profile("Sam"))
    try:
        app = make_app(root)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.click("#quit")
            await pilot.pause()
        assert not app.is_running
    finally:
        elsewhere.close()


async def test_an_unreadable_workbook_offers_the_latest_good_backup(
    root: DataRoot, repo: Repository
) -> None:
    card = root.cards()[0]
    repo.put(Settings(week_starts_on=3))
    repo.close()
    root.files(card).workbook.write_bytes(b"{ this is not a workbook")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OpeningDialog)
        text = screen_text(app)
        assert "could not be read" in text and "Nothing was deleted" in text
        assert "latest good backup is from" in text
        assert buttons(app) == ["Restore the backup", "Start empty", "Quit"]
        await pilot.click("#restore")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Hello, Sam." in screen_text(app)
    assert list(root.files(card).quarantine.iterdir())  # the bad file is kept, never deleted


async def test_an_unreadable_workbook_can_start_empty(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    root.files(card).workbook.write_bytes(b"[]")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "no good backup" in screen_text(app)
        assert buttons(app) == ["Start empty", "Quit"]
        await pilot.click("#empty")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Hello, Sam." in screen_text(app)
    repo = root.open(card, write=False)
    profile = repo.get(Profile)
    repo.close()
    assert profile is not None and profile.display_name == "Sam"


async def test_a_newer_workbook_opens_read_only_with_a_calm_banner(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Sam")
    path = root.files(card).workbook
    data = json.loads(path.read_text())
    data["_meta"]["1"]["schema_version"] = 999
    data["_meta"]["1"]["app_version"] = "99.0"
    path.write_text(json.dumps(data))
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Read only: changes cannot be saved" in text and "99.0" in text


async def test_opening_warnings_become_a_notification(
    root: DataRoot, make_profile: Callable[..., ProfileCard], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_profile("Sam")
    note = "Today's backup could not be made [bold](disk full)[/]. Your workbook is fine."
    monkeypatch.setattr(Repository, "warnings", property(lambda self: [note]))
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert note in messages
        assert all(not n.markup for n in app._notifications)
