"""The Side by Side app: wiring only (global keys, theme, which screen comes first).

Feature logic lives in the feature screens and in ``workbook``; this file stays small. Screens
that belong to other features are imported lazily, when first needed, to keep start-up quick.
"""

from __future__ import annotations

import importlib
import importlib.util
import time
from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType

from screens.sections import section
from workbook.models import Profile, ProfileCard
from workbook.storage import Codec, DataRoot, Repository


def _optional(path: str) -> Any | None:
    """``module:attr`` if that module exists in this build, else None."""
    module, name = path.split(":", 1)
    if importlib.util.find_spec(module) is None:
        return None
    return getattr(importlib.import_module(module), name)


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
        Binding(
            "f2",
            "log_urge",
            "Log urge",
            id="log_urge",
            priority=True,
            tooltip="Note an urge now, from any screen",
        ),
        Binding(
            "f9",
            "quick_hide",
            "Hide",
            id="quick_hide",
            priority=True,
            tooltip="Hide the screen at once; unlock to come back",
        ),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f8", "switch_person", "Switch person", id="switch_person", show=False),  # privacy
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
        # --- privacy (issue 9): idle lock state; tests swap idle_clock for a fake ---
        self.idle_clock: Callable[[], float] = time.monotonic
        self.last_activity = self.idle_clock()
        self.locked_card: ProfileCard | None = None

    # State the screens read ---------------------------------------------------------------

    def today(self) -> date:
        """Today's local date (tests pass a fixed clock)."""
        return self._clock()

    @property
    def person_label(self) -> str:
        return self.card.label if self.card else ""

    @property
    def profile(self) -> Profile | None:
        return self.repo.get(Profile) if self.repo else None

    # Start-up and opening a workbook ---------------------------------------------------------

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
        """Open this person's workbook and show Home (asking for the passphrase if it has one)."""
        unlock = _optional("screens.unlock:UnlockScreen") if card.encrypted else None
        if unlock is not None:

            def opened(codec: Codec | None) -> None:
                if codec is not None:
                    self.open_with(card, codec)

            self.push_screen(unlock(card), opened)
            return
        self.open_with(card, None)

    def open_with(self, card: ProfileCard, codec: Codec | None) -> None:
        self.repo = self.root.open(card, codec=codec)
        self.card = card
        from screens.home import HomeScreen

        self.push_screen(HomeScreen())

    def close_workbook(self) -> None:
        """Close the open workbook: release its lock and drop its data from memory."""
        if self.repo is not None:
            self.repo.close()
        self.repo = None
        self.card = None

    def on_unmount(self) -> None:
        self.close_workbook()

    # Global actions ------------------------------------------------------------------------

    def action_open_section(self, section_id: str) -> None:
        self.push_screen(section(section_id).load()())

    def action_hard_moment(self) -> None:
        from screens.hard_moment import HardMomentScreen

        if not isinstance(self.screen, HardMomentScreen):
            self.push_screen(HardMomentScreen())

    def action_log_urge(self) -> None:
        """Log an urge from any screen (the urges feature provides the dialog)."""
        dialog = _optional("screens.urges:LogUrgeScreen")
        if dialog is not None and self.repo is not None and not isinstance(self.screen, dialog):
            self.push_screen(dialog())

    def action_quick_hide(self) -> None:
        """Hide everything personal at once (the privacy feature provides the screen)."""
        hide = _optional("screens.lock:HideScreen")
        if hide is not None and not isinstance(self.screen, hide):
            self.push_screen(hide())

    # --- privacy (issue 9): idle lock, locked-app refusals, switch person ----------------------

    @on(events.Mount)
    def _start_idle_timer(self) -> None:
        self.set_interval(10, self.check_idle_lock)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseEvent) and self.locked_card is None:
            self.last_activity = self.idle_clock()
        await super().on_event(event)

    def check_idle_lock(self) -> None:
        """Lock the workbook when it has been left alone for its idle minutes."""
        from screens.lock import check_idle

        check_idle(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.locked_card is not None:
            from screens.lock import ALLOWED_WHILE_LOCKED

            return action in ALLOWED_WHILE_LOCKED
        return super().check_action(action, parameters)

    def action_switch_person(self) -> None:
        """Close this workbook and go back to choosing one, without quitting."""
        from screens.lock import switch_person

        switch_person(self)


def run(root: DataRoot, profile: str | None = None) -> int:
    """Start the app; return the exit code."""
    root.prepare()
    if profile:
        root.find(profile)  # a clear message and exit code before the screen opens
    app = WorkbookApp(root, profile)
    result = app.run()
    return result or 0
