"""Home's dashboard cards, one module per section.

They are kept apart from the feature screens on purpose: Home builds every card as it opens,
and a card needs only ``Static`` and its ``workbook`` module, not the forms,
dialogs and widgets of the screen behind it (importing those cost ~100 ms at start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from screens.widgets.message import Shown

if TYPE_CHECKING:
    from screens.app import WorkbookApp


class TextCard(Shown):
    """A titled card of plain lines, brought up to date whenever its screen is shown again.

    One widget: the title (bold) is drawn over the lines (``Shown``'s ``above``); a card was
    three (a box, the title, the lines), and Home has four of these.
    """

    DEFAULT_CSS = """
    TextCard { height: auto; }
    """
    TITLE = ""

    def __init__(self, app: WorkbookApp, *, id: str) -> None:
        super().__init__(id=id, above=(self.TITLE, "bold"))
        self._wb = app
        text = self.card_text()
        self.set_reactive(Shown.shown, text)
        self.watch_shown(text)  # drawn with its lines from the first frame

    def on_mount(self) -> None:
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def _screen_changed(self, screen: object) -> None:
        """Back on this card's screen: show what changed meanwhile (free when nothing did)."""
        if screen is self.screen:
            self.shown = self.card_text()

    def card_text(self) -> str:
        """The card's lines, joined (empty while no workbook is open).

        Home builds its cards afresh each time it is shown, so a check-in made just now shows at
        once; the lines are remembered until the workbook changes, so coming back to Home after
        only reading costs nothing, even on ten years of entries.
        """
        repo = self._wb.repo
        if repo is None:
            return ""
        key = (type(self).__name__, self._wb.today())
        return repo.remembered(key, lambda: "\n".join(self.lines()))

    def lines(self) -> list[str]:
        raise NotImplementedError
