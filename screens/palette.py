"""The command palette (ctrl+p): jump to any section that exists, or get help now.

Textual's own "Screenshot" command is removed (it would write a private screen to disk); the
rest of the system commands stay.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider

from screens.sections import Section, available_sections

if TYPE_CHECKING:
    from screens.app import WorkbookApp


class SectionsProvider(Provider):
    """ "Go to ..." for every section of the workbook that exists in this build."""

    def _sections(self) -> list[Section]:
        app: WorkbookApp = self.app  # type: ignore[assignment]
        # Before a workbook is open there is nothing to jump to.
        return available_sections() if app.repo is not None else []

    def _open(self, section_id: str) -> None:
        app: WorkbookApp = self.app  # type: ignore[assignment]
        app.action_open_section(section_id)

    async def discover(self) -> Hits:
        for s in self._sections():
            yield DiscoveryHit(f"Go to {s.title}", partial(self._open, s.id), help=s.summary)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for s in self._sections():
            text = f"Go to {s.title}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._open, s.id), help=s.summary)


RIDE_OUT = "A few minutes' guide to let an urge rise, peak and pass"


def _ride_out(app: WorkbookApp) -> None:
    from screens.urge_guide import UrgeSurfScreen

    app.push_screen(UrgeSurfScreen())


OUR_WORDS = {
    "Theme": ("Colours", "Choose the colours (a calm theme, a high-contrast one, or others)"),
    "Quit": ("Quit", "Close the workbook; everything is already saved"),
    "Maximize": ("Make this part fill the screen", "Show the part you are in on its own"),
    "Minimize": ("Back to the whole screen", "Show every part of this screen again"),
}
"""Textual's own palette commands, said in the workbook's plain words."""


def system_commands(app: WorkbookApp, textuals: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Our two commands first, then Textual's own in our words, minus "Screenshot" (it would
    write a private screen to disk) and its "Keys" (ours lists every key, with words)."""
    from screens.app import HARD, URGE

    yield SystemCommand("Help for a hard moment", HARD, app.action_hard_moment)
    yield SystemCommand("Keys", "Every key on this screen, and everywhere", app.action_help)
    if app.repo is not None:
        # The urge tools by what a person would type: "urge" finds them, not only "Go to Urges".
        yield SystemCommand("Note an urge (F2)", URGE, app.action_log_urge)
        yield SystemCommand("Ride out an urge", RIDE_OUT, partial(_ride_out, app))
    for command in textuals:
        if command.title in ("Screenshot", "Keys"):
            continue
        title, help_text = OUR_WORDS.get(command.title, (command.title, command.help))
        yield SystemCommand(title, help_text, command.callback, command.discover)
