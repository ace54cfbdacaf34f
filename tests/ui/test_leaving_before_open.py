"""Every way of leaving before a workbook is open: the picker's passphrase boxes and dialogs.

The places are where a passphrase, a new name or a recovery code is on screen before any
workbook is open: the unlock box, the set-passphrase and change-passphrase dialogs, the
recovery code shown once, and the form that starts a new workbook. In each, a secret is typed
(or the code is on screen); then the person leaves by F9, auto-lock, F8, Ctrl+Q or Escape.
Each cell asserts: no exception (Pilot re-raises one); while hidden nothing typed and no code
is on screen; and after coming back no box anywhere holds the secret, no dialog holding an
unlocked key is left, and the code is never shown again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from screens.app import WorkbookApp
from screens.lock import HideScreen
from screens.profile_dialogs import PassphraseDialog, RecoveryCodeDialog
from screens.profiles_manage import ProfilesScreen
from screens.unlock import UnlockScreen
from screens.welcome import StartWorkbookScreen
from tests.ui.helpers import make_app
from tests.ui.test_leaving_matrix import leave
from tests.ui.test_privacy import rendered, unlock_with
from tests.ui.test_privacy_profiles import fill, press_button, to_picker, to_start_form
from tests.unit.crypto_helpers import PASS, make_private
from workbook.models import Profile
from workbook.storage import DataRoot

SECRET = "zq-half-typed-secret"
"""What the person was typing when they left (a passphrase, or a new workbook's name)."""


async def unlock_box(pilot: Pilot[int]) -> str:
    app = pilot.app
    assert isinstance(app, WorkbookApp)
    await pilot.pause()
    assert isinstance(app.screen, UnlockScreen)  # the one workbook, which has a passphrase
    fill(app, "#unlock-input", SECRET)
    return SECRET


async def set_passphrase(pilot: Pilot[int]) -> str:
    app = await to_picker(pilot)
    await pilot.press("p")  # the one workbook has none yet
    await pilot.pause()
    assert isinstance(app.screen, PassphraseDialog)
    fill(app, "#pass1", SECRET)
    return SECRET


async def change_passphrase(pilot: Pilot[int]) -> str:
    app = await to_picker(pilot)
    await pilot.press("p")
    await pilot.pause()
    await unlock_with(pilot, PASS)
    assert isinstance(app.screen, PassphraseDialog) and app.screen.codec is not None
    fill(app, "#pass1", SECRET)
    return SECRET


async def recovery_code(pilot: Pilot[int]) -> str:
    app = await to_picker(pilot)
    await pilot.press("p")
    await pilot.pause()
    fill(app, "#pass1", "a fresh long phrase")
    fill(app, "#pass2", "a fresh long phrase")
    await press_button(pilot, "#save")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, RecoveryCodeDialog)
    return app.screen.code


async def new_workbook_form(pilot: Pilot[int]) -> str:
    app = await to_start_form(pilot)
    assert isinstance(app.screen, StartWorkbookScreen)
    fill(app, "#name", SECRET)
    return SECRET


PLACES: dict[str, Callable[[Pilot[int]], Awaitable[str]]] = {
    "unlock-box": unlock_box,
    "set-passphrase": set_passphrase,
    "change-passphrase": change_passphrase,
    "recovery-code": recovery_code,
    "new-workbook-form": new_workbook_form,
}
PRIVATE = {"unlock-box", "change-passphrase"}
"""Places reached from a workbook with a passphrase (the others start from one without)."""
WAYS = ["f9", "auto-lock", "f8", "ctrl+q", "escape"]


def boxes_holding(app: WorkbookApp, secret: str) -> list[str]:
    """Every text box, on every screen of every mode, that still holds ``secret``."""
    found = []
    for stack in app._screen_stacks.values():  # every mode's screens, not only the current
        for screen in stack:
            for box in screen.query(Input):
                if secret in box.value:
                    found.append(f"{type(screen).__name__}#{box.id}")
    return found


def key_holders(app: WorkbookApp) -> list[str]:
    """Screens still alive that hold a passphrase dialog's unlocked key or a recovery code."""
    return [
        type(screen).__name__
        for stack in app._screen_stacks.values()
        for screen in stack
        if isinstance(screen, (PassphraseDialog, RecoveryCodeDialog))
    ]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("place", list(PLACES))
async def test_leaving_before_a_workbook_is_open_keeps_no_secret(
    root: DataRoot, place: str, way: str
) -> None:
    if place in PRIVATE:
        make_private(root, "Max")
    else:
        root.create(Profile(display_name="Ada"))
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        secret = await PLACES[place](pilot)
        assert secret in rendered(app) or place != "recovery-code"
        await leave(pilot, way)
        if way == "ctrl+q" and place == "new-workbook-form":
            # Answers to a workbook not made yet: asked once, saying plainly they are left
            # behind (there is no workbook yet to keep a draft in).
            await pilot.pause()
            assert app.screen.id == "quit-question"
            question = " ".join(str(part.render()) for part in app.screen.query(Static))
            assert "left behind" in question and "draft" not in question
            await pilot.press("tab", "enter")  # Quit
            await pilot.pause()
        if way == "ctrl+q":
            # A passphrase is never kept or asked about: Ctrl+Q quits at once.
            assert app.return_code == 0
            return
        if way in ("f9", "auto-lock"):
            assert isinstance(app.screen, HideScreen)
            assert secret not in rendered(app)
            assert boxes_holding(app, secret) == [] and key_holders(app) == []
            await pilot.press("enter")  # back: a fresh start, as if the app had just opened
            await pilot.pause()
            assert not isinstance(app.screen, HideScreen)
        if way == "f8":
            assert isinstance(app.screen, ProfilesScreen)
        if way == "escape" and place == "recovery-code":
            # Shown once, so Escape does not take it away unseen: only "I have written it
            # down" does.
            assert isinstance(app.screen, RecoveryCodeDialog)
            return
        assert secret not in rendered(app)
        assert boxes_holding(app, secret) == []
        if way != "escape":
            assert key_holders(app) == []
