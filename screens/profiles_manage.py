"""Choosing, creating, renaming and deleting workbooks on a shared computer.

``ProfilesScreen`` lists workbooks by label only (the name, or initials if the person asked for
that) and is where "switch person" lands. Nothing of any workbook is read to show it. Coming back
to this screen closes whatever workbook was open.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.base import fit_footer, footer_first
from screens.profile_dialogs import DeleteDialog, PassphraseDialog, RenameDialog, picker_app
from screens.widgets.footer import WorkbookFooter
from screens.widgets.message import FieldMessage
from workbook.models import ProfileCard
from workbook.storage import Codec

NEW = "new-workbook"
"""The picker's last row: start a new workbook (the same welcome as the first run)."""


class ProfilesScreen(Screen[None]):
    """Who is using Side by Side? Pick a workbook, or make, rename or delete one."""

    notes: reactive[str] = reactive("")
    """Workbooks the picker could not list, and why (hidden when none)."""

    DEFAULT_CSS = """
    ProfilesScreen { align: center middle; }
    ProfilesScreen > Vertical { width: 60; height: auto; max-height: 100%; }
    ProfilesScreen #profiles-title { text-style: bold; margin-bottom: 1; }
    ProfilesScreen OptionList { height: auto; max-height: 14; }
    ProfilesScreen .note { color: $text-muted; margin-top: 1; }
    ProfilesScreen #profiles-notes { display: none; }
    ProfilesScreen #profiles-notes.-shown { display: block; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        # Capitals too: the README and the unlock screen name these keys N, R, D, P.
        Binding("n,N", "create", "New workbook", key_display="n"),
        Binding("r,R", "rename", "Rename", key_display="r"),
        Binding("d,D", "delete", "Delete", key_display="d"),
        Binding("p,P", "passphrase", "Passphrase", key_display="p"),
        Binding("i,I", "initials", "Initials", show=False),
    ]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The picker's keys in the footer's order, fitted to the width (F1 never cut)."""
        app = self.app
        return fit_footer(
            footer_first(super().active_bindings), app.size.width, app.get_key_display
        )

    @on(events.Resize)
    def _refit_footer(self) -> None:
        self.refresh_bindings()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Whose workbook is it?", id="profiles-title")
            yield OptionList(id="profiles-list")
            yield Static(
                "Enter opens it. n: new · r: rename · d: delete · p: passphrase · "
                "i: show only initials here · F9: hide",
                classes="note",
            )
            # Folders the list skipped (a planted link, a card that does not read): said, so
            # a workbook that went missing from the list is not a mystery.
            yield FieldMessage(id="profiles-notes", classes="note").data_bind(
                message=ProfilesScreen.notes
            )
        yield WorkbookFooter()

    def on_mount(self) -> None:
        self.refresh_list()

    def on_screen_resume(self) -> None:
        app = picker_app(self)
        if app.repo is not None and app.screen is self:
            app.close_workbook()  # back at the picker: nothing stays open
        self.refresh_list()

    def refresh_list(self) -> None:
        listing = self.query_one(OptionList)
        was = listing.highlighted or 0
        listing.clear_options()
        cards = picker_app(self).root.cards()
        for card in cards:
            lock = "  (passphrase)" if card.encrypted else ""
            listing.add_option(Option(Text(card.label + lock), id=card.id))
        listing.add_option(Option(Text("+ Start a new workbook"), id=NEW))
        self.notes = "\n".join(picker_app(self).root.notes)
        listing.highlighted = min(was, listing.option_count - 1)  # stay where the person was
        listing.focus()

    def selected(self) -> ProfileCard | None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return next((c for c in picker_app(self).root.cards() if c.id == option.id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        card = next((c for c in picker_app(self).root.cards() if c.id == event.option.id), None)
        if card is None:
            self.action_create()
            return
        picker_app(self).open_card(card)

    def action_create(self) -> None:
        """A new workbook starts with the same welcome as the very first one."""
        from screens.welcome import WelcomeScreen

        self.app.push_screen(WelcomeScreen())

    def action_rename(self) -> None:
        card = self.selected()
        if card is not None:
            self.app.push_screen(RenameDialog(card), lambda _: self.refresh_list())

    def action_passphrase(self) -> None:
        card = self.selected()
        if card is None:
            return
        app = picker_app(self)
        if not app.root.is_encrypted(card):
            app.push_screen(PassphraseDialog(card, None), lambda _: self.refresh_list())
            return
        from screens.unlock import UnlockScreen

        def unlocked(codec: Codec | None) -> None:
            if codec is not None:
                app.push_screen(PassphraseDialog(card, codec), lambda _: self.refresh_list())

        app.push_screen(UnlockScreen(card), unlocked)

    def action_initials(self) -> None:
        card = self.selected()
        if card is None:
            return
        app = picker_app(self)
        if not app.root.is_encrypted(card):
            app.root.set_initials_only(card, not card.show_initials)
            self.refresh_list()
            return
        from screens.unlock import UnlockScreen

        # A protected workbook's initials-only setting is its owner's: it needs the passphrase.
        def unlocked(codec: Codec | None) -> None:
            if codec is not None:
                try:
                    app.root.set_initials_only(card, not card.show_initials, codec=codec)
                finally:
                    getattr(codec, "forget", lambda: None)()
                self.refresh_list()

        app.push_screen(UnlockScreen(card), unlocked)

    def action_delete(self) -> None:
        card = self.selected()
        if card is not None:
            self.app.push_screen(DeleteDialog(card), lambda _: self.refresh_list())
