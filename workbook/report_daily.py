"""Coach report sections about the days and weeks: reviews, check-ins, setbacks and urges.

Newest first throughout. Charts show the last twelve weeks in detail and older time by month,
with missed days and weeks as gaps (:mod:`workbook.report_charts`). Every answer a person wrote
(notes, wins, the "used" answer, reflections) appears in words, not only in a chart.
"""

from __future__ import annotations

from datetime import date

from workbook.models import Checkin, Halt, Profile, Review, ReviewState, Setback, Urge
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
from workbook.report_charts import over_time
from workbook.storage import Repository

CHECKIN_HEADERS = [
    "Day",
    "Mood (1-5)",
    "Craving (0-10)",
    "Used or acted on it",
    "Felt",
    "Win",
    "Note",
]


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def checkin_rows(found: list[Checkin]) -> list[list[str]]:
    """One row per check-in, newest first, with every answer in words."""
    return [
        [
            f"{c.on:%a} {day_words(c.on)}",
            _num(c.mood),
            _num(c.craving),
            c.used.value if c.used else "-",
            ", ".join(h.value for h in c.halt),
            c.win,
            c.note,
        ]
        for c in sorted(found, key=lambda c: c.on, reverse=True)
    ]


def review_blocks(review: Review, level: int = 3) -> list[Block]:
    """One week's review: each goal's rating, what helped, what got in the way, the next step."""
    from workbook import reviews
    from workbook.weeks import Week

    blocks: list[Block] = [Heading(Week(review.week_start).label(), level=level)]
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
            ("Real difference:", "" if review.difference is None else f"{review.difference} of 10"),
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


@section("reviews", "Weekly reviews")
def _reviews(repo: Repository, since: date | None, today: date) -> list[Block]:
    from workbook import reviews

    kept = [r for r in reviews.history(repo) if since is None or r.week_end >= since]
    if not kept:
        return [Para(f"No weekly reviews yet{since_words(since)}. The first one can be short.")]
    done = sum(1 for r in kept if r.state == ReviewState.DONE)
    blocks: list[Block] = [
        Para(f"{done} of {len(kept)} weekly reviews finished{since_words(since)}.")
    ]
    scored = [(r.week_start, float(r.difference)) for r in kept if r.difference is not None]
    title = f"{reviews.DIFFERENCE_QUESTION} (0 to 10)"
    blocks.extend(over_time(title, scored, 10, today, since, weekly=True))
    for goal_title, points in reviews.rating_series(repo, kept).values():
        ratings = [(d, float(v)) for d, v in points]
        blocks.extend(
            over_time(f"How it went: {goal_title} (0 to 4)", ratings, 4, today, since, weekly=True)
        )
    for review in kept:
        blocks.extend(review_blocks(review))
    return blocks


@section("checkins", "Daily check-ins")
def _checkins(repo: Repository, since: date | None, today: date) -> list[Block]:
    found = repo.all(Checkin, where=lambda c: since is None or c.on >= since)
    if not found:
        return [Para(f"No check-ins yet{since_words(since)}. One a day, in under a minute.")]
    first, last = min(c.on for c in found), max(c.on for c in found)
    used = sum(1 for c in found if c.used is not None and c.used.is_setback)
    blocks: list[Block] = [
        Para(
            f"{plural(len(found), 'check-in')}{since_words(since)}, from {day_words(first)} to "
            f"{day_words(last)}. Days that say they used or went over a limit: {used}."
        )
    ]
    mood = [(c.on, float(c.mood)) for c in found if c.mood is not None]
    craving = [(c.on, float(c.craving)) for c in found if c.craving is not None]
    blocks.extend(over_time("Mood, 1 (very low) to 5 (very good)", mood, 5, today, since))
    blocks.extend(over_time("Craving, 0 (none) to 10 (strongest)", craving, 10, today, since))
    halt = {h: sum(1 for c in found if h in c.halt) for h in Halt}
    if any(halt.values()):
        blocks.append(Table(["Felt (HALT)", "Days"], [[h.value, str(n)] for h, n in halt.items()]))
    profile = repo.get(Profile)
    if profile is not None and profile.show_day_counter:
        blocks.extend(_kept_days(repo, today))
    written = [c for c in found if c.note.strip() or c.win.strip() or _used(c)]
    if written:
        blocks.append(Heading("Days with a note, a win or a setback", level=3))
        blocks.append(Table(CHECKIN_HEADERS, checkin_rows(written)))
    return blocks


