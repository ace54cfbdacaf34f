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
        assert buttons(app) == ["Salvage", "Restore the backup", "Start empty", "Quit"]
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
        assert buttons(app) == ["Salvage", "Start empty", "Quit"]
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


async def test_salvage_gets_back_what_the_damaged_file_still_holds(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """The recovery offer's Salvage does what ``workbook doctor --salvage`` does, and says so."""
    from workbook import clock
    from workbook.models import Checkin, Goal
    from workbook.storage.backups import MANUAL, take_backup

    card = make_profile("Sam")
    repo = root.open(card)
    repo.save(Goal(title="Keep me"))
    files = root.files(card)
    take_backup(files.workbook, files.backups, MANUAL)
    repo.save(Goal(title="Written since the backup"))
    repo.save(Checkin(on=clock.today(), mood=4, craving=2, note="the last entry"))
    repo.close()
    good = files.workbook.read_bytes()
    files.workbook.write_bytes(good[: len(good) - 40])  # cut inside the last entry
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Salvage reads every entry" in screen_text(app)
        await pilot.click("#salvage")
        await pilot.pause()
        assert isinstance(app.screen, OpeningDialog)
        report = screen_text(app)
        assert "What was salvaged" in report and "2 goals" in report
        assert "cut off" in report and "Not recovered: entry 1 of checkins" in report
        assert buttons(app) == ["Open my workbook", "Quit"]
        await pilot.click("#open")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    stored = root.open(card, write=False)
    assert [g.title for g in stored.all(Goal)] == ["Keep me", "Written since the backup"]
    assert stored.all(Checkin) == []  # the entry the cut went through, said "not recovered"
    stored.close()
    assert list(files.quarantine.iterdir())  # the damaged file is still kept


def test_a_long_salvage_report_keeps_its_buttons_on_screen() -> None:
    from screens.opening import SHOWN_LOST, _fit

    lost = [f"Not recovered: entry {n} of checkins" for n in range(SHOWN_LOST + 3)]
    fitted = _fit(["Read from the damaged file (x.json):", *lost, "Everything else comes..."])
    assert fitted[1 : SHOWN_LOST + 1] == lost[:SHOWN_LOST]
    assert fitted[SHOWN_LOST + 1] == "…and 3 more not recovered."
    assert fitted[-1] == "Everything else comes..."


async def test_a_change_made_behind_the_window_is_told_once_after_the_save(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Issue 22, item 1, in the app: the save keeps both versions, and the person is told."""
    from workbook import clock
    from workbook.models import Checkin, Goal

    card = make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        root.files(card).lock.unlink()  # a cleaner took the lock file
        other = root.open(card)
        other.save(Checkin(on=clock.today(), mood=4, craving=2, note="from the command line"))
        other.close()
        assert app.repo is not None
        app.repo.save(Goal(title="Typed in the window"))
        await pilot.pause()
        told = [n for n in app._notifications if "changed outside this window" in n.message]
        assert len(told) == 1 and not told[0].markup
        app.repo.save(Goal(title="And another"))
        await pilot.pause()
        told = [n for n in app._notifications if "changed outside this window" in n.message]
        assert len(told) == 1  # once, not again at the next save
    stored = root.open(card, write=False)
    assert [c.note for c in stored.all(Checkin)] == ["from the command line"]
    assert [g.title for g in stored.all(Goal)] == ["Typed in the window", "And another"]
    stored.close()


async def test_a_notice_left_while_closing_is_shown_at_the_next_open(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """A save made as the workbook closes (F9 saving typing) is told when it is open again,
    never over the curtain."""
    from screens.lock import HideScreen
    from workbook import clock
    from workbook.models import Checkin, Goal

    card = make_profile("Sam")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        root.files(card).lock.unlink()
        other = root.open(card)
        other.save(Checkin(on=clock.today(), mood=3, craving=1, note="[b]not markup[/b]"))
        other.close()
        repo = app.repo
        assert repo is not None
        # What a screen holding typing does when F9 closes the workbook: it saves.
        app.session.before_close(lambda: repo.save(Goal(title="Saved on the way out")))
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, HideScreen)
        assert not [n for n in app._notifications if "outside" in n.message]
        assert app.waiting_notices[card.id]  # kept for Sam, not lost with the closed store
        app.session._flushers.pop()
        app.locked_card = None
        app.open_with(card, None)
        await pilot.pause()
        told = [n for n in app._notifications if "changed outside this window" in n.message]
        assert len(told) == 1
        assert app.waiting_notices[card.id] == []
    stored = root.open(card, write=False)
    assert [g.title for g in stored.all(Goal)] == ["Saved on the way out"]
    assert [c.note for c in stored.all(Checkin)] == ["[b]not markup[/b]"]
    stored.close()


async def test_salvage_is_still_offered_after_quitting_the_first_offer(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Quit at the offer, open again: the workbook file is gone (it is in quarantine), and
    the damaged file is still offered for salvage, not only "restore" or "start empty"."""
    from workbook.models import Goal
    from workbook.storage.backups import MANUAL, take_backup

    card = make_profile("Sam")
    repo = root.open(card)
    files = root.files(card)
    take_backup(files.workbook, files.backups, MANUAL)
    repo.save(Goal(title="Only in the damaged file"))
    repo.close()
    files.workbook.write_bytes(files.workbook.read_bytes().rstrip()[:-1])  # the last "}" lost
    for _ in range(2):
        app = make_app(root)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert buttons(app) == ["Salvage", "Restore the backup", "Start empty", "Quit"]
            await pilot.click("#quit")
            await pilot.pause()
    assert not files.workbook.exists()
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#salvage")
        await pilot.pause()
        await pilot.click("#open")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    stored = root.open(card, write=False)
    assert [g.title for g in stored.all(Goal)] == ["Only in the damaged file"]
    stored.close()


def test_an_old_damaged_file_is_not_offered_over_a_newer_backup(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Salvage lays the damaged file's entries over the backup's: an older file would put
    older copies over newer ones, so it is not offered then."""
    import os

    from workbook.profile import can_salvage
    from workbook.storage.backups import MANUAL, take_backup

    card = make_profile("Sam")
    files = root.files(card)
    files.quarantine.mkdir(parents=True, exist_ok=True)
    old = files.quarantine / "workbook-old.json"
    old.write_bytes(b'{"_meta": {"1": {"schema_version": 1')
    taken = take_backup(files.workbook, files.backups, MANUAL)
    stamp = taken.stat().st_mtime_ns
    os.utime(old, ns=(stamp - 10**9, stamp - 10**9))
    assert not can_salvage(root, card, None)
    os.utime(old, ns=(stamp + 10**9, stamp + 10**9))
    assert can_salvage(root, card, None)
