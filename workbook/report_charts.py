"""Charts for the coach report: the recent weeks in detail, older time by month, gaps as gaps.

:func:`over_time` turns dated values into at most two :class:`Chart` blocks: the last twelve
weeks by day (or by week), then the time before that by month. A day, week or month with no
entry is a gap (``None``), never drawn as a zero and never dropped, so missed weeks show.

:func:`svg` draws one chart as inline SVG (no script, no external file, no URL) with a plain
text alternative; the renderer puts the numbers in a table behind a ``<details>`` beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from workbook.report_blocks import Chart, day_words

RECENT_DAYS = 12 * 7
"""The detailed part of a chart: twelve weeks."""

Points = list[tuple[date, float]]


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _months(start: date, end: date) -> list[date]:
    out, month = [], start.replace(day=1)
    while month <= end:
        out.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return out


def _average(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _bucket(points: Points, keys: list[date], key: Callable[[date], date]) -> list[float | None]:
    groups: dict[date, list[float]] = {k: [] for k in keys}
    for day, value in points:
        k = key(day)
        if k in groups:
            groups[k].append(value)
    return [_average(groups[k]) for k in keys]


def by_day(points: Points, start: date, end: date) -> tuple[list[str], list[float | None]]:
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return [f"{d:%a} {day_words(d)}" for d in days], _bucket(points, days, lambda d: d)


def by_week(points: Points, start: date, end: date) -> tuple[list[str], list[float | None]]:
    weeks = [monday(start) + timedelta(weeks=n) for n in range((end - monday(start)).days // 7 + 1)]
    return [f"week of {day_words(w)}" for w in weeks], _bucket(points, weeks, monday)


def by_month(points: Points, start: date, end: date) -> tuple[list[str], list[float | None]]:
    months = _months(start, end)
    return [f"{m:%b %Y}" for m in months], _bucket(points, months, lambda d: d.replace(day=1))


def over_time(
    title: str,
    points: Points,
    top: float,
    today: date,
    since: date | None = None,
    *,
    weekly: bool = False,
) -> list[Chart]:
    """The recent twelve weeks by day (or week), then anything older by month."""
    if not points:
        return []
    first = min(d for d, _ in points)
    start = max(first, since) if since else first
    end = max(today, max(d for d, _ in points))
    recent_start = max(start, end - timedelta(days=RECENT_DAYS - 1))
    recent = [(d, v) for d, v in points if d >= recent_start]
    charts: list[Chart] = []
    if start < recent_start:
        older = [(d, v) for d, v in points if start <= d < recent_start]
        labels, values = by_month(older, start, recent_start - timedelta(days=1))
        charts.append(Chart(f"{title}, before that, by month (average)", labels, values, top))
    if weekly:
        labels, values = by_week(recent, recent_start, end)
        word = "by week"
    else:
        labels, values = by_day(recent, recent_start, end)
        word = "by day"
    charts.insert(0, Chart(f"{title}, {word}, from {day_words(recent_start)}", labels, values, top))
    return charts


# --- Drawing --------------------------------------------------------------------------------

BAR = 10
GAP = 2
HEIGHT = 80
PAD = 4


def describe(chart: Chart) -> str:
    """The chart in one or two sentences, for a screen reader and for anyone who prefers words."""
    shown = [
        (label, v) for label, v in zip(chart.labels, chart.values, strict=True) if v is not None
    ]
    missing = len(chart.labels) - len(shown)
    if not shown:
        return f"{chart.title}: no entries in this time."
    low = min(shown, key=lambda item: item[1])
    high = max(shown, key=lambda item: item[1])
    average = round(sum(v for _, v in shown) / len(shown), 1)
    gaps = f" {missing} of {len(chart.labels)} with no entry." if missing else ""
    return (
        f"{chart.title}: {len(chart.labels)} bars from {chart.labels[0]} to {chart.labels[-1]}. "
        f"Average {average:g} (of {chart.top:g}); lowest {low[1]:g} ({low[0]}), highest "
        f"{high[1]:g} ({high[0]}); latest {shown[-1][1]:g} ({shown[-1][0]}).{gaps}"
    )


def svg(chart: Chart) -> str:
    """The chart as inline SVG: a bar per label, a gap where there was no entry.

    Hidden from screen readers: the words of :func:`describe` beside it say the same once,
    and the numbers follow in a table.
    """
    width = max(len(chart.values) * (BAR + GAP), 120)
    parts = [
        f'<svg class="bars" aria-hidden="true" viewBox="0 0 {width} {HEIGHT + PAD}" '
        'preserveAspectRatio="none" focusable="false">',
        f'<line class="axis" x1="0" y1="{HEIGHT}" x2="{width}" y2="{HEIGHT}"></line>',
    ]
    top = chart.top or 1
    for n, value in enumerate(chart.values):
        x = n * (BAR + GAP)
        if value is None:
            parts.append(f'<rect class="gap" x="{x}" y="{HEIGHT}" width="{BAR}" height="2"></rect>')
            continue
        height = max(1.0, HEIGHT * max(0.0, min(value, top)) / top)
        parts.append(
            f'<rect class="bar" x="{x}" y="{HEIGHT - height:.1f}" width="{BAR}" '
            f'height="{height:.1f}"></rect>'
        )
    parts.append("</svg>")
    return "".join(parts)
