"""Making, renaming and deleting workbooks from the picker."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input, OptionList, Static

from screens.app import WorkbookApp
from screens.home import HomeScreen
from screens.profile_dialogs import DeleteDialog, RecoveryCodeDialog, RenameDialog
from screens.profiles_manage import ProfilesScreen
from screens.unlock import UnlockScreen
from screens.welcome import StartWorkbookScreen, WelcomeScreen
from tests.blns import naughty_strings
from tests.ui.helpers import make_app, screen_text
from tests.ui.test_privacy import rendered, unlock_with
from tests.unit.crypto_helpers import PASS, make_private
from workbook.models import Profile, ProfileCard
from workbook.storage import DataRoot


async def to_picker(pilot: Pilot[int]) -> WorkbookApp:
    app = pilot.app
    await pilot.pause()
    app.action_switch_person()
    await pilot.pause()
    assert isinstance(app.screen, ProfilesScreen)
    return app  # type: ignore[return-value]


async def press_button(pilot: Pilot[int], selector: str) -> None:
    """Press a button (Button.press: a key press within 0.2 s of the last is ignored)."""
    await pilot.pause()
    pilot.app.screen.query_one(selector, Button).press()
    await pilot.pause()


def fill(app: WorkbookApp, selector: str, value: str) -> None:
    app.screen.query_one(selector, Input).value = value


def choice_note(app: WorkbookApp) -> str:
    """The passphrase choice's note that is shown (one for each answer; the other is hidden)."""
    shown = [n for n in app.screen.query(".note").filter("PassphraseChoice Static") if n.display]
    assert len(shown) == 1
    return str(shown[0].render())


def problem(app: WorkbookApp) -> str:
    """The start form's problem line (it may be below the visible part of the form)."""
    return str(app.screen.query_one("#problem", Static).render())


async def to_start_form(pilot: Pilot[int]) -> WorkbookApp:
    """From the picker, N: the same welcome as the first run, then its form."""
    app = await to_picker(pilot)
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, WelcomeScreen)
    await press_button(pilot, "#begin")
    assert isinstance(app.screen, StartWorkbookScreen)
    return app


async def test_create_with_passphrase_shows_recovery_code_once(root: DataRoot) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_start_form(pilot)
        tick = app.screen.query_one("#use-passphrase", Checkbox)
        assert not tick.value  # not a shared computer: off unless chosen
        tick.value = True
        await pilot.pause()
        assert "encrypted" in choice_note(app)
        fill(app, "#name", "Kit")
        fill(app, "#pass1", PASS)
        fill(app, "#pass2", PASS)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, RecoveryCodeDialog)
        code = app.screen.code
        assert code in rendered(app)
        await press_button(pilot, "#done")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # opened at once, no second passphrase
        assert app.card is not None and app.card.display_name == "Kit"
        assert code not in rendered(app)
    card = root.find("Kit")
    assert card.encrypted
    assert root.unlock(card, code).by_recovery
    assert code.encode() not in b"".join(
        p.read_bytes() for p in root.path.rglob("*") if p.is_file()
    )


async def test_create_without_passphrase_and_mismatch(root: DataRoot) -> None:
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_start_form(pilot)
        app.screen.query_one("#use-passphrase", Checkbox).value = True
        fill(app, "#name", "Lee")
        fill(app, "#pass1", PASS)
        fill(app, "#pass2", PASS + "!")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not the same" in problem(app)
        assert isinstance(app.screen, StartWorkbookScreen)  # nothing lost, nothing made
        app.screen.query_one("#use-passphrase", Checkbox).value = False
        await pilot.pause()
        assert "anyone who uses this computer" in choice_note(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen), rendered(app)
    assert not root.find("Lee").encrypted


