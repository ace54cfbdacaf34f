"""Small helpers for the words the app builds from numbers.

``counted`` is the one place a count meets a noun ("1 entry", "2 entries"), so a count can never
read "1 entries" and a later translation has a single seam to replace. ``clip`` is the one way a
person's text is cut to fit a line.
"""

from __future__ import annotations


def counted(count: int, one: str, many: str | None = None) -> str:
    """``count`` with the right form of the noun: ``counted(1, "entry", "entries")`` → "1 entry"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def clip(text: str, width: int) -> str:
    """One line of ``text``, cut to ``width`` with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"
