"""The coach report: the sections a person chooses, as Markdown or one self-contained HTML file.

Ordered for a weekly meeting: "Since we last met" first (:mod:`workbook.report_recent`), then
the plan, the plan for hard moments and the people (what a first meeting needs), then goals,
reviews, check-ins, setbacks, urges and skills, each most recent first. Sections live in
:mod:`workbook.report_sections` and :mod:`workbook.report_daily`; rendering, with every typed
word escaped, in :mod:`workbook.report_render`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from workbook import clock
from workbook import report_capital as _capital  # noqa: F401  (registers its section)
from workbook import report_daily as _daily  # noqa: F401  (registers its sections)
from workbook import report_recent as _recent  # noqa: F401
from workbook import report_sections as _sections  # noqa: F401
from workbook.errors import InvalidInput
from workbook.models import Profile
from workbook.report_blocks import (
    SECTIONS,
    Block,
    Chart,
    Heading,
    Items,
    Para,
    Report,
    Table,
    section,
)
from workbook.report_render import bar, chart_lines, render, render_html, render_markdown
from workbook.storage import Repository

__all__ = [
    "ORDER",
    "RECOMMENDED",
    "SECTIONS",
    "SECTION_IDS",
    "Block",
    "Chart",
    "Heading",
    "Items",
    "Para",
    "Report",
    "Table",
    "bar",
    "build_report",
    "chart_lines",
    "parse_last",
    "render",
    "render_html",
    "render_markdown",
    "section",
]

ORDER = (
    "recent",
    "plan",
    "hard-moments",
    "people",
    "goals",
    "reviews",
    "checkins",
    "capital",
    "safer-plan",
    "setbacks",
    "urges",
    "skills",
)
"""The order a coach would read the sections in at a weekly meeting."""

SECTION_IDS = [i for i in ORDER if i in SECTIONS] + [i for i in SECTIONS if i not in ORDER]

RECOMMENDED = ("recent", "plan", "goals", "reviews", "checkins")
"""What the export screen ticks to begin with: a short report for a weekly meeting. The more
personal sections (hard moments, people, setbacks, urges...) are added only by choice."""


def build_report(
    repo: Repository,
    sections: list[str] | None,
    since: date | None = None,
    today: date | None = None,
) -> Report:
    """The report for ``sections`` (all when None), in the order a coach would read them."""
    profile = repo.get(Profile)
    name = profile.display_name if profile else "My"
    today = today or clock.today()
    span = f", with entries from {since.isoformat()} on" if since else ""
    report = Report(f"{name}'s workbook", f"Made on {today.isoformat()}{span}.")
    chosen = set(sections or SECTION_IDS)
    for section_id in [i for i in SECTION_IDS if i in chosen]:
        title, fn = SECTIONS[section_id]
        report.blocks.append(Heading(title))
        report.blocks.extend(fn(repo, since, today))
    return report


_LAST = re.compile(r"^\s*(\d{1,3})\s*([dwm])\s*$")
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30}


def parse_last(text: str, today: date) -> date:
    """``4w`` (weeks), ``10d`` (days) or ``3m`` (months of 30 days) back from today."""
    found = _LAST.match(text.lower())
    if not found or int(found.group(1)) == 0:
        raise InvalidInput(
            f"{text!r} is not a length of time; write it like 4w (weeks), 10d (days) or 3m (months)"
        )
    days = int(found.group(1)) * _UNIT_DAYS[found.group(2)]
    return today - timedelta(days=days - 1)
