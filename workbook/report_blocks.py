"""The coach report's building blocks, and the registry its sections add themselves to.

A section is a function ``(repo, since, today) -> blocks``. Blocks are plain data (headings,
paragraphs, lists, tables, charts) that :mod:`workbook.report_render` turns into Markdown or
HTML, escaping every word a person typed on the way out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from workbook.storage import Repository


@dataclass
class Heading:
    text: str
    level: int = 2


@dataclass
class Para:
    text: str


@dataclass
class Items:
    items: list[str]


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]


@dataclass
class Chart:
    """A bar chart: one bar per label; ``None`` is a gap (no entry), never a zero."""

    title: str
    labels: list[str]
    values: list[float | None]
    top: float


Block = Heading | Para | Items | Table | Chart


@dataclass
class Report:
    title: str
    subtitle: str
    blocks: list[Block] = field(default_factory=list)


SectionFn = Callable[[Repository, date | None, date], list[Block]]
"""A section: ``(repo, since, today) -> blocks``; ``since`` None means everything."""
SECTIONS: dict[str, tuple[str, SectionFn]] = {}


def section(section_id: str, title: str) -> Callable[[SectionFn], SectionFn]:
    """Register a report section (feature modules add theirs here)."""

    def register(fn: SectionFn) -> SectionFn:
        SECTIONS[section_id] = (title, fn)
        return fn

    return register


def day_words(day: date) -> str:
    """``27 Nov 2026``: unambiguous in every country."""
    return f"{day.day} {day:%b %Y}"


def since_words(since: date | None) -> str:
    return f" since {day_words(since)}" if since else ""


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"
