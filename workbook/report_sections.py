"""Coach report sections about the plan and the people: plan, goals, people, hard moments, skills.

Each section registers itself with :func:`workbook.report_blocks.section`. Lists run most recent
first; ``since`` leaves out what is older (a goal still active is always shown).
"""

from __future__ import annotations

from datetime import date

from workbook.models import Goal, GoalStatus, Person, SkillLevel
from workbook.report_blocks import (
    Block,
    Heading,
    Items,
    Para,
    Table,
    day_words,
    plural,
    section,
    since_words,
)
from workbook.storage import Repository

STATUS_ORDER = {
    GoalStatus.ACTIVE: 0,
    GoalStatus.PAUSED: 1,
    GoalStatus.DONE: 2,
    GoalStatus.LET_GO: 3,
}


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
    extras = _weighing(repo) + _values(repo)
    if not blocks and not extras:
        return [Para("Not written yet. The plan starts with one change you would like to make.")]
    if not blocks:
        return [Para("The plan itself is not written yet."), *extras]
    state = (
        f"Finished on {day_words(current.finished)}." if current.finished else "Still being built."
    )
    recent = [r for r in kept if since is None or r.day >= since]
    count = f"{plural(len(kept), 'revision')} kept"
    if since is not None:
        count += f", {len(recent)} of them{since_words(since)}"
    last = f" Last looked over on {day_words(current.reviewed)}." if current.reviewed else ""
    return [Para(f"{state} {count}.{last}"), *blocks, *extras]


def _weighing(repo: Repository) -> list[Block]:
    from workbook import plan as change_plan

    boxes = change_plan.load_weighing(repo)
    rows = [
        ("What I get from the habit:", boxes.habit_gives),
        ("What it costs me:", boxes.habit_costs),
        ("What I would gain by changing:", boxes.change_gives),
        ("What changing would cost me:", boxes.change_costs),
    ]
    written = [f"{label} {text}" for label, text in rows if text.strip()]
    return [Heading("Weighing it up", level=3), Items(written)] if written else []


def _values(repo: Repository) -> list[Block]:
    from workbook import plan as change_plan

    values = change_plan.load_values(repo)
    if not values.chosen:
        return []
    lines = [f"{n}. {v}" for n, v in enumerate(values.top, 1)] or list(values.chosen)
    if values.habit_place is not None:
        place = values.habit_place
        where = (
            "below all of them"
            if place > len(values.top)
            else "above all of them"
            if place == 1
            else f"in place {place}"
        )
        lines.append(f"Where the habit sits among them: {where}")
    return [Heading("What matters most", level=3), Items(lines)]


def _goal_order(goal: Goal) -> tuple[int, date, str]:
    return (STATUS_ORDER[goal.status], goal.target_date or date.max, goal.title.casefold())


@section("goals", "Goals")
def _goals(repo: Repository, since: date | None, today: date) -> list[Block]:
    every = repo.all(Goal)
    goals = sorted((g for g in every if since is None or _touched_since(g, since)), key=_goal_order)
    if not goals:
        return [Para(f"No goals yet{since_words(since)}.")]
    rows = []
    for g in goals:
        done = sum(1 for s in g.steps if s.done_on)
        target = day_words(g.target_date) if g.target_date else "-"
        if g.target_date and g.target_date < today and g.status == GoalStatus.ACTIVE:
            target += " (passed)"
        nxt = next((s.text for s in g.steps if not s.done_on), "")
        nxt = nxt if g.status == GoalStatus.ACTIVE else ""
        steps = f"{done}/{len(g.steps)}"
        rows.append([g.title, g.status.value, g.horizon.value, g.area.value, steps, target, nxt])
    active = sum(1 for g in goals if g.status == GoalStatus.ACTIVE)
    shown = f"{active} active of {len(goals)} goals"
    if since is not None and len(goals) < len(every):
        shown += f" (active, or changed{since_words(since)})"
    headers = ["Goal", "Status", "Horizon", "Area", "Steps done", "Aiming for", "Next step"]
    return [Para(f"{shown}."), Table(headers, rows)]


def _touched_since(goal: Goal, since: date) -> bool:
    if goal.status == GoalStatus.ACTIVE or goal.created.date() >= since:
        return True
    changed = goal.status_changed is not None and goal.status_changed >= since
    return changed or any(s.done_on and s.done_on >= since for s in goal.steps)


@section("people", "My people")
def _people(repo: Repository, since: date | None, today: date) -> list[Block]:
    people = sorted(repo.all(Person), key=lambda p: p.name.casefold())
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
        rows = [[day_words(d), t, n] for d, t, n in practice[:10]]
        blocks.append(Table(["Day", "Skill", "What I did"], rows))
    return blocks


@section("safer-plan", "My limits and safer-use plan")
def _safer_plan(repo: Repository, since: date | None, today: date) -> list[Block]:
    from workbook import safer_plan

    lines = safer_plan.summary_lines(safer_plan.load(repo))
    return [Items(lines)] if lines else [Para("No limit or safer-use plan set yet.")]