def _used(checkin: Checkin) -> bool:
    return checkin.used is not None and checkin.used.is_setback


def _kept_days(repo: Repository, today: date) -> list[Block]:
    """Days kept and stretches, for a person who chose to show counters (whole record)."""
    from workbook import stretches

    record = stretches.record_of(repo, today)
    if record.start is None:
        return []
    return [
        Items(
            [
                f"Days kept since {day_words(record.start)}: {record.days_kept}",
                f"Current stretch: {stretches.day_words(record.current)}",
                f"Longest stretch: {stretches.day_words(record.longest)}",
                f"Setback days along the way: {len(record.setback_days)}",
            ]
        )
    ]


def setback_blocks(found: list[Setback]) -> list[Block]:
    """Each setback, newest first, with the reflection written about it."""
    blocks: list[Block] = []
    for s in sorted(found, key=lambda s: s.on, reverse=True):
        lines = [
            (label, text)
            for label, text in (
                ("What was going on:", s.going_on),
                ("Felt:", ", ".join(h.value for h in s.halt)),
                ("What has helped before:", s.helped_before),
                ("One next step:", s.next_step),
            )
            if text.strip()
        ]
        blocks.append(Heading(f"{s.on:%A} {day_words(s.on)}", level=3))
        blocks.append(Items([f"{label} {text}" for label, text in lines] or ["(No words yet.)"]))
    return blocks


@section("setbacks", "Setbacks and what I learned")
def _setbacks(repo: Repository, since: date | None, today: date) -> list[Block]:
    found = repo.all(Setback, where=lambda s: since is None or s.on >= since)
    if not found:
        return [Para(f"No setbacks written about{since_words(since)}.")]
    intro = Para(
        f"{plural(len(found), 'setback')} written about{since_words(since)}. "
        "A setback is information, not failure."
    )
    return [intro, *setback_blocks(found)]


def urge_summary(found: list[Urge]) -> list[Block]:
    """How many, the strongest, how many passed, and the common triggers."""
    from workbook import urges as urge_log

    strongest = max(found, key=lambda u: (u.strength, u.on))
    passed = sum(1 for u in found if u.passed)
    blocks: list[Block] = [
        Para(
            f"{plural(len(found), 'urge')} noted; {passed} of them passed. The strongest was "
            f"{strongest.strength} of 10, on {day_words(strongest.on)}."
        )
    ]
    triggers = urge_log.common_triggers(found, top=5)
    if triggers:
        rows = [[t.name, str(t.count), "; ".join(t.words)] for t in triggers]
        blocks.append(Table(["Common triggers", "Times", "In my own words"], rows))
    return blocks


@section("urges", "Urges")
def _urges(repo: Repository, since: date | None, today: date) -> list[Block]:
    from workbook import urges as urge_log

    found = [u for u in repo.all(Urge) if since is None or u.on >= since]
    if not found:
        return [Para(f"No urges noted yet{since_words(since)}.")]
    blocks = urge_summary(found)
    points = [(u.on, float(u.strength)) for u in found]
    blocks.extend(over_time("Strength at peak, 0 to 10", points, 10, today, since, weekly=True))
    times = urge_log.times_of_day(found)
    if times:
        blocks.append(Table(["Time of day", "Urges"], [[t, str(n)] for t, n in times]))
    blocks.append(Heading("Every urge, newest first", level=3))
    headers = ["Day", "Time", "Strength", "Minutes", "What was happening", "What I did", "Passed"]
    rows = [
        [
            day_words(u.on),
            u.at.strftime("%H:%M") if u.at else "-",
            str(u.strength),
            _num(u.minutes),
            urge_log.trigger_text(u),
            u.did,
            {True: "yes", False: "no", None: "-"}[u.passed],
        ]
        for u in sorted(found, key=lambda u: (u.on, u.at or u.created.time()), reverse=True)
    ]
    blocks.append(Table(headers, rows))
    return blocks
