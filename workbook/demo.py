"""A clearly labelled demo workbook with realistic, varied, generated data.

For facilitators to show the workbook, and for benchmarks at scale (``--years 10``). The same
``seed`` always gives the same workbook. Each feature has its own small generator here.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from workbook.models import (
    Goal,
    GoalStatus,
    GoalStep,
    Horizon,
    LifeArea,
    Pathway,
    Person,
    PersonRole,
    Profile,
    ProfileCard,
    Record,
    Settings,
    WorkingOn,
)
from workbook.storage import DataRoot, Repository

DEMO_NAME = "Demo — sample data"


@dataclass
class DemoSpan:
    """The stretch of time the demo covers, and its random source."""

    start: date
    end: date
    rng: random.Random

    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def moment(self, day: date, hour: int | None = None) -> datetime:
        h = hour if hour is not None else self.rng.randint(7, 22)
        return datetime.combine(day, time(h, self.rng.randint(0, 59))).astimezone()


GOAL_IDEAS = [
    ("Open a bank account", LifeArea.MONEY, ["Find my ID", "Book a visit", "Go to the bank"]),
    ("Get up at 7 on weekdays", LifeArea.SKILLS, ["Buy an alarm clock", "Bed by 11", "Track it"]),
    ("Go to a group twice a week", LifeArea.RECOVERY, ["Find two groups", "Go once", "Go twice"]),
    ("Walk 20 minutes a day", LifeArea.HEALTH, ["Pick a route", "Walk 3 days", "Walk 7 days"]),
    ("Call my sister every Sunday", LifeArea.RELATIONSHIPS, ["Save her number", "First call"]),
    ("Make a weekly budget", LifeArea.MONEY, ["List bills", "List income", "Plan the week"]),
    ("Finish a short course", LifeArea.WORK, ["Look at courses", "Sign up", "Finish week 1"]),
    ("Cook three meals a week", LifeArea.HOME, ["Pick 3 recipes", "Shop", "Cook"]),
    ("Volunteer at the food bank", LifeArea.COMMUNITY, ["Ask about times", "First shift"]),
    ("Learn the guitar basics", LifeArea.PURPOSE, ["Borrow a guitar", "Learn 3 chords"]),
]
LONG_IDEAS = [
    ("Have a steady job I like", LifeArea.WORK),
    ("Live somewhere safe of my own", LifeArea.HOME),
    ("Be someone my kids can count on", LifeArea.RELATIONSHIPS),
]


def make_profile(span: DemoSpan) -> tuple[Profile, Settings]:
    profile = Profile(
        display_name=DEMO_NAME,
        working_on=[WorkingOn.ALCOHOL, WorkingOn.GAMBLING],
        working_on_words="drinking and the betting apps",
        pathway=Pathway.CUT_BACK,
        recovery_start=span.start,
        show_day_counter=True,
        created=span.moment(span.start, 9),
    )
    return profile, Settings(week_starts_on=0)


def make_people(span: DemoSpan) -> list[Record]:
    people = [
        ("Jo (coach)", PersonRole.COACH, "Tuesdays at the drop-in", "Ask me what my next step is."),
        ("Sam", PersonRole.PEER, "text any time", "Remind me how far I have come."),
        ("Aunt May", PersonRole.FAMILY, "evenings", "Just listen for ten minutes."),
        ("Dr Patel's surgery", PersonRole.DOCTOR, "weekday mornings", "Help with sleep."),
    ]
    return [
        Person(
            name=n,
            role=r,
            contact="(demo) 0000 000000",
            good_times=t,
            ask=a,
            created=span.moment(span.start + timedelta(days=i)),
        )
        for i, (n, r, t, a) in enumerate(people)
    ]


def make_goals(span: DemoSpan) -> list[Record]:
    rng = span.rng
    goals: list[Record] = []
    longs = [
        Goal(
            title=t,
            area=a,
            horizon=Horizon.LONG,
            why="It matters to me and to my family.",
            created=span.moment(span.start, 10),
        )
        for t, a in LONG_IDEAS
    ]
    goals.extend(longs)
    months = max(1, (span.end - span.start).days // 30)
    for n in range(min(months * 2, 240)):
        title, area, steps = GOAL_IDEAS[n % len(GOAL_IDEAS)]
        begun = span.start + timedelta(days=n * 15)
        if begun > span.end:
            break
        finished = begun + timedelta(days=rng.randint(7, 60))
        status = GoalStatus.DONE if finished < span.end - timedelta(days=30) else GoalStatus.ACTIVE
        if status == GoalStatus.DONE and rng.random() < 0.15:
            status = GoalStatus.LET_GO
        goal_steps = [
            GoalStep(
                text=s,
                done_on=min(finished, span.end) if status == GoalStatus.DONE or i == 0 else None,
            )
            for i, s in enumerate(steps)
        ]
        goals.append(
            Goal(
                title=title
                if n < len(GOAL_IDEAS)
                else f"{title} (round {n // len(GOAL_IDEAS) + 1})",
                area=area,
                steps=goal_steps,
                status=status,
                target_date=begun + timedelta(days=30),
                if_situation="If I feel the pull after work",
                then_action="then I text Sam and walk",
                serves=longs[n % len(longs)].id,
                created=span.moment(begun),
                status_changed=finished if status != GoalStatus.ACTIVE else None,
            )
        )
    return goals


# Feature generators, in order. Each returns records to save; all land in one atomic write.
GENERATORS: list[Callable[[DemoSpan], list[Record]]] = [make_people, make_goals]


def build_demo(
    root: DataRoot, years: int = 1, seed: int = 1, today: date | None = None
) -> ProfileCard:
    """Create (or replace) the demo profile covering ``years`` up to ``today``."""
    end = today or date.today()
    span = DemoSpan(end - timedelta(days=365 * years), end, random.Random(seed))
    for card in root.cards():
        if card.display_name == DEMO_NAME:
            remove_profile_folder(root, card)
    profile, settings = make_profile(span)
    card = root.create(profile, settings)
    repo = root.open(card)
    try:
        fill(repo, span)
    finally:
        repo.close()
    return card


def fill(repo: Repository, span: DemoSpan) -> None:
    records: list[Record] = []
    for generate in GENERATORS:
        records.extend(generate(span))
    repo.save_many(records)


def remove_profile_folder(root: DataRoot, card: ProfileCard) -> None:
    import shutil

    shutil.rmtree(root.files(card).folder)
