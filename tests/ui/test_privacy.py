"""Shared-machine privacy in the app: idle lock, quick hide, switch person, locked refusals."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from screens.app import WorkbookApp
from screens.lock import HideScreen, LockScreen
from screens.profiles_manage import ProfilesScreen
from screens.unlock import UnlockScreen
from tests.ui.helpers import make_app
from tests.unit.crypto_helpers import PASS, make_private
from workbook.models import Goal, Person, ProfileCard, Settings
from workbook.storage import DataRoot


def rendered(app: WorkbookApp) -> str:
    """The whole terminal as a person sees it (from a screenshot, tags stripped)."""
    svg = app.export_screenshot(title="screen")
    text = re.sub(r"<[^>]+>", "", svg)
    return html.unescape(text).replace("\xa0", " ")


class FakeIdle:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def write_entries(root: DataRoot, card: ProfileCard, marker: str, **settings: int) -> None:
    codec = root.unlock(card, PASS) if card.encrypted else None
    repo = root.open(card, codec=codec)
    repo.save(Person(name=f"{marker}-friend", contact="555 0100"))
    repo.save(Goal(title=f"{marker}-goal"))
    if settings:
        repo.put(Settings(**settings))
    repo.close()


async def unlock_with(pilot: Pilot[int], secret: str) -> None:
    app = pilot.app
    assert isinstance(app.screen, UnlockScreen)
    app.screen.query_one("#unlock-input").value = secret  # type: ignore[attr-defined]
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_private(pilot: Pilot[int]) -> None:
    await pilot.pause()
    await unlock_with(pilot, PASS)


def fake_idle(app: WorkbookApp) -> FakeIdle:
    clock = FakeIdle()
    app.idle_clock = clock
    app.last_activity = clock.now
    return clock


@pytest.fixture
def sam(root: DataRoot) -> ProfileCard:
    card, _ = make_private(root, "Quinn")
    write_entries(root, card, "SAMSECRET")
    return card


async def test_idle_locks_after_default_minutes_and_drops_the_data(
    root: DataRoot, sam: ProfileCard
) -> None:
    app = make_app(root, "Quinn")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_private(pilot)
        assert app.repo is not None and "Hello, Quinn" in rendered(app)
        clock = fake_idle(app)
        clock.now += 14 * 60
        app.check_idle_lock()
        await pilot.pause()
        assert app.repo is not None  # 15 minutes by default
        clock.now += 61
        app.check_idle_lock()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert app.repo is None and app.card is None
        assert len(app.screen_stack) == 2  # base + lock: the screens that showed data are gone
        text = rendered(app)
        assert "Quinn's workbook is locked" in text and "SAMSECRET" not in text
        await pilot.press("enter")
        await pilot.pause()
        await unlock_with(pilot, PASS)
        assert app.repo is not None and app.repo.count(Goal) == 1
        assert "Hello, Quinn" in rendered(app)


async def test_activity_resets_the_idle_timer(root: DataRoot, sam: ProfileCard) -> None:
    app = make_app(root, "Quinn")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_private(pilot)
        clock = fake_idle(app)
        clock.now += 14 * 60
        await pilot.press("down")
        clock.now += 14 * 60
        app.check_idle_lock()
        await pilot.pause()
        assert app.repo is not None
        clock.now += 2 * 60
        app.check_idle_lock()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)


async def test_idle_minutes_from_shared_config_and_own_setting(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Ana")
    root.prepare()
    (root.path / "config.toml").write_text("shared = true\n")
    app = make_app(root, "Ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock = fake_idle(app)
        clock.now += 5 * 60
        app.check_idle_lock()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        text = rendered(app)
        assert "no passphrase" in text  # a profile without one is told it is not protected
        await pilot.press("enter")  # a key press is enough without a passphrase
        await pilot.pause()
        assert app.repo is not None
    write_entries(root, card, "ANA", idle_lock_minutes=2)
    app = make_app(root, "Ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock = fake_idle(app)
        clock.now += 2 * 60
        app.check_idle_lock()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)


async def test_quick_hide_shows_nothing_personal(root: DataRoot, sam: ProfileCard) -> None:
    app = make_app(root, "Quinn")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_private(pilot)
        assert "Quinn" in rendered(app)
        await pilot.press("f9")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HideScreen)
        text = rendered(app)
        for private in ("Quinn", "SAMSECRET", "Hard moment", "urge", "Side by Side"):
            assert private not in text
        assert "Press Enter to continue" in text
        assert app.repo is None  # hidden means closed: data and key dropped
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)  # coming back goes through unlock
        await unlock_with(pilot, PASS)
        assert app.repo is not None and "Hello, Quinn" in rendered(app)


async def test_locked_app_refuses_all_but_unlock_and_f1(root: DataRoot, sam: ProfileCard) -> None:
    app = make_app(root, "Quinn")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_private(pilot)
        clock = fake_idle(app)
        clock.now += 16 * 60
        app.check_idle_lock()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        for action in ("log_urge", "command_palette", "open_section"):
            assert app.check_action(action, ()) is False
        # F9 still works while locked (it hides even the name); see the unlock-prompt test.
        assert app.check_action("quick_hide", ()) is True
        for key in ("f2", "ctrl+p", "escape", "g", "tab"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, LockScreen), key
        await pilot.press("f1")
        await pilot.pause()
        text = rendered(app)
        assert "emergency number" in text and "Quinn" not in text and "SAMSECRET" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        await unlock_with(pilot, PASS)
        assert app.repo is not None
        assert app.check_action("log_urge", ()) is not False


async def test_wrong_passphrase_says_so_and_keeps_the_file(
    root: DataRoot, sam: ProfileCard
) -> None:
    app = make_app(root, "Quinn")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await unlock_with(pilot, "not the passphrase")
        assert isinstance(app.screen, UnlockScreen)
        assert "did not open this workbook" in rendered(app)
        assert app.repo is None
        # The box follows the dialog's state: off while a key is derived, back on (and
        # focused) after a wrong try, with the words marked as a problem.
        box = app.screen.query_one("#unlock-input")
        assert not app.screen.busy and not box.disabled and box.has_focus
        assert app.screen.query_one("#unlock-status").has_class("-error")
        await unlock_with(pilot, PASS)
        assert app.repo is not None
    assert not any(root.files(sam).quarantine.iterdir())


async def test_recovery_code_unlocks_in_the_app(root: DataRoot) -> None:
    card, code = make_private(root, "Rue")
    app = make_app(root, "Rue")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await unlock_with(pilot, code.lower())
        assert app.repo is not None and app.card is not None and app.card.id == card.id


async def test_switch_person_closes_and_returns_to_the_picker(
    root: DataRoot, sam: ProfileCard
) -> None:
    other, _ = make_private(root, "Alex")
    write_entries(root, other, "ALEXSECRET")
    app = make_app(root, "Quinn")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_private(pilot)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        assert app.repo is None and app.card is None
        text = rendered(app)
        assert "Quinn" in text and "Alex" in text and "SAMSECRET" not in text
        await pilot.press("down", "enter")  # Alex is first (sorted by name), then Quinn
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert app.screen.card.display_name == "Quinn"
        await unlock_with(pilot, PASS)
        assert app.card is not None and app.card.display_name == "Quinn"
        await pilot.press("escape")  # Home is the bottom screen: Escape does not close it
        await pilot.pause()
        assert app.repo is not None
        await pilot.press("f8")  # switching person again closes the workbook
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen) and app.repo is None


async def test_profile_isolation(root: DataRoot, sam: ProfileCard) -> None:
    other, _ = make_private(root, "Alex")
    write_entries(root, other, "ALEXSECRET")
    app = make_app(root, "Quinn")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_private(pilot)
        assert app.repo is not None
        dumped = repr([app.repo.all(Goal), app.repo.all(Person)])
        assert "SAMSECRET" in dumped and "ALEXSECRET" not in dumped
        assert "ALEXSECRET" not in rendered(app)
        # Sam's key cannot read Alex's file, even with the file in hand.
        codec = root.unlock(sam, PASS)
        with pytest.raises(Exception, match="different key"):
            codec.decode(root.files(other).workbook.read_bytes())
        await pilot.press("ctrl+p")
        await pilot.pause()
        for query in ("ALEXSECRET", "Alex"):
            await pilot.press(*query)
            await pilot.pause()
            await pilot.pause()
            text = rendered(app)
            assert "ALEXSECRET-goal" not in text and "ALEXSECRET-friend" not in text
            for _ in query:
                await pilot.press("backspace")
        await pilot.press("escape")
        await pilot.pause()
        for screen in app.screen_stack:
            assert "ALEXSECRET" not in repr(screen.query("*").nodes)


async def test_terminal_title_never_names_the_person(root: DataRoot, sam: ProfileCard) -> None:
    app = make_app(root, "Quinn")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_private(pilot)
        assert app.repo is not None
        assert "Quinn" not in app.title and "Quinn" not in app.sub_title
        assert app.title == "Side by Side"


def test_the_app_runs_full_screen(root: DataRoot, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake_run(self: WorkbookApp, **kwargs: object) -> int:
        seen.update(kwargs)
        return 0

    monkeypatch.setattr(WorkbookApp, "run", fake_run)
    from screens.app import run

    assert run(root) == 0
    assert not seen.get("inline", False)


async def test_escape_at_first_unlock_goes_to_the_list(root: DataRoot, sam: ProfileCard) -> None:
    app = make_app(root, "Quinn")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen) and app.repo is None


async def test_broken_config_locks_sooner_not_crashes(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Ana")
    root.prepare()
    (root.path / "config.toml").write_text("shared = [\n")
    app = make_app(root, "Ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock = fake_idle(app)
        clock.now += 5 * 60
        app.check_idle_lock()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
