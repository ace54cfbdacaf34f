"""One way of reading a date a person typed, and of showing one, for the whole workbook.

Every date box (the check-in's day, plan steps, goals, steps, the export's "since") reads the
same friendly words: ``today``, ``yesterday``, ``tomorrow``, a weekday name, ``next week``, or a
date written ``YYYY-MM-DD``. A date that cannot exist (2026-02-30) says so, rather than showing a
format hint to someone who wrote the format right.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from enum import StrEnum

from workbook.errors import InvalidInput

WEEKDAYS = tuple(name.lower() for name in calendar.day_name)
ISO_SHAPE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
MONTHS = tuple(calendar.month_name)


class Facing(StrEnum):
    """Which way a weekday name points: "friday" is the coming Friday, or the last one."""

    AHEAD = "ahead"
    BACK = "back"


def hint(today: date) -> str:
    """What a date box accepts, in one kind sentence."""
    return (
        f"Please write the date as YYYY-MM-DD (like {today:%Y-%m-%d}), or a word such as today, "
        "tomorrow, friday or next week."
    )


def parse_day(text: str, today: date, facing: Facing = Facing.AHEAD) -> date | None:
    """The date ``text`` means, or None when it is empty; a kind :class:`InvalidInput` if not."""
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        return None
    words = {
        "today": today,
        "yesterday": today - timedelta(days=1),
        "tomorrow": today + timedelta(days=1),
        "next week": today + timedelta(days=7),
    }
    if cleaned in words:
        return words[cleaned]
    weekday = _weekday(cleaned.removeprefix("next ").removeprefix("last "))
    if weekday is not None:
        back = facing is Facing.BACK or cleaned.startswith("last ")
        return _nearest(today, weekday, back=back)
    return _iso(cleaned, today)


def _weekday(word: str) -> int | None:
    """0 for "monday" (or "mon"), ... 6 for "sunday"; None for anything else."""
    for index, name in enumerate(WEEKDAYS):
        if len(word) >= 3 and name.startswith(word):
            return index
    return None


def _nearest(today: date, weekday: int, *, back: bool) -> date:
    """The coming ``weekday`` (after today), or the last one (before today) when ``back``."""
    if back:
        return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _iso(text: str, today: date) -> date:
    match = ISO_SHAPE.match(text)
    if match is None:
        raise InvalidInput(hint(today))
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise InvalidInput(f"{text}: there is no month {month}. Months go from 1 to 12.")
    try:
        return date(year, month, day)
    except ValueError:
        last = calendar.monthrange(year, month)[1] if year >= 1 else 31
        raise InvalidInput(
            f"{text}: that date doesn't exist ({MONTHS[month]} {year} has {last} days)."
        ) from None


def short(day: date, today: date) -> str:
    """``31 May`` this year, ``31 May 2027`` in any other year."""
    text = f"{day.day} {MONTHS[day.month][:3]}"
    return text if day.year == today.year else f"{text} {day.year}"
