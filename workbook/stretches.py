"""Stretches and days kept: counting what has been kept, never only a reset to zero.

Everything works in local dates, never datetimes, so a daylight-saving change or a check-in just
before midnight cannot shift a count. The rules, in plain words:

* A **setback day** is a day with a setback written down, or a check-in answered "yes" (or "over
  my limit"). Any other day counts as **kept** — a missed check-in is not a setback, and neither
  is "I'd rather not say".
* The record starts on the earliest of: the person's chosen start date (``Profile.recovery_start``)
  and their first check-in or setback. The chosen start date also begins a new stretch.
* A **stretch** is a run of kept days in a row, counted in whole days: today is not over yet, so
  the current stretch counts up to yesterday. A stretch that began yesterday is 1 day today; one
  that began today (or a setback today) is 0 days. This matches "N days since" on Home.
* **Days kept** count whole days the same way: today joins the count tomorrow.
* **Time between setbacks** is the number of kept days between two setbacks in a row.
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from workbook.checkins import checkin_days
from workbook.models import Checkin, CheckinDay, Profile, Setback
from workbook.storage import Repository
from workbook.text import counted

ONE_DAY = timedelta(days=1)
DAY_MILESTONES = (1, 7, 30, 60, 90)


def local_date(moment: datetime, tz: tzinfo | None = None) -> date:
    """The local calendar date of ``moment`` (in ``tz``, or this computer's zone)."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(tz).date()


def add_months(day: date, months: int) -> date:
    """``day`` moved on by whole calendar months (31 Jan + 1 month is 28 or 29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Stretch:
    """A run of kept days in a row, ``first`` to ``last`` inclusive.

    For the current stretch ``last`` is yesterday (today is not over yet), so a stretch that
    began today has 0 days.
    """

    first: date
    last: date

    @property
    def days(self) -> int:
        return max(0, (self.last - self.first).days + 1)


@dataclass(frozen=True)
class Record:
    """What has been kept, as of ``today``."""

    today: date
    start: date | None
    """The first day of the record, or None when there is nothing to count yet."""
    setback_days: tuple[date, ...] = ()
    """Setback days from ``start`` to ``today``, oldest first."""
    stretches: tuple[Stretch, ...] = field(default=())
    """Every finished stretch, oldest first."""
    current_stretch: Stretch | None = None
    """The stretch going on now; None on a setback day or with no record."""

    @property
    def current(self) -> int:
        """Whole days in the current stretch (0 on a setback day or the day it began)."""
        return self.current_stretch.days if self.current_stretch else 0

    @property
    def all_stretches(self) -> tuple[Stretch, ...]:
        now = (self.current_stretch,) if self.current_stretch else ()
        return self.stretches + now

    @property
    def longest(self) -> int:
        """Days in the longest stretch so far (the current one included)."""
        return max((s.days for s in self.all_stretches), default=0)

    @property
    def days_elapsed(self) -> int:
        """Whole days from the start of the record to today (today is not over yet)."""
        return 0 if self.start is None else (self.today - self.start).days

    @property
    def days_kept(self) -> int:
        """Every kept day in the record."""
        return sum(s.days for s in self.all_stretches)

    def kept_between(self, first: date, last: date) -> int:
        """Kept days from ``first`` to ``last`` (both counted)."""
        total = 0
        for s in self.all_stretches:
            lo, hi = max(s.first, first), min(s.last, last)
            if lo <= hi:
                total += (hi - lo).days + 1
        return total

    @property
    def kept_this_month(self) -> int:
        return self.kept_between(self.today.replace(day=1), self.today)

    @property
    def kept_this_year(self) -> int:
        return self.kept_between(self.today.replace(month=1, day=1), self.today)

    @property
    def between_setbacks(self) -> list[int]:
        """Kept days between each two setbacks in a row, oldest first."""
        days = self.setback_days
        return [(b - a).days - 1 for a, b in itertools.pairwise(days)]

    @property
    def milestone(self) -> str | None:
        """Words for a milestone the current stretch reaches today, if any."""
        current = self.current_stretch
        return None if current is None else milestone_on(current.first, self.today)


def milestone_on(first: date, today: date) -> str | None:
    """The milestone a stretch that began on ``first`` reaches on ``today``, if any.

    1 day, 1 week, 30, 60 and 90 days, then 6 months, 1 year and each year after, counted in
    whole days, so 6 months and each year fall on the same date as the stretch began.
    """
    days = (today - first).days
    if days in DAY_MILESTONES:
        return {1: "1 day", 7: "1 week"}.get(days, f"{days} days")
    if days > 90 and today == add_months(first, 6):
        return "6 months"
    years = today.year - first.year
    if years >= 1 and today == add_months(first, 12 * years):
        return "1 year" if years == 1 else f"{years} years"
    return None


def build_record(
    today: date,
    setbacks: Iterable[date],
    record_days: Iterable[date] = (),
    chosen_start: date | None = None,
) -> Record:
    """The record as of ``today``.

    ``setbacks`` are setback days; ``record_days`` are days with any entry (check-ins), used to
    find where the record starts; ``chosen_start`` is the person's own start date, if any.
    Anything dated after ``today`` is ignored.
    """
    setback_set = {d for d in setbacks if d <= today}
    known = [d for d in record_days if d <= today] + sorted(setback_set)
    if chosen_start is not None and chosen_start <= today:
        known.append(chosen_start)
    else:
        chosen_start = None
    if not known:
        return Record(today=today, start=None)
    start = min(known)
    runs: list[Stretch] = []
    run_first: date | None = None
    for day in _days(start, today):
        if day in setback_set or (day == chosen_start and run_first is not None):
            if run_first is not None:
                runs.append(Stretch(run_first, day - ONE_DAY))
            run_first = None if day in setback_set else day
        elif run_first is None:
            run_first = day
    current = None if run_first is None else Stretch(run_first, today - ONE_DAY)
    return Record(today, start, tuple(sorted(setback_set)), tuple(runs), current)


def _days(first: date, last: date) -> Iterable[date]:
    for n in range((last - first).days + 1):
        yield first + timedelta(days=n)


def day_words(days: int) -> str:
    """``1 day``, ``12 days``."""
    return counted(days, "day")


def record_of(
    repo: Repository,
    today: date,
    *,
    known: Sequence[Checkin | CheckinDay] | None = None,
    also_setback: date | None = None,
) -> Record:
    """The record of this workbook as of ``today``, from its check-ins, setbacks and profile.

    Pass ``known`` (every check-in, whole or as ``checkins.checkin_days`` reads them) when you
    have already loaded them, and ``also_setback`` to
    count a setback that is being written down but is not saved yet.
    """
    checkins = repo.all(Checkin) if known is None else known
    setbacks = [s.on for s in repo.all(Setback)]
    setbacks += [c.on for c in checkins if c.used is not None and c.used.is_setback]
    if also_setback is not None:
        setbacks.append(also_setback)
    profile = repo.get(Profile)
    start = profile.recovery_start if profile else None
    return build_record(today, setbacks, [c.on for c in checkins], start)


def home_record(repo: Repository, today: date) -> Record:
    """The record as of ``today`` from every check-in's day (``checkins.checkin_days``),
    remembered until the workbook changes: Home's day counter and its check-in card both show
    it, and each worked it out over ten years of days (~5 ms)."""
    return repo.remembered(
        ("home_record", today), lambda: record_of(repo, today, known=checkin_days(repo))
    )
