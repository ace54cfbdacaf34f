"""The coach report's first page, "Since we last met": what a weekly meeting needs, first.

The days since the last report (or the chosen period; a week when neither is known): each day's
mood, craving and "used" answer with its notes and wins, setbacks with their reflections, urges,
the latest weekly review and its focus, active goals with their next step and any passed dates,
what changed in the plan, and the latest life check-in with its change.
"""

from __future__ import annotations

from datetime import date, timedelta

from workbook.models import Checkin, Goal, GoalStatus, Setback, Settings, Urge
from workbook.report_blocks import Block, Chart, Heading, Items, Para, Table, day_words, section
from workbook.report_capital import recent_blocks
from workbook.report_charts import by_day
from workbook.report_daily import (
    CHECKIN_HEADERS,
    checkin_rows,
    review_blocks,
    setback_blocks,
    urge_summary,
)
from workbook.storage import Repository

DEFAULT_DAYS = 7


def period_start(repo: Repository, since: date | None, today: date) -> tuple[date, str]:
    """The first day "since we last met" covers, and how it was chosen, in words.

    The chosen period if there is one; else the day of the last report, if it was before today;
    else the last seven days.
    """
    if since is not None:
        return since, "the period chosen"
    settings = repo.get(Settings)
    last = settings.last_report if settings else None
    if last is not None and last < today:
        return last, "since my last report"
    return today - timedelta(days=DEFAULT_DAYS - 1), "the last seven days"


@section("recent", "Since we last met")
def _recent(repo: Repository, since: date | None, today: date) -> list[Block]:
    start, why = period_start(repo, since, today)
    blocks: list[Block] = [
        Para(f"From {day_words(start)} to {day_words(today)} ({why}): what happened, in my words.")
    ]
    blocks += _days(repo, start, today)
    blocks += _setbacks(repo, start)
    blocks += _urges(repo, start)
    blocks += _last_review(repo, start)
    blocks += _goals(repo, today)
    blocks += _plan_changes(repo, start)
    blocks += recent_blocks(repo, start)
    return blocks


def _days(repo: Repository, start: date, today: date) -> list[Block]:
    found = repo.all(Checkin, where=lambda c: c.on >= start)
    blocks: list[Block] = [Heading("Each day", level=3)]
    if not found:
        return [*blocks, Para("No check-ins in this time.")]
    end = max(today, max(c.on for c in found))
    for title, top, points in (
        ("Mood each day, 1 (very low) to 5 (very good)", 5, [(c.on, c.mood) for c in found]),
        ("Craving each day, 0 (none) to 10 (strongest)", 10, [(c.on, c.craving) for c in found]),
    ):
        kept = [(d, float(v)) for d, v in points if v is not None]
        if kept:
            labels, values = by_day(kept, start, end)
            blocks.append(Chart(title, labels, values, top))
    blocks.append(Table(CHECKIN_HEADERS, checkin_rows(found)))
    return blocks


def _setbacks(repo: Repository, start: date) -> list[Block]:
    found = repo.all(Setback, where=lambda s: s.on >= start)
    head: list[Block] = [Heading("Setbacks", level=3)]
    if not found:
        return [*head, Para("No setbacks written about in this time.")]
    return [*head, *[_lower(b) for b in setback_blocks(found)]]


def _lower(block: Block) -> Block:
    return Heading(block.text, level=4) if isinstance(block, Heading) else block


def _urges(repo: Repository, start: date) -> list[Block]:
    found = repo.all(Urge, where=lambda u: u.on >= start)
    head: list[Block] = [Heading("Urges", level=3)]
    if not found:
        return [*head, Para("No urges noted in this time.")]
    return [*head, *urge_summary(found)]


def _last_review(repo: Repository, start: date) -> list[Block]:
    from workbook import reviews

    latest = next(iter(reviews.history(repo)), None)
    head: list[Block] = [Heading("Last week's review", level=3)]
    if latest is None:
        return [*head, Para("No weekly review yet.")]
    blocks = [_lower(b) for b in review_blocks(latest, level=4)]
    if latest.week_end < start - timedelta(days=7):
        blocks.insert(0, Para("No review in this time; this is the most recent one."))
    return [*head, *blocks]


def _goals(repo: Repository, today: date) -> list[Block]:
    active = sorted(
        repo.all(Goal, where=lambda g: g.status == GoalStatus.ACTIVE),
        key=lambda g: (g.target_date or date.max, g.title.casefold()),
    )
    head: list[Block] = [Heading("Goals I am working on", level=3)]
    if not active:
        return [*head, Para("No active goals right now.")]
    rows = []
    for g in active:
        step = next((s for s in g.steps if not s.done_on), None)
        passed = []
        if g.target_date is not None and g.target_date < today:
            passed.append(f"aimed for {day_words(g.target_date)}")
        if step is not None and step.due is not None and step.due < today:
            passed.append(f"next step was due {day_words(step.due)}")
        rows.append([g.title, step.text if step else "-", "; ".join(passed) or "-"])
    return [*head, Table(["Goal", "Next step", "Dates passed"], rows)]


def _plan_changes(repo: Repository, start: date) -> list[Block]:
    from workbook import plan

    head: list[Block] = [Heading("What changed in my plan", level=3)]
    recent = [r for r in plan.revisions(repo) if r.day >= start]
    if not recent:
        return [*head, Para("No changes to the plan in this time.")]
    lines: list[str] = []
    for revision in recent:
        before = plan.previous_revision(repo, revision)
        for diff in plan.diff_answers(before.answers if before else None, revision.answers):
            lines += [f"{diff.title}: added {item}" for item in diff.added]
            lines += [f"{diff.title}: took out {item}" for item in diff.removed]
    kinds = ", ".join(f"{r.kind.value} on {day_words(r.day)}" for r in recent)
    return [*head, Para(f"The plan was {kinds}."), Items(lines or ["No lines changed."])]
