"""The urge log in words: the summary on the Urges screen and Home's card, and the log's fields.

No Textual here: the screens show these lines, and the unit tests check them without a UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from workbook.models import Urge
from workbook.text import clip, counted
from workbook.urges import PATTERN_DAYS, Noted, TriggerCount, patterns

SPAN = counted(PATTERN_DAYS // 7, "week")
"""How far back the triggers and times of day look, in words ("4 weeks")."""


def parse_time(text: str) -> time | None:
    """A time typed as HH:MM (24-hour), or None when left empty."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return time.fromisoformat(cleaned if len(cleaned) > 2 else f"{cleaned}:00")
    except ValueError:
        raise ValueError("Please write the time as HH:MM (24-hour), e.g. 18:30.") from None


def parse_minutes(text: str, low: int = 0, high: int = 1440) -> int | None:
    """A whole number of minutes from ``low`` to ``high``, or None when left empty."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isdigit() or not low <= int(cleaned) <= high:
        raise ValueError(f"Please write a whole number of minutes from {low} to {high}.")
    return int(cleaned)


def summary_lines(
    log: list[Urge], today: date, width: int = 76, *, total: int | None = None
) -> list[str]:
    """The patterns in words: this week, common triggers (one line each), times of day.

    ``log`` may hold only the last four weeks' urges when ``total`` (the whole log) is given.
    """
    found = patterns(log, today, total=total)
    if found.total == 0:
        return ["No urges noted yet. Press F2 any time to note one."]
    week = f"Urges this week: {found.this_week}"
    if found.this_week:
        # Count the urges that passed, never a tally of "0 passed" (strengths first).
        notes = [f"{found.passed_this_week} passed"] if found.passed_this_week else []
        if found.average_strength is not None:
            notes.append(f"average strength {found.average_strength:.1f} of 10")
        if notes:
            week += f" ({', '.join(notes)})"
    lines = [week]
    # The patterns look back four weeks, the count one: said, so that "this week: 0" above
    # "money (2)" does not read as a mistake.
    if found.triggers:
        lines.append(f"Common triggers in the last {SPAN}:")
        lines += [trigger_line(t, width) for t in found.triggers]
    if found.times:
        times = ", ".join(f"{t} ({n})" for t, n in found.times[:3])
        lines.append(f"Times of day in the last {SPAN}: {times}")
    return lines


def trigger_line(trigger: TriggerCount, width: int = 76) -> str:
    """``  money (3): Payday · Bills on the mat``: a kind, its count and the person's own words
    for it, newest first, as many as fit in ``width`` cells (the last one cut if need be)."""
    line = f"{trigger.name} ({trigger.count})"
    if trigger.words:
        line += ": " + " · ".join(trigger.words)
    return "  " + clip(line, width - 2)


def card_lines(log: Sequence[Noted], today: date) -> list[str]:
    """The urges card: short lines, as Home puts two cards side by side at 80 columns."""
    found = patterns(log, today)
    if found.total == 0:
        return ["No urges noted yet.", "F2 notes one, from any screen."]
    count = counted(found.this_week, "urge")
    passed = f", {found.passed_this_week} passed" if found.passed_this_week else ""
    lines = [f"This week: {count}{passed}"]
    if found.average_strength is not None:
        lines.append(f"Average strength: {found.average_strength:.1f} of 10")
    if found.triggers or found.times:
        lines.append(f"In the last {SPAN}:")  # this week's count is above
    if found.triggers:
        lines += wrap_items(
            "Triggers:", [f"{clip(t.name, 24)} ({t.count})" for t in found.triggers]
        )
    if found.times:
        lines += wrap_items("Times:", [f"{t} ({n})" for t, n in found.times[:3]])
    lines.append("F2 notes one · u opens the log")
    return lines


def wrap_items(label: str, items: list[str], width: int = 32) -> list[str]:
    """``label`` then ``items`` joined by commas, wrapped between items (never inside one)."""
    lines = [label]
    for n, item in enumerate(items):
        piece = item + ("," if n < len(items) - 1 else "")
        if len(lines[-1]) + 1 + len(piece) > width and lines[-1] != label:
            lines.append(" " + piece)
        else:
            lines[-1] += " " + piece
    return lines