async def test_group_requires_a_passphrase(root: DataRoot) -> None:
    root.prepare()
    (root.path / "config.toml").write_text("require_passphrase = true\n")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)  # no workbook yet: the first run
        await press_button(pilot, "#begin")
        box = app.screen.query_one("#use-passphrase", Checkbox)
        assert box.value and box.disabled
        fill(app, "#name", "Ro")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "at least 8 characters" in problem(app)
    assert root.cards() == []


async def test_rename_asks_for_the_passphrase(root: DataRoot) -> None:
    make_private(root, "Max")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_picker(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RenameDialog)
        assert "Enter renames it" in screen_text(app)  # a dialog without buttons says its keys
        fill(app, "#rename", "Maxine")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        await unlock_with(pilot, PASS)
        assert isinstance(app.screen, ProfilesScreen)
    assert root.cards()[0].display_name == "Maxine"


async def test_delete_needs_name_and_passphrase(root: DataRoot) -> None:
    card, _ = make_private(root, "Max")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_picker(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DeleteDialog)
        fill(app, "#confirm-name", "max")
        await press_button(pilot, "#delete")
        await pilot.pause()
        assert "does not match" in rendered(app)
        fill(app, "#confirm-name", "Max")
        fill(app, "#confirm-pass", "wrong wrong")
        await press_button(pilot, "#delete")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "did not open" in rendered(app)
        assert root.files(card).folder.exists()
        fill(app, "#confirm-pass", PASS)
        await press_button(pilot, "#delete")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
    assert not root.files(card).folder.exists() and root.cards() == []


