"""Auto-lock after idle minutes, and "switch person": the App's part of shared-machine privacy.

Mixed into the App so the App file stays wiring only. Any key or mouse event counts as activity;
a timer checks every 10 seconds whether the open workbook has been left alone for its idle
minutes (``screens.lock.check_idle``). Tests swap ``idle_clock`` for a fake one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from workbook.models import ProfileCard

IDLE_CHECK_SECONDS = 10


class IdleLock:
    """Idle tracking for :class:`screens.app.WorkbookApp` (mixed in before ``App``)."""

    idle_clock: Callable[[], float]
    last_activity: float
    locked_card: ProfileCard | None

    def start_idle_clock(self) -> None:
        """Set the idle state up (called from the App's ``__init__``)."""
        self.idle_clock = time.monotonic
        self.last_activity = self.idle_clock()
        self.locked_card = None

    def start_idle_timer(self) -> None:
        """Begin checking for idleness (called when the App mounts)."""
        self.set_interval(IDLE_CHECK_SECONDS, self.check_idle_lock)  # type: ignore[attr-defined]

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseEvent) and self.locked_card is None:
            self.last_activity = self.idle_clock()
        await super().on_event(event)  # type: ignore[misc]

    def check_idle_lock(self) -> None:
        """Lock the workbook when it has been left alone for its idle minutes."""
        from screens.lock import check_idle

        check_idle(self)  # type: ignore[arg-type]

    def action_switch_person(self) -> None:
        """Close this workbook and go back to choosing one, without quitting."""
        from screens.leaving import switch_person

        switch_person(self)  # type: ignore[arg-type]


__all__ = ["IdleLock"]
