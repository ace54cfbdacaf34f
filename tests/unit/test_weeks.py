"""Week arithmetic: ISO weeks, year ends, week 53, and the first-day-of-week setting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.models import Settings
from workbook.storage import Repository
from workbook.weeks import (
    Week,
    iso_week,
    iso_weeks_in_year,
    this_week,
    week_of,
    weeks_between,
)


def test_iso_week_runs_monday_to_sunday() -> None:
    week = week_of(date(2026, 11, 27))  # a Friday
    assert week.start == date(2026, 11, 23)
    assert week.end == date(2026, 11, 29)
    assert week.iso == (2026, 48)
    assert week.label() == "Week 48 of 2026 (23-29 Nov 2026)"


def test_a_week_across_the_year_end_belongs_to_the_iso_year_of_its_monday() -> None:
    week = week_of(date(2027, 1, 1))  # a Friday
    assert week.start == date(2026, 12, 28)
    assert week.end == date(2027, 1, 3)
    assert week.iso == (2026, 53)
    assert week.label() == "Week 53 of 2026 (28 Dec 2026 - 3 Jan 2027)"
    assert date(2026, 12, 31) in week and date(2027, 1, 3) in week
    assert date(2027, 1, 4) not in week


def test_iso_week_53_exists_only_in_long_years() -> None:
    assert iso_weeks_in_year(2026) == 53
    assert iso_weeks_in_year(2020) == 53
    assert iso_weeks_in_year(2025) == 52
    assert iso_weeks_in_year(2027) == 52
    assert iso_week(2026, 53).start == date(2026, 12, 28)
    with pytest.raises(ValueError):
        iso_week(2025, 53)


def test_arithmetic_steps_through_week_53_into_the_new_year() -> None:
    week52 = iso_week(2026, 52)
    assert week52.next().iso == (2026, 53)
    assert week52.shift(2).iso == (2027, 1)
    assert iso_week(2027, 1).previous().iso == (2026, 53)
    assert iso_week(2026, 1).previous().iso == (2025, 52)
    assert weeks_between(iso_week(2026, 50), iso_week(2027, 2)) == 5
    assert weeks_between(iso_week(2027, 2), iso_week(2026, 50)) == -5


def test_week_1_can_start_in_the_old_year() -> None:
    assert iso_week(2025, 1).start == date(2024, 12, 30)
    assert week_of(date(2024, 12, 31)).iso == (2025, 1)


@pytest.mark.parametrize(
    ("starts_on", "expected_start"),
    [
        (0, date(2026, 11, 23)),  # Monday
        (2, date(2026, 11, 25)),  # Wednesday
        (4, date(2026, 11, 27)),  # Friday: the day itself
        (5, date(2026, 11, 21)),  # Saturday
        (6, date(2026, 11, 22)),  # Sunday
    ],
)
def test_first_day_of_week_setting(starts_on: int, expected_start: date) -> None:
    week = week_of(date(2026, 11, 27), starts_on)
    assert week.start == expected_start
    assert week.start.weekday() == starts_on
    assert week.is_iso == (starts_on == 0)


def test_a_sunday_week_is_named_by_its_days() -> None:
    week = week_of(date(2026, 12, 30), 6)
    assert week.start == date(2026, 12, 27)
    assert week.label() == "Week of 27 Dec 2026 - 2 Jan 2027"
    assert week_of(date(2026, 11, 27), 6).label() == "Week of 22-28 Nov 2026"
    assert week_of(date(2026, 11, 30), 6).label() == "Week of 29 Nov - 5 Dec 2026"


def test_bad_first_day_is_refused() -> None:
    with pytest.raises(ValueError):
        week_of(date(2026, 1, 1), 7)


def test_this_week_reads_the_setting(repo: Repository) -> None:
    friday = date(2026, 11, 27)
    assert this_week(repo, friday).start == date(2026, 11, 23)
    repo.put(Settings(week_starts_on=6))
    assert this_week(repo, friday).start == date(2026, 11, 22)


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(0, 6),
    st.integers(-200, 200),
)
def test_every_day_is_in_exactly_one_week(day: date, starts_on: int, shift: int) -> None:
    week = week_of(day, starts_on)
    assert day in week
    assert week.start.weekday() == starts_on
    assert week.end - week.start == timedelta(days=6)
    assert day not in week.next() and day not in week.previous()
    assert weeks_between(week, week.shift(shift)) == shift
    assert week.shift(shift).shift(-shift) == week
    if starts_on == 0:
        assert week.iso == day.isocalendar()[:2]
        assert Week(date.fromisocalendar(*week.iso, 1)) == week
