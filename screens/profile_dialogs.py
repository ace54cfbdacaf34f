"""The picker's dialogs: the recovery code shown once, rename, delete, set or change a passphrase.

Each asks for the workbook's passphrase first where it has one, and drops any unlocked key when it
closes (or when the screen is hidden, locked or switched).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from screens.base import WorkbookDialog
from screens.dialogs import Confirm
from screens.widgets.message import FieldMessage
from screens.widgets.passphrase_choice import WITH_PASSPHRASE, WITHOUT_PASSPHRASE
from screens.widgets.textbox import TextBox
from screens.widgets.ticks import Tick
from workbook.errors import WorkbookError
from workbook.models import ProfileCard
from workbook.storage import Codec

if TYPE_CHECKING:
    from screens.app import WorkbookApp

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 72; height: auto; max-height: 100%; padding: 1 2;
    background: $surface; border: round $primary;
}}
{name} .title {{ text-style: bold; margin-bottom: 1; }}
{name} .note {{ color: $text-muted; }}
{name} .error {{ color: $error; height: auto; }}
{name} Horizontal {{ height: auto; margin-top: 1; }}
{name} Input, {name} Checkbox {{ margin-top: 1; background: $boost; }}
{name} Button {{ margin-right: 2; }}
"""


def picker_app(screen: Screen[Any]) -> WorkbookApp:
    return screen.app  # type: ignore[return-value]


def _plain(exc: Exception) -> str:
    if isinstance(exc, WorkbookError):
        return str(exc)
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return str(first.get("msg", "That cannot be used.")).removeprefix("Value error, ")
    return "That cannot be used."


class RecoveryCodeDialog(WorkbookDialog[None]):
    """The recovery code, shown this once."""

    DEFAULT_CSS = DIALOG_CSS.format(name="RecoveryCodeDialog")

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Your recovery code", classes="title")
            yield Static(self.code, id="recovery-code", markup=False)
            yield Static(
                "Write it down and keep it somewhere safe, away from this computer. If you "
                "forget your passphrase, this code opens your workbook. It is shown only now.",
                classes="note",
            )
            with Horizontal():
                yield Button("I have written it down", variant="primary", id="done", compact=True)

    def on_mount(self) -> None:
        self.query_one("#done", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)


