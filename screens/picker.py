"""Choose whose workbook to open, when several live on this computer (names only).

Only what is on each profile's card is shown (the name, or initials when the person asked for
that); no workbook is opened or decrypted to draw this list. Choosing one calls
``app.open_card``, which asks for a passphrase first when the workbook has one.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.base import WorkbookScreen
from workbook.models import ProfileCard

NEW = "new-workbook"


class PickerScreen(WorkbookScreen):
    """A simple list of names, and a way to start a new workbook."""

    SECTION_TITLE = "Choose your workbook"
    CSS_PATH = Path(__file__).with_suffix(".tcss")

    def body(self) -> ComposeResult:
        with VerticalScroll(id="picker", classes="page"):
            yield Static("Whose workbook is this?", classes="title", markup=False)
            yield Static(
                "Choose your name with the arrow keys, then press Enter.",
                classes="hint",
                markup=False,
            )
            options = [Option(Content(card.label), id=card.id) for card in self.cards()]
            options.append(Option(Content("+ Start a new workbook"), id=NEW))
            yield OptionList(*options, id="profiles")

    def cards(self) -> list[ProfileCard]:
        return self.workbook_app.root.cards()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id == NEW:
            from screens.welcome import WelcomeScreen

            self.app.push_screen(WelcomeScreen())
            return
        for card in self.cards():
            if card.id == event.option_id:
                self.workbook_app.open_card(card)
                return
