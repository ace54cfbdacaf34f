"""A text sparkline with words: one character per day, a dot for a day with no entry.

Built from plain characters so it reads without colour, and summarised in words beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

BARS = "▁▂▃▄▅▆▇█"
MISSING = "·"


def spark(values: Sequence[float | None], low: float, high: float) -> str:
    """``values`` as bar characters from ``low`` to ``high``; None shows as a dot."""
    out = []
    span = max(high - low, 1e-9)
    for value in values:
        if value is None:
            out.append(MISSING)
            continue
        index = round((min(max(value, low), high) - low) / span * (len(BARS) - 1))
        out.append(BARS[index])
    return "".join(out)


def summary(values: Sequence[float | None]) -> str:
    """``average 3.4`` (or ``no entries yet``)."""
    known = [v for v in values if v is not None]
    if not known:
        return "no entries yet"
    return f"average {sum(known) / len(known):.1f}"