async def test_naughty_names_are_stored_exactly_or_refused(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    made = 0
    for text in naughty_strings()[:80]:
        try:
            root.create(Profile(display_name=text))
            made += 1
        except Exception as exc:  # refused kindly: a validation or input error, never a crash
            assert type(exc).__name__ in {"ValidationError", "InvalidInput"}
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_picker(pilot)
        text = rendered(app)
        assert "Traceback" not in text
    assert made > 20


async def test_damaged_workbook_is_quarantined_and_backup_offered(root: DataRoot) -> None:
    from screens.opening import OpeningDialog
    from workbook.models import Goal

    card, _ = make_private(root, "Max")
    repo = root.open(card, codec=root.unlock(card, PASS))  # today's backup, with no goals
    repo.close()
    repo = root.open(card, codec=root.unlock(card, PASS))
    repo.save(Goal(title="after the backup"))
    repo.close()
    path = root.files(card).workbook
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_picker(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await unlock_with(pilot, PASS)  # the right passphrase: not "wrong passphrase"
        assert isinstance(app.screen, OpeningDialog)
        text = rendered(app)
        assert "could not be read" in text and "did not open" not in text
        assert any(root.files(card).quarantine.iterdir())
        await press_button(pilot, "#restore")
        await pilot.pause()
        assert app.repo is not None and app.card is not None
        assert app.repo.count(Goal) == 0  # the backup from before the goal
        assert "Hello, Max" in rendered(app)


async def test_change_then_remove_passphrase_asks_twice(root: DataRoot) -> None:
    from screens.dialogs import Confirm
    from screens.profile_dialogs import PassphraseDialog

    card, _ = make_private(root, "Max")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_picker(pilot)
        await pilot.press("p")
        await pilot.pause()
        await unlock_with(pilot, PASS)
        assert isinstance(app.screen, PassphraseDialog)
        fill(app, "#pass1", "a fresh long phrase")
        fill(app, "#pass2", "a fresh long phrase")
        await press_button(pilot, "#save")
        await app.workers.wait_for_complete()
        await pilot.pause()
        # A new passphrase means a new data key, so a new recovery code (the old one wrapped
        # the old key): it is shown once.
        assert isinstance(app.screen, RecoveryCodeDialog)
        await press_button(pilot, "#done")
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        root.unlock(card, "a fresh long phrase")
        await pilot.press("p")
        await pilot.pause()
        await unlock_with(pilot, "a fresh long phrase")
        await press_button(pilot, "#remove")
        assert isinstance(app.screen, Confirm)
        await press_button(pilot, "#yes")
        assert isinstance(app.screen, Confirm)  # asked a second time
        assert root.is_encrypted(card)
        await press_button(pilot, "#yes")
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
    assert not root.is_encrypted(card)


async def test_add_passphrase_to_plain_and_initials(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    card = make_profile("Ada Lovelace")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_picker(pilot)
        await pilot.press("i")
        await pilot.pause()
        text = rendered(app)
        assert "A.L." in text and "Ada Lovelace" not in text
        await pilot.press("p")
        await pilot.pause()
        fill(app, "#pass1", PASS)
        fill(app, "#pass2", PASS)
        await press_button(pilot, "#save")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, RecoveryCodeDialog)
        await press_button(pilot, "#done")
    assert root.is_encrypted(card)
    assert root.cards()[0].show_initials


async def test_picker_keys_work_as_capitals_too(root: DataRoot) -> None:
    """The README and the unlock screen write N and P; Shift (or Caps Lock) must not matter."""
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_picker(pilot)
        await pilot.press("N")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_initials_of_a_protected_workbook_need_its_passphrase(root: DataRoot) -> None:
    """Anyone at the picker could press i on someone else's workbook; now it asks first."""
    import json

    card, _ = make_private(root, "Ada Lovelace")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_picker(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        await pilot.press("escape")  # someone else: no passphrase, nothing changes
        await pilot.pause()
        assert not root.cards()[0].show_initials
        await pilot.press("i")
        await pilot.pause()
        await unlock_with(pilot, PASS)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "A.L." in rendered(app) and "Ada Lovelace" not in rendered(app)
    stored = json.loads((root.profiles_dir / card.id / "profile.json").read_bytes())
    assert stored["display_name"] == "A.L." and stored["show_initials"]


async def test_the_picker_says_which_folders_it_skipped(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    """Issue 16's notes in the app: a workbook missing from the list is never a mystery."""
    ann = make_profile("Ann")
    make_profile("Bo")
    make_profile("Cy")
    (root.profiles_dir / ann.id / "profile.json").write_bytes(b"\xff{not json")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        note = app.screen.query_one("#profiles-notes", Static)
        assert note.display
        text = screen_text(app)
        assert f"{ann.id} was skipped: its card cannot be read." in text
        assert "Ann" not in text  # the skipped card's name is not read out of it
        listing = app.screen.query_one(OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert shown == ["Bo", "Cy", "+ Start a new workbook"]
    # Nothing was changed or removed by showing it.
    assert (root.profiles_dir / ann.id / "profile.json").read_bytes() == b"\xff{not json"


async def test_the_picker_shows_no_note_when_nothing_was_skipped(
    root: DataRoot, make_profile: Callable[..., ProfileCard]
) -> None:
    make_profile("Bo")
    make_profile("Cy")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#profiles-notes", Static).display


async def test_a_passphrase_problem_is_said_in_the_dialog(root: DataRoot) -> None:
    """The dialog's message line is bound to its ``error`` (issue 15: state flows down): a
    mismatch is said in words under the boxes, and nothing is changed."""
    from screens.profile_dialogs import PassphraseDialog

    card, _ = make_private(root, "Max")
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_picker(pilot)
        await pilot.press("p")
        await pilot.pause()
        await unlock_with(pilot, PASS)
        dialog = app.screen
        assert isinstance(dialog, PassphraseDialog)
        line = dialog.query_one("#pass-error", Static)
        assert not str(line.render())
        fill(app, "#pass1", "a fresh long phrase")
        fill(app, "#pass2", "a different long phrase")
        await press_button(pilot, "#save")
        await pilot.pause()
        assert app.screen is dialog and dialog.error
        assert line.display and dialog.error in str(line.render())
    root.unlock(card, PASS)  # the old passphrase still opens it
