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

from workbook import clock
from workbook.models import (
    Checkin,
    Goal,
    GoalStatus,
    Halt,
    Person,
    Profile,
    ReviewState,
    SkillLevel,
    Urge,
)
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


SectionFn = Callable[[Repository, date | None, date], list[Block]]
"""A section: ``(repo, since, today) -> blocks``; ``since`` None means everything."""
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
def _goals(repo: Repository, since: date | None, today: date) -> list[Block]:
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
def _people(repo: Repository, since: date | None, today: date) -> list[Block]:
    people = repo.all(Person)
    if not people:
        return [Para("No one added yet.")]
    rows = [[p.name, p.role.value, p.contact, p.good_times, p.ask] for p in people]
    return [Table(["Name", "Role", "How to reach", "Good times", "What I'd like"], rows)]


@section("hard-moments", "My plan for hard moments")
def _hard_moments(repo: Repository, since: date | None, today: date) -> list[Block]:
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


@section("safer-plan", "My limits and safer-use plan")
def _safer_plan(repo: Repository, since: date | None, today: date) -> list[Block]:
    from workbook import safer_plan

    lines = safer_plan.summary_lines(safer_plan.load(repo))
    return [Items(lines)] if lines else [Para("No limit or safer-use plan set yet.")]


# --- Sections: plan, reviews, check-ins, urges, skills ----------------------------------------

ORDER = (
    "plan",
    "goals",
    "reviews",
    "checkins",
    "safer-plan",
    "urges",
    "skills",
    "people",
    "hard-moments",
)
"""The order a coach would read the sections in."""


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _from(since: date | None) -> str:
    return f" since {_day(since)}" if since else ""


@section("plan", "My change plan")
def _plan(repo: Repository, since: date | None, today: date) -> list[Block]:
    from workbook import plan as change_plan

    current = change_plan.load_plan(repo)
    kept = change_plan.revisions(repo)
    titles = {s.key: s.title for s in change_plan.words().step}
    blocks: list[Block] = []
    for key in change_plan.STEP_KEYS:
        lines = change_plan.section_lines(current, key)
        if lines:
            blocks.append(Heading(titles[key], level=3))
            blocks.append(Items(lines))
    if not blocks:
        return [Para("Not written yet. The plan starts with one change you would like to make.")]
    state = f"Finished on {_day(current.finished)}." if current.finished else "Still being built."
    recent = [r for r in kept if since is None or r.day >= since]
    count = f"{len(kept)} revision{'' if len(kept) == 1 else 's'} kept"
    if since is not None:
        count += f", {len(recent)} of them{_from(since)}"
    last = f" Last looked over on {_day(current.reviewed)}." if current.reviewed else ""
    return [Para(f"{state} {count}.{last}"), *blocks]


def _over_time(points: list[tuple[date, float]]) -> tuple[list[str], list[float | None]]:
    """Average values by day, week or month, whichever keeps the chart short."""
    if not points:
        return [], []
    first, last = min(d for d, _ in points), max(d for d, _ in points)
    span = (last - first).days

    def key(day: date) -> date:
        if span <= 31:
            return day
        if span <= 26 * 7:
            return day.fromordinal(day.toordinal() - day.weekday())
        return day.replace(day=1)

    groups: dict[date, list[float]] = {}
    if span <= 31:  # day by day: a day with no entry shows as a dot, so gaps read honestly
        groups = {first.fromordinal(n): [] for n in range(first.toordinal(), last.toordinal() + 1)}
    for day, value in sorted(points):
        groups.setdefault(key(day), []).append(value)

    def label(day: date) -> str:
        if span <= 31:
            return f"{day:%a} {_day(day)}"
        return f"week of {_day(day)}" if span <= 26 * 7 else f"{day:%b %Y}"

    labels = [label(d) for d in groups]
    values: list[float | None] = [round(sum(v) / len(v), 1) if v else None for v in groups.values()]
    return labels, values


