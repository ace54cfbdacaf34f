"""Leaving the open workbook, every way at once: F9, auto-lock, switch person, a closed terminal.

Each way is the same three steps. The session closes the workbook (every screen's typing saved
or kept as a draft first, then the store closed and the key dropped); the default mode is cleared
to its bare base, dropping the picker, an unlock box or a passphrase dialog with whatever was
typed in it; then the one screen that comes next (a curtain, the list of workbooks) is shown
alone, and the workbook's mode is removed whole, so no screen over it is ever resumed to read a
closed workbook. Toasts go too: they can carry a person's words.
"""

from __future__ import annotations

import asyncio
import signal
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

if TYPE_CHECKING:
    from screens.app import WorkbookApp

DEFAULT_MODE = "_default"


def reset_to_base(app: WorkbookApp) -> None:
    """Go to the default mode and pop everything above its bare base screen."""
    if app.current_mode != DEFAULT_MODE:
        app.switch_mode(DEFAULT_MODE)
    while len(app.screen_stack) > 1:
        app.pop_screen()


def show_alone(app: WorkbookApp, screen: Screen[Any]) -> None:
    """Show ``screen`` with nothing of the workbook (or of the way in) behind it."""
    mode = app.workbook_mode
    reset_to_base(app)
    app.push_screen(screen)
    if mode is not None:
        app.workbook_mode = None
        app.remove_mode(mode)
    app.clear_notifications()


def leave_workbook(app: WorkbookApp, then: Screen[Any]) -> None:
    """Close the workbook (typing kept) and show ``then`` alone."""
    app.session.close()
    show_alone(app, then)


def hide(app: WorkbookApp) -> None:
    """F9: nothing personal on screen, at once, at every level (the picker's too)."""
    from screens.lock import HideScreen

    if isinstance(app.screen, HideScreen):
        return
    card = app.session.card or app.locked_card
    app.locked_card = card
    leave_workbook(app, HideScreen(card))


def lock(app: WorkbookApp) -> None:
    """Auto-lock: close the workbook and show only whose it is."""
    from screens.lock import LockScreen

    card = app.session.card
    if card is None:
        hide(app)  # nothing open (the picker, an unlock box): clear it all the same
        return
    app.locked_card = card
    leave_workbook(app, LockScreen(card))


def switch_person(app: WorkbookApp) -> None:
    """F8: close this workbook and go back to choosing one, without quitting."""
    from screens.profiles_manage import ProfilesScreen

    app.locked_card = None
    leave_workbook(app, ProfilesScreen())


def hang_up(app: WorkbookApp, signum: int) -> None:
    """The terminal was closed (SIGHUP) or the app was told to stop (SIGTERM): keep every word."""
    app.session.close()
    app.exit(return_code=128 + signum)


def catch_hang_ups(app: WorkbookApp) -> None:
    """Save typing when the terminal window is closed or the process is asked to end."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGHUP, signal.SIGTERM):
        loop.add_signal_handler(signum, hang_up, app, int(signum))
