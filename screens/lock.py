"""Quick hide (F9), auto-lock after idle minutes, and "switch person".

* ``HideScreen``: at once, a neutral screen with nothing personal on it (no name, no footer).
* ``LockScreen``: after the idle minutes; only the name shows.
* Both close the workbook behind them through ``screens.leaving`` (typing kept, data and key
  dropped, every screen over it removed), so coming back goes through unlock: the passphrase,
  or for a profile without one a key press. It opens again at Home. Hidden before a workbook
  was open, Enter starts afresh at the list of workbooks.
* While hidden or locked the app refuses every action but unlocking and F1 (help for a hard
  moment, which then shows only the emergency number and crisis lines). "Someone else" and quit
  are allowed too: they reveal nothing, since the workbook is already closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from workbook.errors import WorkbookError
from workbook.models import ProfileCard, Settings
from workbook.storage import Codec
from workbook.storage.config import GroupConfig, idle_minutes

if TYPE_CHECKING:
    from screens.app import WorkbookApp

ALLOWED_WHILE_LOCKED = frozenset({"hard_moment", "quit", "switch_person", "quick_hide"})
"""App actions a locked app still runs (everything else is refused)."""

NOT_PROTECTED = (
    "This workbook has no passphrase, so anyone at this computer can open it. "
    "To add one: F8, then P."
)


def idle_limit_seconds(app: WorkbookApp) -> float:
    """The open workbook's idle minutes (its own setting, else the group default), in seconds."""
    settings = app.repo.get(Settings) if app.repo is not None else None
    chosen = settings.idle_lock_minutes if settings is not None else None
    try:
        config = app.root.config()
    except WorkbookError:
        config = GroupConfig(shared=True)  # a broken config.toml: take the safer default
    return idle_minutes(config, chosen) * 60.0


def check_idle(app: WorkbookApp) -> bool:
    """Lock (or, with nothing open, hide) after the idle minutes; return whether it did.

    Runs at the list of workbooks and the unlock box too, so a half-typed passphrase is not
    left on screen for the next person.
    """
    if isinstance(app.screen, _Curtain):
        return False  # already hidden or locked
    if app.idle_clock() - app.last_activity < idle_limit_seconds(app):
        return False
    from screens.leaving import lock

    lock(app)
    return True


def unlock_then(app: WorkbookApp, card: ProfileCard, call: Callable[[Codec | None], None]) -> None:
    """Ask for the passphrase if ``card`` has one, then call ``call(codec)``; plain → None."""
    if not app.root.is_encrypted(card):
        call(None)
        return
    from screens.unlock import UnlockScreen

    def unlocked(codec: Codec | None) -> None:
        if codec is not None:
            call(codec)

    app.push_screen(UnlockScreen(card), unlocked)


def forget_key(codec: Codec | None) -> None:
    """Drop an unlocked key that is no longer needed (a dialog that held one is closing)."""
    forget = getattr(codec, "forget", None)
    if callable(forget):
        forget()


class _Curtain(Screen[None]):
    """Shared look: a calm, empty screen with one centred message."""

    DEFAULT_CSS = """
    _Curtain { align: center middle; background: $background; }
    _Curtain Static { width: 70; color: $text-muted; text-align: center; margin-bottom: 1; }
    _Curtain #curtain-main { color: $foreground; text-style: bold; }
    """

    @property
    def workbook_app(self) -> WorkbookApp:
        return self.app  # type: ignore[return-value]


class _Locked(_Curtain):
    """The workbook is closed; Enter asks for the passphrase (or, without one, just opens)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "unlock", "Unlock"),
        Binding("f8", "app.switch_person", "Someone else"),
    ]

    def __init__(self, card: ProfileCard | None = None) -> None:
        super().__init__()
        self.card = card

    def action_unlock(self) -> None:
        app = self.workbook_app
        card = self.card
        if card is None:
            # Hidden before any workbook was open: start afresh (nothing typed comes back).
            app.locked_card = None
            app.pop_screen()
            app.show_start()
            return

        def reopen(codec: Codec | None) -> None:
            app.locked_card = None
            app.last_activity = app.idle_clock()
            if codec is None:
                app.notify(NOT_PROTECTED, timeout=8, markup=False)
            app.open_with(card, codec)

        unlock_then(app, card, reopen)


class HideScreen(_Locked):
    """F9: at once, nothing personal on screen (no name, no footer). Coming back needs the
    passphrase, or for a profile without one a key press."""

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static("Paused.", id="curtain-main")
            yield Static("Press Enter to continue.")


class LockScreen(_Locked):
    """Auto-lock: the workbook is closed; only its name shows until it is unlocked."""

    def compose(self) -> ComposeResult:
        assert self.card is not None
        app = self.workbook_app
        with Middle(), Center():
            yield Static(
                f"{self.card.label}'s workbook is locked.", id="curtain-main", markup=False
            )
            if app.root.is_encrypted(self.card):
                yield Static("Press Enter and type the passphrase to come back.")
            else:
                yield Static("Press Enter to come back.")
                yield Static(NOT_PROTECTED, markup=False)
            yield Static("F8: someone else · F1: help for a hard moment")
