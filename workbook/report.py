"""The coach report: the sections a person chooses, as Markdown or one self-contained HTML file.

The report is built as simple blocks (headings, paragraphs, lists, tables, text charts) by one
function per section, then rendered. The HTML has its styles inline and no URL of any kind, so
opening or printing it never reaches the network.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from workbook.models import Goal, GoalStatus, Person, Profile
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
    """A small text bar chart: one bar per label."""

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


SectionFn = Callable[[Repository, date | None], list[Block]]
SECTIONS: dict[str, tuple[str, SectionFn]] = {}


def section(section_id: str, title: str) -> Callable[[SectionFn], SectionFn]:
    """Register a report section (feature modules add theirs here)."""

    def register(fn: SectionFn) -> SectionFn:
        SECTIONS[section_id] = (title, fn)
        return fn

    return register


def bar(value: float | None, top: float, width: int = 20) -> str:
    """A bar of ``#`` for ``value`` out of ``top`` (a dot for no entry), readable without colour."""
    if value is None:
        return "."
    filled = round(width * max(0.0, min(value, top)) / top) if top else 0
    return "#" * filled if filled else "|"


# --- Sections --------------------------------------------------------------------------------


@section("goals", "Goals")
def _goals(repo: Repository, since: date | None) -> list[Block]:
    goals = repo.all(Goal)
    if not goals:
        return [Para("No goals yet.")]
    rows = []
    for g in goals:
        done = sum(1 for s in g.steps if s.done_on)
        target = g.target_date.isoformat() if g.target_date else "-"
        rows.append(
            [
                g.title,
                g.horizon.value,
                g.area.value,
                g.status.value,
                f"{done}/{len(g.steps)}",
                target,
            ]
        )
    active = sum(1 for g in goals if g.status == GoalStatus.ACTIVE)
    blocks: list[Block] = [Para(f"{active} active of {len(goals)} goals.")]
    blocks.append(Table(["Goal", "Horizon", "Area", "Status", "Steps done", "Target"], rows))
    for g in goals:
        if g.status == GoalStatus.ACTIVE and g.steps:
            nxt = next((s.text for s in g.steps if not s.done_on), None)
            if nxt:
                blocks.append(Para(f"Next step for {g.title}: {nxt}"))
    return blocks


@section("people", "My people")
def _people(repo: Repository, since: date | None) -> list[Block]:
    people = repo.all(Person)
    if not people:
        return [Para("No one added yet.")]
    rows = [[p.name, p.role.value, p.contact, p.good_times, p.ask] for p in people]
    return [Table(["Name", "Role", "How to reach", "Good times", "What I'd like"], rows)]


@section("hard-moments", "My plan for hard moments")
def _hard_moments(repo: Repository, since: date | None) -> list[Block]:
    from workbook import hard_plan

    plan = hard_plan.load(repo)
    if hard_plan.is_empty(plan):
        return [Para("Not written yet.")]
    blocks: list[Block] = []
    for part in hard_plan.content().section:
        answers = [(p.label, getattr(plan, p.field)) for p in part.prompt]
        written = [(label, text) for label, text in answers if text.strip()]
        if written:
            blocks.append(Heading(part.title, level=3))
            blocks.append(Items([f"{label} {text}" for label, text in written]))
    return blocks


SECTION_IDS = list(SECTIONS)


def build_report(
    repo: Repository,
    sections: list[str] | None,
    since: date | None = None,
    today: date | None = None,
) -> Report:
    """The report for ``sections`` (all when None), in the order the person would read it."""
    profile = repo.get(Profile)
    name = profile.display_name if profile else "My"
    when = (today or date.today()).isoformat()
    span = f" since {since.isoformat()}" if since else ""
    report = Report(f"{name}'s workbook", f"Made on {when}{span}. Shared by choice.")
    for section_id in sections or SECTION_IDS:
        title, fn = SECTIONS[section_id]
        report.blocks.append(Heading(title))
        report.blocks.extend(fn(repo, since))
    return report


# --- Rendering -------------------------------------------------------------------------------


def chart_lines(chart: Chart) -> list[str]:
    """One line per label: the label, a bar, and the number (``-`` for no entry)."""
    width = max((len(label) for label in chart.labels), default=0)
    return [
        f"{label:<{width}}  {bar(value, chart.top)} {'-' if value is None else f'{value:g}'}"
        for label, value in zip(chart.labels, chart.values, strict=True)
    ]


def render(report: Report, fmt: str) -> str:
    return render_markdown(report) if fmt == "md" else render_html(report)


def _md_cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def render_markdown(report: Report) -> str:
    out = [f"# {report.title}", "", report.subtitle, ""]
    for block in report.blocks:
        if isinstance(block, Heading):
            out += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Para):
            out += [block.text, ""]
        elif isinstance(block, Items):
            out += [f"- {_md_cell(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(block.headers) + " |")
            out.append("|" + "---|" * len(block.headers))
            out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
            out.append("")
        else:
            out += [f"{block.title}:", "", "```", *chart_lines(block), "```", ""]
    return "\n".join(out).rstrip() + "\n"


CSS = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #111; background: #fff; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
pre { background: #f4f4f4; padding: 0.5rem; overflow-x: auto; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
               table, pre { break-inside: avoid; } }
"""


def render_html(report: Report) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(report.title)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{e(report.title)}</h1>",
        f"<p>{e(report.subtitle)}</p>",
    ]
    for block in report.blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            out.append(f"<p>{e(block.text)}</p>")
        elif isinstance(block, Items):
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{e(h)}</th>" for h in block.headers)
            body = "".join(
                "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in block.rows
            )
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        else:
            lines = "\n".join(chart_lines(block))
            out.append(f"<p>{e(block.title)}:</p><pre>{e(lines)}</pre>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