def _span_word(points: list[tuple[date, float]]) -> str:
    if not points:
        return ""
    span = (max(d for d, _ in points) - min(d for d, _ in points)).days
    return (
        "by day (a dot: no entry that day)"
        if span <= 31
        else "weekly average"
        if span <= 26 * 7
        else "monthly average"
    )


@section("reviews", "Weekly reviews")
def _reviews(repo: Repository, since: date | None, today: date) -> list[Block]:
    from workbook import reviews
    from workbook.weeks import Week

    kept = [r for r in reversed(reviews.history(repo)) if since is None or r.week_end >= since]
    if not kept:
        return [Para(f"No weekly reviews yet{_from(since)}. The first one can be short.")]
    done = sum(1 for r in kept if r.state == ReviewState.DONE)
    blocks: list[Block] = [Para(f"{done} of {len(kept)} weekly reviews finished{_from(since)}.")]
    scored = [(r.week_start, float(r.difference)) for r in kept if r.difference is not None]
    if scored:
        blocks.append(
            Chart(
                f"{reviews.DIFFERENCE_QUESTION} (0 to 10)",
                [f"week of {_day(d)}" for d, _ in scored],
                [v for _, v in scored],
                10,
            )
        )
    for review in reversed(kept):
        blocks.append(Heading(Week(review.week_start).label(), level=3))
        rows = [
            [g.goal_title, reviews.rating_word(g.rating), g.helped, g.got_in_way, g.next_step]
            for g in review.goals
        ]
        if rows:
            headers = ["Goal", "How it went (0-4)", "What helped", "What got in the way", "Next"]
            blocks.append(Table(headers, rows))
        said = [
            (label, text)
            for label, text in (
                ("Wins:", review.wins),
                ("Hard moments:", review.hard_moments),
                (
                    "Real difference:",
                    "" if review.difference is None else f"{review.difference} of 10",
                ),
                ("Focus for next week:", review.focus),
                ("Reviewed:", review.reviewed_with.value if review.reviewed_with else ""),
            )
            if text.strip()
        ]
        if said:
            blocks.append(Items([f"{label} {text}" for label, text in said]))
        if review.state == ReviewState.IN_PROGRESS:
            blocks.append(Para("(Not finished.)"))
    return blocks


@section("checkins", "Daily check-ins")
def _checkins(repo: Repository, since: date | None, today: date) -> list[Block]:
    found = sorted(
        repo.all(Checkin, where=lambda c: since is None or c.on >= since), key=lambda c: c.on
    )
    if not found:
        return [Para(f"No check-ins yet{_from(since)}. One a day, in under a minute, when ready.")]
    blocks: list[Block] = [
        Para(
            f"{len(found)} check-in{'' if len(found) == 1 else 's'}{_from(since)}, "
            f"from {_day(found[0].on)} to {_day(found[-1].on)}."
        )
    ]
    mood = [(c.on, float(c.mood)) for c in found if c.mood is not None]
    craving = [(c.on, float(c.craving)) for c in found if c.craving is not None]
    for title, points, top in (
        ("Mood, 1 (very low) to 5 (very good)", mood, 5),
        ("Craving, 0 (none) to 10 (strongest)", craving, 10),
    ):
        if points:
            labels, values = _over_time(points)
            blocks.append(Chart(f"{title}, {_span_word(points)}", labels, values, top))
    halt = {h: sum(1 for c in found if h in c.halt) for h in Halt}
    if any(halt.values()):
        blocks.append(Table(["Felt (HALT)", "Days"], [[h.value, str(n)] for h, n in halt.items()]))
    profile = repo.get(Profile)
    if profile is not None and profile.show_day_counter:
        blocks.extend(_kept_days(repo, today))
    return blocks


