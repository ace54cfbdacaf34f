"""The Side by Side app: wiring only (global keys, theme, which screen comes first).

Feature logic lives in the feature screens and in ``workbook``; this file stays small.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from screens.sections import section
from workbook.models import Profile, ProfileCard
from workbook.storage import DataRoot, Repository


class WorkbookApp(App[int]):
    """One person's workbook (or the way in to one), in the terminal."""

    TITLE = "Side by Side"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "f1",
            "hard_moment",
            "Hard moment",
            id="hard_moment",
            priority=True,
            tooltip="Help for a hard moment: who to call and what to do now",
        ),
        Binding("ctrl+g", "hard_moment", "Hard moment", show=False, priority=True),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    ]

    def __init__(
        self,
        root: DataRoot,
        profile: str | None = None,
        *,
        clock: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.root = root
        self.profile_name = profile
        self.repo: Repository | None = None
        self.card: ProfileCard | None = None
        self._clock = clock

    # State the screens read ---------------------------------------------------------------

    def today(self) -> date:
        return self._clock()

    @property
    def person_label(self) -> str:
        return self.card.label if self.card else ""

    @property
    def profile(self) -> Profile | None:
        return self.repo.get(Profile) if self.repo else None

    # Start-up ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        cards = self.root.cards()
        if self.profile_name:
            self.open_card(self.root.find(self.profile_name))
        elif len(cards) == 1:
            self.open_card(cards[0])
        else:
            from screens.start import StartScreen

            self.push_screen(StartScreen())

    def open_card(self, card: ProfileCard) -> None:
        """Open this person's workbook and show Home."""
        self.repo = self.root.open(card)
        self.card = card
        from screens.home import HomeScreen

        self.push_screen(HomeScreen())

    def on_unmount(self) -> None:
        if self.repo is not None:
            self.repo.close()
            self.repo = None

    # Global actions ------------------------------------------------------------------------

    def action_open_section(self, section_id: str) -> None:
        self.push_screen(section(section_id).load()())

    def action_hard_moment(self) -> None:
        from screens.hard_moment import HardMomentScreen

        if not isinstance(self.screen, HardMomentScreen):
            self.push_screen(HardMomentScreen())


def run(root: DataRoot, profile: str | None = None) -> int:
    """Start the app; return the exit code."""
    root.prepare()
    if profile:
        root.find(profile)  # a clear message and exit code before the screen opens
    app = WorkbookApp(root, profile)
    result = app.run()
    return result or 0
