"""Review weeks: which week a day falls in, and simple arithmetic on weeks.

Weeks are ISO weeks (Monday to Sunday) by default. ``Settings.week_starts_on`` moves the first
day (0 is Monday ... 6 is Sunday); a week is then named by its first day, since ISO numbers only
fit Monday weeks. A week is identified by its first day, so arithmetic is plain date arithmetic
and works the same across year ends and in ISO years with a week 53.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from workbook.models import Settings
from workbook.storage import Repository

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ISO_START = 0


@dataclass(frozen=True, order=True)
class Week:
    """Seven days from ``start``."""

    start: date

    @property
    def end(self) -> date:
        """The last day of the week."""
        return self.start + timedelta(days=6)

    @property
    def is_iso(self) -> bool:
        """Whether this is an ISO week (it starts on a Monday)."""
        return self.start.weekday() == ISO_START

    @property
    def iso(self) -> tuple[int, int]:
        """The ISO (year, week number) of the week's Monday-or-later first day."""
        year, number, _ = self.start.isocalendar()
        return year, number

    def shift(self, weeks: int) -> Week:
        """The week ``weeks`` later (or earlier, when negative)."""
        return Week(self.start + timedelta(weeks=weeks))

    def next(self) -> Week:
        return self.shift(1)

    def previous(self) -> Week:
        return self.shift(-1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def days_text(self) -> str:
        """The span in words, e.g. ``23-29 Nov 2026`` or ``28 Dec 2026 - 3 Jan 2027``."""
        start, end = self.start, self.end
        if start.year != end.year:
            return f"{start.day} {start:%b %Y} - {end.day} {end:%b %Y}"
        if start.month != end.month:
            return f"{start.day} {start:%b} - {end.day} {end:%b %Y}"
        return f"{start.day}-{end.day} {end:%b %Y}"

    def label(self) -> str:
        """How the week is named on screen: ISO number when it is an ISO week."""
        if self.is_iso:
            year, number = self.iso
            return f"Week {number} of {year} ({self.days_text()})"
        return f"Week of {self.days_text()}"


def week_of(day: date, starts_on: int = ISO_START) -> Week:
    """The week ``day`` falls in, for weeks starting on ``starts_on`` (0 Monday ... 6 Sunday)."""
    if not 0 <= starts_on <= 6:
        raise ValueError("starts_on is 0 (Monday) to 6 (Sunday)")
    back = (day.weekday() - starts_on) % 7
    return Week(day - timedelta(days=back))


def iso_weeks_in_year(year: int) -> int:
    """52 or 53: the number of ISO weeks in ``year`` (28 December is always in the last one)."""
    return date(year, 12, 28).isocalendar()[1]


def iso_week(year: int, number: int) -> Week:
    """ISO week ``number`` of ``year``; refuses a week 53 in a year that has only 52."""
    if not 1 <= number <= iso_weeks_in_year(year):
        raise ValueError(f"{year} has no ISO week {number}")
    return Week(date.fromisocalendar(year, number, 1))


def weeks_between(earlier: Week, later: Week) -> int:
    """How many weeks from ``earlier`` to ``later`` (negative if ``later`` is earlier)."""
    return (later.start - earlier.start).days // 7


def starts_on(repo: Repository) -> int:
    """The person's first day of the week (Monday unless they chose otherwise)."""
    settings = repo.get(Settings)
    return settings.week_starts_on if settings is not None else ISO_START


def this_week(repo: Repository, today: date) -> Week:
    """The review week holding ``today``, by the person's setting."""
    return week_of(today, starts_on(repo))
