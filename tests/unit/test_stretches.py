"""Stretch and days-kept maths: setbacks, missed days, month and year ends, DST, midnight."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from workbook.stretches import add_months, build_record, local_date, milestone_on

D = date


def test_nothing_to_count_yet() -> None:
    record = build_record(D(2026, 11, 27), [])
    assert record.start is None
    assert (record.current, record.longest, record.days_kept) == (0, 0, 0)
    assert record.milestone is None


def test_a_stretch_counts_whole_days() -> None:
    # Began yesterday: one whole day so far. Began today: none yet (today is not over).
    record = build_record(D(2026, 11, 27), [], [D(2026, 11, 26)])
    assert (record.current, record.longest, record.days_kept, record.days_elapsed) == (1, 1, 1, 1)
    record = build_record(D(2026, 11, 27), [], [D(2026, 11, 27)])
    assert (record.current, record.longest, record.days_kept, record.days_elapsed) == (0, 0, 0, 0)
    assert record.current_stretch is not None


def test_setback_keeps_longest_and_total() -> None:
    today = D(2026, 11, 27)
    # Kept 1-10 Nov, setback 11 Nov, kept 12-26 Nov (and today, so far).
    record = build_record(today, [D(2026, 11, 11)], [D(2026, 11, 1)])
    assert record.current == 15
    assert record.longest == 15
    assert record.days_kept == 25
    assert record.days_elapsed == 26
    # A setback today: the current stretch is 0, but nothing else is lost.
    record = build_record(today, [D(2026, 11, 11), today], [D(2026, 11, 1)])
    assert record.current == 0
    assert record.current_stretch is None
    assert record.longest == 15
    assert record.days_kept == 25
    assert record.between_setbacks == [15]


def test_time_between_setbacks() -> None:
    setbacks = [D(2026, 1, 1), D(2026, 1, 5), D(2026, 1, 6), D(2026, 2, 1)]
    record = build_record(D(2026, 2, 10), setbacks)
    assert record.between_setbacks == [3, 0, 25]
    assert record.current == 8  # 2 Feb to 9 Feb


def test_missed_days_are_not_setbacks() -> None:
    # Checked in on the 1st and the 20th only: nothing recorded in between was a setback.
    record = build_record(D(2026, 11, 20), [], [D(2026, 11, 1), D(2026, 11, 20)])
    assert record.current == 19
    assert record.days_kept == 19


def test_chosen_start_begins_a_new_stretch() -> None:
    record = build_record(D(2026, 11, 27), [], [D(2026, 11, 1)], chosen_start=D(2026, 11, 20))
    assert record.current == 7  # the same as "7 days since 20 November"
    assert record.longest == 19  # 1-19 Nov
    assert record.days_kept == 26
    # A start date of today begins a stretch of 0 days; the one before is still counted.
    record = build_record(D(2026, 11, 27), [], [D(2026, 11, 1)], chosen_start=D(2026, 11, 27))
    assert (record.current, record.longest, record.days_kept) == (0, 26, 26)


def test_future_entries_are_ignored() -> None:
    record = build_record(D(2026, 11, 27), [D(2026, 12, 1)], [D(2026, 12, 2)], D(2026, 12, 3))
    assert record.start is None


def test_month_end_and_year_end() -> None:
    # Kept since 20 Dec 2025, setback on 31 Dec, kept again through New Year.
    record = build_record(D(2026, 1, 3), [D(2025, 12, 31)], [D(2025, 12, 20)])
    assert record.current == 2  # 1 and 2 January
    assert record.kept_this_month == 2
    assert record.kept_this_year == 2
    assert record.days_kept == 13  # 20-30 December, 1-2 January
    # New Year's Day itself: nothing kept this year *yet*, and the December days still count.
    record = build_record(D(2026, 1, 1), [], [D(2025, 12, 20)])
    assert (record.kept_this_month, record.kept_this_year, record.days_kept) == (0, 0, 12)
    # 2 March after a leap-less February: the month resets, the year does not.
    record = build_record(D(2026, 3, 2), [D(2026, 2, 28)], [D(2026, 2, 1)])
    assert record.kept_this_month == 1
    assert record.kept_this_year == 28
    assert record.current == 1
    # A leap year's 29 February is a day like any other.
    record = build_record(D(2028, 3, 1), [], [D(2028, 2, 1)])
    assert (record.current, record.kept_this_month) == (29, 0)


def test_dst_changes_do_not_shift_counts() -> None:
    # US clocks change 8 Mar and 1 Nov 2026; EU ones 29 Mar and 25 Oct 2026.
    for first, last in [(D(2026, 3, 7), D(2026, 3, 9)), (D(2026, 10, 24), D(2026, 10, 26))]:
        record = build_record(last, [], [first])
        assert record.current == 2
    # A whole year that holds both changes is still 365 days, and a year to the date.
    record = build_record(D(2027, 1, 1), [], [D(2026, 1, 1)])
    assert (record.current, record.milestone) == (365, "1 year")


def test_local_date_boundary() -> None:
    new_york = ZoneInfo("America/New_York")
    # 23:30 in New York is already the next day in UTC: the check-in belongs to the local day.
    late = datetime(2026, 11, 26, 23, 30, tzinfo=new_york)
    assert local_date(late, new_york) == D(2026, 11, 26)
    assert local_date(late.astimezone(UTC), new_york) == D(2026, 11, 26)
    assert local_date(late, UTC) == D(2026, 11, 27)
    # The night the clocks go back, 01:30 happens twice; both are the same local day.
    first = datetime(2026, 11, 1, 1, 30, tzinfo=new_york, fold=0)
    second = datetime(2026, 11, 1, 1, 30, tzinfo=new_york, fold=1)
    assert local_date(first, new_york) == local_date(second, new_york) == D(2026, 11, 1)
    assert local_date(datetime(2026, 3, 8, 3, 1, tzinfo=new_york), new_york) == D(2026, 3, 8)


def test_milestones() -> None:
    first = D(2026, 1, 1)
    on = {n: first + timedelta(days=n) for n in (1, 2, 7, 30, 60, 90, 91)}
    assert milestone_on(first, first) is None
    assert milestone_on(first, on[1]) == "1 day"
    assert milestone_on(first, on[2]) is None
    assert milestone_on(first, on[7]) == "1 week"
    assert milestone_on(first, on[30]) == "30 days"
    assert milestone_on(first, on[60]) == "60 days"
    assert milestone_on(first, on[90]) == "90 days"
    assert milestone_on(first, on[91]) is None
    assert milestone_on(first, D(2026, 7, 1)) == "6 months"
    assert milestone_on(first, D(2027, 1, 1)) == "1 year"
    assert milestone_on(first, D(2028, 1, 1)) == "2 years"
    assert milestone_on(first, D(2027, 7, 1)) is None
    # A stretch from 29 February reaches its year on 28 February.
    assert milestone_on(D(2024, 2, 29), D(2025, 2, 28)) == "1 year"
    assert milestone_on(D(2024, 2, 29), D(2028, 2, 29)) == "4 years"
    # 31 August + 6 months is the end of February.
    assert milestone_on(D(2026, 8, 31), D(2027, 2, 28)) == "6 months"


def test_milestone_on_the_record() -> None:
    record = build_record(D(2026, 11, 27), [D(2026, 10, 27)], [D(2026, 10, 1)])
    assert record.current == 30
    assert record.milestone == "30 days"
    assert build_record(D(2026, 11, 27), [D(2026, 11, 27)], [D(2026, 10, 1)]).milestone is None


def test_add_months_clamps() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)


days = st.dates(min_value=D(2020, 1, 1), max_value=D(2027, 12, 31))


@given(
    today=days,
    setbacks=st.lists(days, max_size=20),
    entries=st.lists(days, max_size=20),
    start=st.none() | days,
)
def test_record_invariants(
    today: date, setbacks: list[date], entries: list[date], start: date | None
) -> None:
    record = build_record(today, setbacks, entries, start)
    assert 0 <= record.days_kept <= record.days_elapsed
    assert record.current <= record.longest <= record.days_kept
    assert record.kept_this_month <= record.kept_this_year <= record.days_kept
    assert record.kept_this_month <= today.day
    before_today = [d for d in record.setback_days if d < today]
    assert record.days_kept + len(before_today) == record.days_elapsed
    assert all(gap >= 0 for gap in record.between_setbacks)
    assert sum(record.between_setbacks) <= record.days_kept
    if today in setbacks:
        assert record.current == 0
    for a, b in itertools.pairwise(record.all_stretches):
        assert a.last < b.first
    if record.current_stretch is not None:
        assert record.current_stretch.last == today - timedelta(days=1)


@given(today=days, setbacks=st.lists(days, max_size=10), entries=st.lists(days, max_size=10))
def test_a_setback_never_adds_kept_days(
    today: date, setbacks: list[date], entries: list[date]
) -> None:
    before = build_record(today, setbacks, entries)
    after = build_record(today, [*setbacks, today], entries)
    assert after.days_kept <= before.days_kept
    assert after.longest <= before.longest
