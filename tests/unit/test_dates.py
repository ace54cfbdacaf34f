"""The one date parser: friendly words, ISO dates, and dates that cannot exist."""

from __future__ import annotations

from datetime import date

import pytest

from workbook.dates import Facing, parse_day, short
from workbook.errors import InvalidInput

TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "facing", "expected"),
    [
        ("today", Facing.AHEAD, date(2026, 12, 1)),
        ("  Yesterday ", Facing.AHEAD, date(2026, 11, 30)),
        ("tomorrow", Facing.BACK, date(2026, 12, 2)),
        ("next  week", Facing.AHEAD, date(2026, 12, 8)),
        ("friday", Facing.AHEAD, date(2026, 12, 4)),
        ("Fri", Facing.BACK, date(2026, 11, 27)),
        ("tuesday", Facing.AHEAD, date(2026, 12, 8)),
        ("tuesday", Facing.BACK, date(2026, 11, 24)),
        ("monday", Facing.AHEAD, date(2026, 12, 7)),
        ("last monday", Facing.AHEAD, date(2026, 11, 30)),
        ("2027-05-31", Facing.AHEAD, date(2027, 5, 31)),
        ("2026-2-3", Facing.AHEAD, date(2026, 2, 3)),
        ("", Facing.AHEAD, None),
    ],
)
def test_friendly_words_and_iso_dates(text: str, facing: Facing, expected: date | None) -> None:
    assert parse_day(text, TODAY, facing) == expected


def test_a_date_that_cannot_exist_says_so() -> None:
    with pytest.raises(InvalidInput, match=r"that date doesn.t exist \(February 2026 has 28 days"):
        parse_day("2026-02-30", TODAY)
    with pytest.raises(InvalidInput, match="there is no month 13"):
        parse_day("2026-13-01", TODAY)


@pytest.mark.parametrize("text", ["soon", "31/05/2026", "2026-05", "mo", "next"])
def test_anything_else_gets_the_hint(text: str) -> None:
    with pytest.raises(InvalidInput, match=r"like 2026-12-01\), or a word such as today"):
        parse_day(text, TODAY)


def test_the_year_is_shown_only_when_it_is_not_this_year() -> None:
    assert short(date(2026, 5, 31), TODAY) == "31 May"
    assert short(date(2027, 5, 31), TODAY) == "31 May 2027"