def _kept_days(repo: Repository, today: date) -> list[Block]:
    """Days kept and stretches, for a person who chose to show counters (whole record)."""
    from workbook import stretches

    record = stretches.record_of(repo, today)
    if record.start is None:
        return []
    setbacks = len(record.setback_days)
    return [
        Items(
            [
                f"Days kept since {_day(record.start)}: {record.days_kept}",
                f"Current stretch: {stretches.day_words(record.current)}",
                f"Longest stretch: {stretches.day_words(record.longest)}",
                f"Setback days along the way: {setbacks}",
            ]
        )
    ]


@section("urges", "Urges")
def _urges(repo: Repository, since: date | None, today: date) -> list[Block]:
    from workbook import urges as urge_log

    found = [u for u in repo.all(Urge) if since is None or u.on >= since]
    if not found:
        return [Para(f"No urges noted yet{_from(since)}.")]
    passed = sum(1 for u in found if u.passed)
    blocks: list[Block] = [
        Para(
            f"{len(found)} urge{'' if len(found) == 1 else 's'} noted{_from(since)}; "
            f"{passed} of them passed."
        )
    ]
    points = [(u.on, float(u.strength)) for u in found]
    labels, values = _over_time(points)
    blocks.append(Chart(f"Strength at peak, 0 to 10, {_span_word(points)}", labels, values, 10))
    triggers = urge_log.common_triggers(found, top=5)
    if triggers:
        blocks.append(Table(["Common triggers", "Times"], [[t, str(n)] for t, n in triggers]))
    times = urge_log.times_of_day(found)
    if times:
        blocks.append(Table(["Time of day", "Urges"], [[t, str(n)] for t, n in times]))
    return blocks


@section("skills", "Daily-life skills")
def _skills(repo: Repository, since: date | None, today: date) -> list[Block]:
    from workbook import skills

    counts = skills.level_counts(repo)
    saved = skills.all_progress(repo)
    titles = {s.id: s.title for s in skills.all_skills(repo)}
    started = [lvl for lvl in skills.LEVELS if lvl != SkillLevel.NOT_YET]
    if not any(saved[i].level != SkillLevel.NOT_YET for i in saved if i in titles) and not any(
        p.practice for p in saved.values()
    ):
        return [Para("No skills started yet. Any everyday skill counts, one small step at a time.")]
    summary = ", ".join(f"{counts[lvl]} {lvl.value}" for lvl in skills.LEVELS)
    blocks: list[Block] = [Para(f"Skills by level: {summary}.")]
    rows = []
    for lvl in reversed(started):
        names = sorted(titles[i] for i, p in saved.items() if p.level == lvl and i in titles)
        if names:
            rows.append([lvl.value, ", ".join(names)])
    if rows:
        blocks.append(Table(["Level", "Skills"], rows))
    practice = [
        (entry.day, titles[p.id], entry.note)
        for p in saved.values()
        if p.id in titles
        for entry in p.practice
        if since is None or entry.day >= since
    ]
    practice.sort(key=lambda item: item[0], reverse=True)
    if practice:
        blocks.append(Heading("Recent practice", level=3))
        blocks.append(
            Table(["Day", "Skill", "What I did"], [[_day(d), t, n] for d, t, n in practice[:10]])
        )
    return blocks


SECTION_IDS = [i for i in ORDER if i in SECTIONS] + [i for i in SECTIONS if i not in ORDER]


def build_report(
    repo: Repository,
    sections: list[str] | None,
    since: date | None = None,
    today: date | None = None,
) -> Report:
    """The report for ``sections`` (all when None), in the order the person would read it."""
    profile = repo.get(Profile)
    name = profile.display_name if profile else "My"
    today = today or clock.today()
    when = today.isoformat()
    span = f", with entries from {since.isoformat()} on" if since else ""
    report = Report(f"{name}'s workbook", f"Made on {when}{span}. Shared by choice.")
    for section_id in sections or SECTION_IDS:
        title, fn = SECTIONS[section_id]
        report.blocks.append(Heading(title))
        report.blocks.extend(fn(repo, since, today))
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
