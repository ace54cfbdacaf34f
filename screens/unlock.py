"""Asking for a passphrase: ``UnlockScreen(card)`` dismisses with the profile's codec, or None.

The key derivation (Argon2id, 64 MiB) runs in a thread worker, so the screen stays calm and shows
"Unlocking…". A wrong passphrase gets a plain message and another try; after five wrong tries
each try waits a little longer (the wait happens in the worker, never on the UI thread).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Input, Static

from screens.base import WorkbookDialog
from screens.widgets.textbox import TextBox
from workbook.errors import WorkbookError
from workbook.models import ProfileCard
from workbook.storage import Codec
from workbook.storage.crypto import Throttle

if TYPE_CHECKING:
    from screens.app import WorkbookApp


START = "Type the passphrase and press Enter. Esc goes back. F1: help for a hard moment."


class StatusLine(Static):
    """What is happening ("Unlocking…") or what went wrong, drawn from the dialog's state."""

    status: reactive[tuple[str, bool]] = reactive((START, False))

    def watch_status(self, status: tuple[str, bool]) -> None:
        words, error = status
        self.update(Text(words))
        self.set_class(error, "-error")


class UnlockScreen(WorkbookDialog[Codec | None]):
    """The passphrase (or recovery code) for one profile. Only the profile's label is shown."""

    DEFAULT_CSS = """
    UnlockScreen { align: center middle; }
    UnlockScreen > Vertical {
        width: 64; height: auto; padding: 1 2;
        background: $surface; border: round $primary;
    }
    UnlockScreen #unlock-title { text-style: bold; margin-bottom: 1; }
    UnlockScreen #unlock-status { color: $text-muted; margin-top: 1; height: auto; }
    UnlockScreen #unlock-status.-error { color: $error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Go back without unlocking"),
    ]

    busy: reactive[bool] = reactive(False, init=False)
    """A key is being derived: the box is off until it is done."""
    status: reactive[tuple[str, bool]] = reactive((START, False), init=False)
    """The words under the box, and whether they say something went wrong."""

    def __init__(self, card: ProfileCard) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Unlock {self.card.label}'s workbook", id="unlock-title", markup=False)
            yield TextBox(
                placeholder="Passphrase (or recovery code)",
                password=True,
                id="unlock-input",
                compact=True,
            ).data_bind(disabled=UnlockScreen.busy)
            yield StatusLine(id="unlock-status").data_bind(UnlockScreen.status)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        secret = event.value
        if self.busy or not secret:
            return
        self.busy = True
        event.input.value = ""
        app: WorkbookApp = self.app  # type: ignore[assignment]
        wait = Throttle(app.root.files(self.card).folder).delay()
        if wait > 0:
            self._status(
                f"After several wrong tries, each try waits a little longer. "
                f"Unlocking in {wait:.0f} seconds…"
            )
        else:
            self._status("Unlocking…")
        self.unlock(secret)

    @work(thread=True, exclusive=True, group="unlock")
    def unlock(self, secret: str) -> None:
        """Derive the key off the UI thread; report back on it."""
        app: WorkbookApp = self.app  # type: ignore[assignment]
        try:
            codec: Codec | WorkbookError = app.root.unlock(self.card, secret)
        except WorkbookError as exc:
            codec = exc
        del secret
        self.app.call_from_thread(self._done, codec)

    def _done(self, result: Codec | WorkbookError) -> None:
        self.busy = False
        if isinstance(result, WorkbookError):
            self.status = (str(result), True)
            self.call_after_refresh(self.query_one(Input).focus)
            return
        if getattr(result, "by_recovery", False):
            self.app.notify(
                "You opened it with your recovery code. Please choose a new passphrase soon: "
                "F8, then P in the list of workbooks.",
                timeout=12,
            )
        self.dismiss(result)

    def _status(self, text: str, *, error: bool = False) -> None:
        self.status = (text, error)

    def action_cancel(self) -> None:
        if self.busy:
            return
        app: WorkbookApp = self.app  # type: ignore[assignment]
        alone = len(app.screen_stack) <= 2 and app.repo is None
        self.dismiss(None)
        if alone:
            # Nothing behind this prompt: go back to the list of workbooks, not a blank screen.
            from screens.profiles_manage import ProfilesScreen

            app.push_screen(ProfilesScreen())
