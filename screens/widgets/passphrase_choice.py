"""Lock a new workbook with a passphrase, or not: the choice, explained in one line each way.

On a group computer whose facilitator asked for passphrases (``require_passphrase``), the box is
ticked and cannot be unticked.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Input, Static

from screens.widgets.textbox import TextBox
from screens.widgets.ticks import Tick
from workbook.errors import InvalidInput
from workbook.storage.crypto import check_new_passphrase

WITH_PASSPHRASE = (
    "With a passphrase your workbook is encrypted: nobody else at this computer can read it. "
    "If you forget it, only your recovery code can open it."
)
WITHOUT_PASSPHRASE = (
    "Without a passphrase, anyone who uses this computer account can open your workbook."
)


class PassphraseChoice(Vertical):
    """A tick box and two hidden-text boxes. ``chosen()`` is the passphrase, or None."""

    DEFAULT_CSS = """
    PassphraseChoice { height: auto; }
    PassphraseChoice .note { color: $text-muted; }
    PassphraseChoice Input, PassphraseChoice #note-with { display: none; }
    PassphraseChoice.-locked Input, PassphraseChoice.-locked #note-with { display: block; }
    PassphraseChoice.-locked #note-without { display: none; }
    """

    locked: reactive[bool] = reactive(False)
    """Whether the passphrase is chosen: a class on the widget, for the stylesheet to show the
    boxes and the note that fits (state flows down; nothing is hidden by hand)."""

    def __init__(self, *, default: bool, required: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.default = default or required
        self.required = required

    def compose(self) -> ComposeResult:
        yield Tick(
            "Lock it with a passphrase", self.default, id="use-passphrase", disabled=self.required
        )
        required = (
            " This computer's group asks every workbook to have one." if self.required else ""
        )
        yield Static(WITH_PASSPHRASE + required, id="note-with", classes="note", markup=False)
        yield Static(WITHOUT_PASSPHRASE, id="note-without", classes="note", markup=False)
        yield TextBox(placeholder="Passphrase (8 or more characters)", password=True, id="pass1")
        yield TextBox(placeholder="The same passphrase again", password=True, id="pass2")

    def on_mount(self) -> None:
        self.locked = self.default

    def watch_locked(self, locked: bool) -> None:
        self.set_class(locked, "-locked")

    def on_checkbox_changed(self, event: Tick.Changed) -> None:
        event.stop()
        self.locked = event.value

    def chosen(self) -> str | None:
        """The passphrase to use, or None for none; a kind ``InvalidInput`` if it won't do."""
        if not self.query_one("#use-passphrase", Tick).value:
            return None
        first = self.query_one("#pass1", Input).value
        if first != self.query_one("#pass2", Input).value:
            raise InvalidInput("The two passphrases are not the same. Please type them again.")
        check_new_passphrase(first)  # a kind InvalidInput when it won't do
        return first
