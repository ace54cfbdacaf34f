"""The one clock: every "today" and "now" in Side by Side comes from here.

Nothing else in ``workbook/`` or ``screens/`` reads the system clock (a unit test walks the
source with ``ast`` to prove it). Functions that need a date take it as an argument where they
can; the edges (the CLI, the app, the store opening a workbook) ask this module. Tests pin the
clock with :func:`pinned` or :func:`set_now`, so a test can never pass only on the day it was
written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time

_source: Callable[[], datetime] | None = None


def _system_now() -> datetime:
    return datetime.now().astimezone()


def now() -> datetime:
    """The current local time, with its UTC offset."""
    return (_source or _system_now)()


def today() -> date:
    """Today's local date."""
    return now().date()


def time_of_day() -> time:
    """The local clock time to the minute (what a person would write down)."""
    return now().time().replace(second=0, microsecond=0, tzinfo=None)


def set_now(source: Callable[[], datetime] | datetime | None) -> None:
    """Pin the clock to a moment (or a function of one); ``None`` goes back to the system's."""
    global _source
    if source is None or callable(source):
        _source = source
        return
    moment = source if source.tzinfo else source.astimezone()
    _source = lambda: moment  # noqa: E731 - a constant clock


def moment_on(day: date, at: time = time(10, 0)) -> datetime:
    """``day`` at ``at`` local time, with the local UTC offset of that day."""
    return datetime.combine(day, at).astimezone()


@contextmanager
def pinned(when: datetime | date) -> Iterator[datetime]:
    """Within the block, "now" is ``when`` (a date means 10:00 that day)."""
    moment = when if isinstance(when, datetime) else moment_on(when)
    before = _source
    set_now(moment)
    try:
        yield now()
    finally:
        set_now(before)