class RenameDialog(WorkbookDialog[ProfileCard | None]):
    """A new name for a workbook (its passphrase is asked for first, if it has one)."""

    error: reactive[str] = reactive("")
    """What went wrong, in words, shown in the dialog (bound to its message line)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="RenameDialog")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, card: ProfileCard) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Rename {self.card.label}"), classes="title")
            yield TextBox(
                placeholder="New name or nickname", id="rename", max_length=60, compact=True
            )
            yield FieldMessage(id="rename-error").data_bind(message=RenameDialog.error)
            yield Static("Enter renames it. Escape leaves it as it is.", classes="note")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value
        app = picker_app(self)
        if not app.root.is_encrypted(self.card):
            self._rename(name, None)
            return
        from screens.unlock import UnlockScreen

        def unlocked(codec: Codec | None) -> None:
            if codec is not None:
                self._rename(name, codec)

        app.push_screen(UnlockScreen(self.card), unlocked)

    def _rename(self, name: str, codec: Codec | None) -> None:
        try:
            renamed = picker_app(self).root.rename(self.card, name, codec)
        except (WorkbookError, ValueError) as exc:
            self.error = _plain(exc)
            return
        self.dismiss(renamed)


class DeleteDialog(WorkbookDialog[bool]):
    """Delete a workbook: type its name (and its passphrase); a last copy can be kept."""

    error: reactive[str] = reactive("")
    """What went wrong, in words, shown in the dialog (bound to its message line)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="DeleteDialog")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, card: ProfileCard) -> None:
        super().__init__()
        self.card = card

    def compose(self) -> ComposeResult:
        encrypted = picker_app(self).root.is_encrypted(self.card)
        with Vertical():
            yield Static(Text(f"Delete {self.card.label}'s workbook?"), classes="title")
            yield Static(
                "This removes the workbook and all its backups from this computer. "
                "To be sure, type its name.",
                classes="note",
            )
            yield TextBox(placeholder="Its name", id="confirm-name", compact=True)
            if encrypted:
                yield TextBox(
                    placeholder="Its passphrase", password=True, id="confirm-pass", compact=True
                )
            yield Tick(
                "Keep a last copy in the data folder (kept/)", False, id="keep", compact=True
            )
            yield FieldMessage(id="delete-error").data_bind(message=DeleteDialog.error)
            with Horizontal():
                yield Button("Delete", variant="error", id="delete", compact=True)
                yield Button("Keep it", id="cancel", compact=True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "delete":
            self.dismiss(False)
            return
        if self.query_one("#confirm-name", Input).value.strip() != self.card.display_name:
            self._error("The name does not match, so nothing was deleted.")
            return
        secret = ""
        for field in self.query("#confirm-pass").results(Input):
            secret = field.value
        self._error("Checking…")
        self.delete(secret, self.query_one("#keep", Tick).value)

    @work(thread=True, exclusive=True, group="delete")
    def delete(self, secret: str, keep: bool) -> None:
        root = picker_app(self).root
        try:
            if root.is_encrypted(self.card):
                root.unlock(self.card, secret).forget()
            root.delete(self.card, keep_backup=keep)
        except WorkbookError as exc:
            self.app.call_from_thread(self._error, str(exc))
            return
        self.app.call_from_thread(self.dismiss, True)

    def _error(self, text: str) -> None:
        self.error = text


class PassphraseDialog(WorkbookDialog[None]):
    """Set a passphrase (encrypting the workbook), change it, or remove it (asked twice)."""

    error: reactive[str] = reactive("")
    """What went wrong, in words, shown in the dialog (bound to its message line)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="PassphraseDialog")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, card: ProfileCard, codec: Codec | None) -> None:
        super().__init__()
        self.card = card
        self.codec = codec

    def compose(self) -> ComposeResult:
        title = "Change the passphrase" if self.codec else "Lock it with a passphrase"
        with Vertical():
            yield Static(Text(f"{title} ({self.card.label})"), classes="title")
            yield Static(WITH_PASSPHRASE, classes="note")
            yield TextBox(
                placeholder="New passphrase (8 or more characters)",
                password=True,
                id="pass1",
                compact=True,
            )
            yield TextBox(
                placeholder="The same passphrase again", password=True, id="pass2", compact=True
            )
            yield FieldMessage(id="pass-error").data_bind(message=PassphraseDialog.error)
            with Horizontal():
                yield Button("Save", variant="primary", id="save", compact=True)
                if self.codec is not None:
                    yield Button("Remove the passphrase", id="remove", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#pass1", Input).focus()

    def action_cancel(self) -> None:
        forget = getattr(self.codec, "forget", None)
        if callable(forget):
            forget()
        self.dismiss(None)

    def _error(self, text: str) -> None:
        self.error = text

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.save()
        elif event.button.id == "remove":
            self.app.push_screen(
                Confirm(
                    WITHOUT_PASSPHRASE,
                    heading="Remove the passphrase?",
                    yes="Remove it",
                    again="Are you sure? The workbook and its backups will be stored "
                    "without encryption.",
                ),
                self._confirmed,
            )
        else:
            self.action_cancel()

    def _confirmed(self, sure: bool | None) -> None:
        if not sure:
            return
        from screens.lock import forget_key
        from workbook.storage.crypto import EncryptedCodec

        assert isinstance(self.codec, EncryptedCodec)
        try:
            picker_app(self).root.remove_passphrase(self.card, self.codec)
        except WorkbookError as exc:
            self._error(str(exc))
            return
        forget_key(self.codec)
        self.app.notify("The passphrase is removed; the workbook is no longer encrypted.")
        self.dismiss(None)

    def save(self) -> None:
        first = self.query_one("#pass1", Input).value
        if first != self.query_one("#pass2", Input).value:
            self._error("The two passphrases are not the same. Please type them again.")
            return
        self._error("Saving…")
        self.store(first)

    @work(thread=True, exclusive=True, group="passphrase")
    def store(self, passphrase: str) -> None:
        from workbook.storage.crypto import EncryptedCodec

        root = picker_app(self).root
        code: str | None = None
        try:
            if isinstance(self.codec, EncryptedCodec):
                code = root.change_passphrase(self.card, self.codec, passphrase)
            else:
                _, code = root.add_passphrase(self.card, passphrase)
        except WorkbookError as exc:
            self.app.call_from_thread(self._error, str(exc))
            return
        self.app.call_from_thread(self._stored, code)

    def _stored(self, code: str | None) -> None:
        forget = getattr(self.codec, "forget", None)
        if callable(forget):
            forget()
        self.app.notify("The passphrase is saved. The old one no longer opens this workbook.")
        if code is None:
            self.dismiss(None)
            return
        self.app.push_screen(RecoveryCodeDialog(code), lambda _: self.dismiss(None))
