"""A clearly labelled demo workbook with realistic, varied, generated data.

For facilitators to show the workbook, and for benchmarks at scale (``--years 10``). The same
``seed`` and ``today`` always give the same workbook, byte for byte: every id, date and time is
drawn from the seed (never from the clock or ``uuid4``). Each feature has its own small generator
here, with its own random stream, so adding one never changes what the others make.

The demo person is cutting back on drinking (weekends only, two drinks) and stopping betting.
Their year has rough patches, and now and then a setback, written down as information; urges
come several a week at first and fewer later; the "real difference" score drifts up with dips.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from workbook import clock
from workbook import demo_words as w
from workbook.models import (
    CAPITAL_HIGH,
    CAPITAL_LOW,
    PLAN_STEP_COUNT,
    CapitalAnswer,
    CapitalArea,
    CapitalCheckin,
    Checkin,
    Country,
    Goal,
    GoalReview,
    GoalSource,
    GoalStatus,
    GoalStep,
    Halt,
    HardMomentsPlan,
    Horizon,
    LevelChange,
    OwnSkill,
    OwnStep,
    Pathway,
    Person,
    Plan,
    PlanAnswers,
    PlanChange,
    PlanHelper,
    PlanObstacle,
    PlanPoint,
    PlanRevision,
    PlanStep,
    PracticeEntry,
    Profile,
    ProfileCard,
    Record,
    Resource,
    ResourceCategory,
    Review,
    ReviewedWith,
    ReviewState,
    RevisionKind,
    SaferPlan,
    Setback,
    Settings,
    Singleton,
    SkillLevel,
    SkillProgress,
    StoredModel,
    ThoughtCheck,
    Urge,
    UseAnswer,
    Values,
    Weighing,
    WorkingOn,
)
from workbook.storage import DataRoot, Repository
from workbook.weeks import week_of

DEMO_NAME = "Demo — sample data"
DEMO_CONTACT = "(demo) 0000 000000"

T = TypeVar("T")
M = TypeVar("M", bound=StoredModel)


@dataclass
class DemoSpan:
    """The stretch of time the demo covers, its random source, and the story shared by every
    generator (rough patches and setback days), plus what earlier generators made."""

    start: date
    end: date
    rng: random.Random
    seed: int = 1
    made: list[StoredModel] = field(default_factory=list)
    rough: list[tuple[date, date]] = field(default_factory=list)
    setback_days: list[date] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.rough and not self.setback_days:
            self._plan_story()

    # Random helpers ---------------------------------------------------------------------

    def fork(self, name: str) -> DemoSpan:
        """The same span and story with its own random stream, named for one generator."""
        return DemoSpan(
            self.start,
            self.end,
            random.Random(f"{self.seed}/{name}"),
            self.seed,
            self.made,
            self.rough,
            self.setback_days,
        )

    def uid(self) -> str:
        """A record id drawn from the seed (same shape as ``new_id``)."""
        return f"{self.rng.getrandbits(128):032x}"

    def pick(self, items: list[T]) -> T:
        return items[self.rng.randrange(len(items))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def moment(self, day: date, hour: int | None = None) -> datetime:
        """A local time on ``day`` (never in the small hours, so it is always that local day)."""
        h = hour if hour is not None else self.rng.randint(7, 22)
        return datetime.combine(day, time(h, self.rng.randint(0, 59))).astimezone()

    # The story --------------------------------------------------------------------------

    def progress(self, day: date) -> float:
        """How far along the person is, 0 at the start rising towards 1 (with a long tail)."""
        return 1 - math.exp(-max(0, (day - self.start).days) / 160)

    def is_rough(self, day: date) -> bool:
        """Whether ``day`` falls in one of the rough patches."""
        return any(a <= day <= b for a, b in self.rough)

    def made_of(self, model: type[M]) -> list[M]:
        """What an earlier generator made of ``model``."""
        return [obj for obj in self.made if isinstance(obj, model)]

    def _plan_story(self) -> None:
        rng = random.Random(f"{self.seed}/story")
        last = self.end - timedelta(days=2)
        day = self.start + timedelta(days=rng.randint(18, 32))
        while day < last:
            self.setback_days.append(day)
            self.rough.append((day - timedelta(days=rng.randint(4, 10)), day + timedelta(days=2)))
            elapsed = (day - self.start).days
            day += timedelta(days=int(rng.randint(28, 50) * (1 + elapsed / 300)))
        # Some rough patches pass without a setback: handled well, and worth seeing.
        day = self.start + timedelta(days=rng.randint(50, 90))
        while day < last:
            self.rough.append((day, day + timedelta(days=rng.randint(5, 14))))
            day += timedelta(days=rng.randint(90, 200))
        # Every few years a harder season (a loss, a lost job): weeks long, one setback in it.
        day = self.start + timedelta(days=rng.randint(500, 800))
        while day < last - timedelta(days=60):
            weeks = rng.randint(5, 9)
            self.rough.append((day, day + timedelta(weeks=weeks)))
            self.setback_days.append(day + timedelta(days=rng.randint(10, 7 * weeks - 3)))
            day += timedelta(days=rng.randint(700, 1200))
        self.setback_days[:] = sorted(set(self.setback_days))


def clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


# --- The profile ----------------------------------------------------------------------------


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
    return profile, Settings(country=Country.UK, week_starts_on=0)


# --- My people ------------------------------------------------------------------------------


def make_people(span: DemoSpan) -> list[StoredModel]:
    return [
        Person(
            id=span.uid(),
            name=name,
            role=role,
            contact=DEMO_CONTACT,
            good_times=times,
            ask=ask,
            created=span.moment(span.start + timedelta(days=i)),
        )
        for i, (name, role, times, ask) in enumerate(w.PEOPLE)
    ]


# --- The change plan, weighing it up, what matters most ---------------------------------------


def _revision_days(span: DemoSpan) -> list[date]:
    """The first finish, then 1-3 reviews spread over the years (2-4 revisions in all)."""
    length = (span.end - span.start).days
    first = span.start + timedelta(days=3)
    count = 1 if length < 120 else 2 if length < 400 else 3
    rng = span.rng
    days = [first]
    for n in range(1, count + 1):  # the last one a month or two ago
        at = span.start + timedelta(days=(length - 45) * n // count - rng.randint(0, 15))
        days.append(min(at, span.end))
    return sorted(set(days))


def _plan_answers(span: DemoSpan, version: int, people: list[Person]) -> PlanAnswers:
    """The plan as it read at its ``version``-th revision: it grows and gets surer over time."""
    rng = span.rng
    ids = random.Random(f"{span.seed}/plan-ids")  # items keep their ids from one revision on

    def item_id() -> str:
        return f"{ids.getrandbits(64):016x}"

    changes = [PlanChange(id=item_id(), text=t, area=a) for t, a in w.PLAN_CHANGES]
    later = PlanChange(id=item_id(), text=w.PLAN_LATER_CHANGE[0], area=w.PLAN_LATER_CHANGE[1])
    if version >= 2:
        changes.append(later)
    reasons = [PlanPoint(id=item_id(), text=t) for t in w.REASONS]
    steps = [PlanStep(id=item_id(), text=t) for t in w.PLAN_STEPS]
    signs = [PlanPoint(id=item_id(), text=t) for t in w.SIGNS]
    obstacles = [
        PlanObstacle(id=item_id(), text=f"If {a}", then=f"then {b}") for a, b in w.OBSTACLES
    ]
    helper_ids = [item_id() for _ in w.HELPER_WHAT]
    by_name = {p.name: p for p in people}
    helpers = [
        PlanHelper(
            id=hid, person_id=by_name[name].id if name in by_name else None, name=name, what=what
        )
        for hid, (name, what) in zip(helper_ids, w.HELPER_WHAT.items(), strict=True)
    ]
    base = span.start + timedelta(days=3)
    kept_steps = steps[: 4 + version]
    for n, step in enumerate(kept_steps[:4]):
        step.by_when = base + timedelta(days=7 * (n + 1))
    return PlanAnswers(
        changes=changes,
        importance=min(10, 7 + version // 2),
        importance_why=w.IMPORTANCE_WHY[version - 1],
        importance_up=w.IMPORTANCE_UP[version - 1],
        confidence=min(9, 4 + version + rng.randint(0, 1)),
        confidence_why=w.CONFIDENCE_WHY[version - 1],
        confidence_up=w.CONFIDENCE_UP[version - 1],
        reasons=reasons[: 3 + version],
        steps=kept_steps,
        helpers=helpers[: 2 + version],
        signs=signs[: 2 + version],
        obstacles=obstacles[: 2 + version],
    )


def make_plan(span: DemoSpan) -> list[StoredModel]:
    people = span.made_of(Person)
    days = _revision_days(span)
    made: list[StoredModel] = []
    answers = PlanAnswers()
    for version, day in enumerate(days, 1):
        answers = _plan_answers(span, version, people)
        kind = RevisionKind.FINISHED if version == 1 else RevisionKind.REVIEWED
        made.append(
            PlanRevision(
                id=span.uid(), taken=span.moment(day, 20), day=day, kind=kind, answers=answers
            )
        )
    plan = Plan.model_validate(
        {
            **answers.model_dump(),
            "current_step": PLAN_STEP_COUNT,
            "finished": days[0],
            "reviewed": days[-1],
        }
    )
    made.append(plan)
    made.append(Weighing(**w.WEIGHING))
    made.append(
        Values(
            chosen=list(w.VALUES_CHOSEN),
            top=list(w.VALUES_TOP),
            habit_place=5,
            notice=w.VALUES_NOTICE,
        )
    )
    return made


# --- Goals ----------------------------------------------------------------------------------

SKILL_GOALS = {
    "Open a bank account": "open-a-bank-account",
    "Make a weekly budget": "make-a-weekly-budget",
}


def _goal_steps(
    span: DemoSpan, words: list[str], begun: date, done_by: date | None, how_many_done: int
) -> list[GoalStep]:
    """The steps; the first ``how_many_done`` ticked on days from ``begun`` to ``done_by``."""
    last = done_by or begun
    steps = []
    for i, text in enumerate(words):
        done_on = None
        if i < how_many_done:
            done_on = begun + timedelta(
                days=((last - begun).days * (i + 1)) // max(1, how_many_done)
            )
            done_on = min(done_on, span.end)
        due = begun + timedelta(days=7 * (i + 1)) if i == 0 and span.chance(0.4) else None
        steps.append(GoalStep(id=span.uid(), text=text, due=due, done_on=done_on))
    return steps


def make_goals(span: DemoSpan) -> list[StoredModel]:
    """Three long-term goals, one from the plan, then a new short-term goal every fortnight
    or so (monthly after two years): most done, a few let go or paused, the newest active."""
    goals: list[StoredModel] = []
    length = (span.end - span.start).days
    longs = [
        Goal(
            id=span.uid(),
            title=title,
            area=area,
            horizon=Horizon.LONG,
            why=why,
            # A long road: about one step a year or so, the last still ahead.
            steps=_goal_steps(
                span,
                words,
                span.start,
                span.start + timedelta(days=length * 9 // 10),
                max(1, min(len(words) - 1, round(length / 365 * 1.5))),
            ),
            created=span.moment(span.start, 10),
        )
        for title, area, why, words in w.LONG_IDEAS
    ]
    goals.extend(longs)
    plans = span.made_of(Plan)
    if plans and plans[0].steps:
        step = plans[0].steps[0]
        begun = span.start + timedelta(days=4)
        finished = min(span.end, begun + timedelta(days=5))
        goals.append(
            Goal(
                id=span.uid(),
                title=step.text,
                area=plans[0].changes[1].area or longs[0].area,
                steps=_goal_steps(
                    span,
                    ["Delete the apps", "Ring the bank", "Tell Sam I did it"],
                    begun,
                    finished,
                    3,
                ),
                status=GoalStatus.DONE,
                status_note=w.DONE_NOTES[0],
                if_situation="If I feel like downloading one again",
                then_action="then I text Sam first and wait ten minutes",
                source=GoalSource(kind="plan", ref=step.id, label=step.text[:80]),
                created=span.moment(begun),
                status_changed=finished,
            )
        )
    begun = span.start + timedelta(days=2)
    n = 0
    again = [idea for idea in w.GOAL_IDEAS if idea[0] not in w.ONE_OFF_GOALS]
    while begun < span.end:
        first_round = n < len(w.GOAL_IDEAS)
        if first_round:
            title, area, words = w.GOAL_IDEAS[n]
        else:  # habits come round again; a bank account is opened only once
            title, area, words = again[(n - len(w.GOAL_IDEAS)) % len(again)]
            title = f"{title} ({begun:%b %Y})"
        skill = SKILL_GOALS.get(title)
        finished = begun + timedelta(days=span.rng.randint(10, 60))
        if finished < span.end - timedelta(days=5):
            status = GoalStatus.LET_GO if span.chance(0.12) else GoalStatus.DONE
            changed: date | None = finished
            done = len(words) if status == GoalStatus.DONE else len(words) // 2
            note = span.pick(w.LET_GO_NOTES if status == GoalStatus.LET_GO else w.DONE_NOTES)
        else:
            status = GoalStatus.PAUSED if span.chance(0.15) else GoalStatus.ACTIVE
            changed = span.end - timedelta(days=2) if status == GoalStatus.PAUSED else None
            fraction = (span.end - begun).days / max(1, (finished - begun).days)
            done = min(len(words) - 1, int(len(words) * fraction))
            finished = span.end
            note = span.pick(w.PAUSED_NOTES) if status == GoalStatus.PAUSED else ""
        if_then = span.pick(w.IF_THEN) if span.chance(0.7) else ("", "")
        target = begun + timedelta(days=30)
        if status in (GoalStatus.ACTIVE, GoalStatus.PAUSED):  # mostly still ahead
            target = max(target, span.end + timedelta(days=span.rng.randint(-4, 25)))
        goals.append(
            Goal(
                id=span.uid(),
                title=title,
                area=area,
                why=span.pick(w.GOAL_WHY) if span.chance(0.8) else "",
                done_when=f"When I can tick: {words[-1].lower()}." if span.chance(0.5) else "",
                steps=_goal_steps(span, words, begun, finished, done),
                status=status,
                status_note=note,
                target_date=target if span.chance(0.8) else None,
                if_situation=if_then[0],
                then_action=if_then[1],
                serves=longs[n % len(longs)].id,
                source=GoalSource(kind="skill", ref=skill, label=title) if skill else None,
                created=span.moment(begun),
                status_changed=changed,
            )
        )
        n += 1
        early = (begun - span.start).days < 730
        begun += timedelta(days=(15 if early else 30) + span.rng.randint(-3, 3))
    return goals


# --- Day to day: check-ins, setbacks, urges -----------------------------------------------------


def _urges_on(span: DemoSpan, day: date, setback: bool) -> list[Urge]:
    """Several a week at first, fewer as time goes on; more in a rough patch."""
    rng = span.rng
    elapsed = (day - span.start).days
    rough = span.is_rough(day)
    rate = 0.1 + 0.8 * math.exp(-elapsed / 120) + (0.5 if rough else 0.0)
    count = sum(1 for _ in range(3) if rng.random() < rate / 3)
    if setback:
        count = max(count, 1)
    p = span.progress(day)
    urges = []
    for i in range(count):
        trigger, (low, high), kind, _, trigger_kind = span.pick(
            [t for t in w.URGE_TRIGGERS if day.weekday() in t[3]]
        )
        hour = rng.randint(low, high - 1)
        did_not_pass = setback and i == count - 1
        strength = clamp(rng.gauss(7 - 3 * p + (1.5 if rough else 0), 1.3), 1, 10)
        passed: bool | None = False if did_not_pass else (None if span.chance(0.04) else True)
        guided = passed is True and span.chance(0.3)
        urges.append(
            Urge(
                id=span.uid(),
                on=day,
                at=time(hour % 24, rng.randint(0, 59)) if span.chance(0.92) else None,
                strength=strength,
                minutes=rng.choice([5, 10, 10, 15, 20, 20, 30, 45, 60])
                if span.chance(0.85)
                else None,
                trigger=trigger,
                kind=trigger_kind,
                thoughts=span.pick(w.URGE_THOUGHTS[kind]) if span.chance(0.75) else "",
                did=span.pick(w.URGE_DID_NOT_PASSED if did_not_pass else w.URGE_DID),
                passed=passed,
                strength_after=max(0, strength - rng.randint(2, 6)) if guided else None,
                created=span.moment(day, min(hour + 1, 23) if hour < 23 else 23),
            )
        )
    return urges


def _halt(span: DemoSpan, mood: int | None, sleep: float | None, rough: bool) -> list[Halt]:
    low = mood is not None and mood <= 2
    odds = {
        Halt.HUNGRY: 0.08,
        Halt.ANGRY: 0.05 + (0.25 if rough else 0) + (0.15 if low else 0),
        Halt.LONELY: 0.06 + (0.25 if low else 0),
        Halt.TIRED: 0.1 + (0.5 if sleep is not None and sleep < 6 else 0),
    }
    return [h for h in Halt if span.chance(odds[h])]


def _checkin(span: DemoSpan, day: date, urges: list[Urge], setback: bool) -> Checkin:
    rng = span.rng
    p = span.progress(day)
    rough = span.is_rough(day)
    mood_value = rng.gauss(2.5 + 1.8 * p - (1.0 if rough else 0) - (0.8 if setback else 0), 0.7)
    mood = clamp(mood_value, 1, 5) if span.chance(0.97) else None
    craving = clamp(rng.gauss(6 - 4.5 * p + (2 if rough else 0), 1.3), 0, 10)
    if urges:
        craving = max(craving, max(u.strength for u in urges) - rng.randint(0, 2))
    if setback:
        used: UseAnswer | None = UseAnswer.OVER_LIMIT
    elif span.chance(0.02):
        used = UseAnswer.PREFER_NOT
    elif day.weekday() in (4, 5) and span.chance(0.4):
        used = UseAnswer.WITHIN_LIMIT  # the plan: weekends only, two drinks
    elif span.chance(0.02):
        used = None
    else:
        used = UseAnswer.NO
    sleep = (
        None
        if span.chance(0.3)
        else max(3.0, min(10.0, round(rng.gauss(6.3 + p - (0.8 if rough else 0), 0.9) * 2) / 2))
    )
    late = not setback and span.chance(0.04) and day + timedelta(days=2) < span.end
    written = day + timedelta(days=rng.randint(1, 2)) if late else day
    stamp = span.moment(written, rng.randint(19, 22))
    if mood is None or mood >= 4:
        notes = w.NOTES_GOOD
    elif mood == 3:
        notes = w.NOTES_OK
    else:
        notes = w.NOTES_LOW
    return Checkin(
        id=span.uid(),
        on=day,
        mood=mood,
        craving=craving if span.chance(0.97) else None,
        used=used,
        halt=_halt(span, mood, sleep, rough),
        sleep_hours=sleep,
        win=span.pick(w.WINS) if span.chance(0.65) else "",
        note=span.pick(notes) if span.chance(0.3) or setback else "",
        filled_in_on=written if late else None,
        created=stamp,
        updated=stamp,
    )


def _setback(span: DemoSpan, day: date, index: int) -> Setback:
    halt = [h for h in Halt if span.chance(0.4)] or [Halt.ANGRY]
    written = min(span.end, day + timedelta(days=span.rng.choice([0, 0, 1])))
    return Setback(
        id=span.uid(),
        on=day,
        going_on=w.SETBACK_GOING_ON[index % len(w.SETBACK_GOING_ON)],
        halt=halt,
        helped_before=span.pick(w.SETBACK_HELPED_BEFORE),
        next_step=span.pick(w.SETBACK_NEXT),
        created=span.moment(written, 21),
    )


def make_days(span: DemoSpan) -> list[StoredModel]:
    """A check-in on most days (today's left for the person to do), the urges of each day, and
    a reflection for each setback. The check-in agrees with the pathway and the day's urges."""
    made: list[StoredModel] = []
    setbacks = set(span.setback_days)
    for day in span.days()[:-1]:
        setback = day in setbacks
        urges = _urges_on(span, day, setback)
        made.extend(urges)
        elapsed = (day - span.start).days
        skip = 0.06 + 0.1 * min(1.0, elapsed / 1500) + (0.2 if span.is_rough(day) else 0)
        if setback or not span.chance(skip):
            made.append(_checkin(span, day, urges, setback))
    for index, day in enumerate(span.setback_days):
        made.append(_setback(span, day, index))
    return made


# --- Weekly reviews -------------------------------------------------------------------------


def _active_in(goal: Goal, start: date, end: date) -> bool:
    if goal.created.date() > end:
        return False
    return goal.status_changed is None or goal.status_changed >= start


def _next_step(goal: Goal, by: date) -> str:
    for step in goal.steps:
        if step.done_on is None or step.done_on > by:
            return step.text
    return "Keep it going."


def make_reviews(span: DemoSpan) -> list[StoredModel]:
    """A review for most weeks (the odd week missed, more often in a rough patch), each goal
    rated, and the "real difference" score drifting up with dips."""
    rng = span.rng
    goals = span.made_of(Goal)
    setbacks = span.setback_days
    made: list[StoredModel] = []
    week = week_of(span.start).next()
    while week.end < span.end:
        rough = span.is_rough(week.start) or span.is_rough(week.end)
        p = span.progress(week.end)
        if span.chance(0.1 + (0.3 if rough else 0)):
            if span.chance(0.35):
                made.append(
                    Review(
                        id=span.uid(),
                        week_start=week.start,
                        week_end=week.end,
                        state=ReviewState.SET_ASIDE,
                        started=span.moment(week.end + timedelta(days=1), 18),
                    )
                )
            week = week.next()
            continue
        entries = []
        for goal in goals:
            if not _active_in(goal, week.start, week.end):
                continue
            finished_now = goal.status == GoalStatus.DONE and goal.status_changed in week
            rating: int | None = clamp(rng.gauss(1.6 + 1.9 * p - (1.2 if rough else 0), 0.9), 0, 4)
            if finished_now:
                rating = 4
            elif goal.horizon == Horizon.LONG and span.chance(0.4):
                rating = None
            entries.append(
                GoalReview(
                    goal_id=goal.id,
                    goal_title=goal.title,
                    rating=rating,
                    helped=span.pick(w.HELPED) if span.chance(0.5) else "",
                    got_in_way=span.pick(w.GOT_IN_WAY) if span.chance(0.4) else "",
                    next_step=_next_step(goal, week.end)
                    if goal.horizon == Horizon.SHORT and span.chance(0.7)
                    else "",
                )
            )
        had_setback = any(d in week for d in setbacks)
        wins = [span.pick(w.WEEK_WINS) for _ in range(rng.randint(1, 3))]
        hard = w.SETBACK_WEEK if had_setback else span.pick(w.WEEK_HARD)
        difference = clamp(
            rng.gauss(3 + 5.5 * p - (2 if rough else 0) - (1 if had_setback else 0), 0.8), 0, 10
        )
        finished = min(span.end, week.end + timedelta(days=rng.choice([0, 0, 1, 2])))
        made.append(
            Review(
                id=span.uid(),
                week_start=week.start,
                week_end=week.end,
                state=ReviewState.DONE,
                goals=entries,
                wins=" ".join(dict.fromkeys(wins)),
                hard_moments=hard,
                difference=difference,
                focus=span.pick(w.FOCUS),
                reviewed_with=rng.choices(list(ReviewedWith), weights=[4, 4, 1, 1])[0],
                at_step=len(entries),
                started=span.moment(finished, 18),
                finished_on=finished,
            )
        )
        week = week.next()
    return made


# --- Daily-life skills --------------------------------------------------------------------------


def _grow(
    span: DemoSpan, skill_id: str, steps: list[str], begun: date, notes: list[str]
) -> SkillProgress:
    """Learning, then practising, then (often) confident, with a practice note now and then."""
    from workbook.skills import step_key

    rng = span.rng
    history: list[LevelChange] = []
    level = SkillLevel.NOT_YET
    day = begun
    plan = [
        (SkillLevel.LEARNING, 0),
        (SkillLevel.PRACTISING, rng.randint(14, 50)),
        (SkillLevel.CONFIDENT, rng.randint(30, 120)),
    ]
    for to, wait in plan:
        day += timedelta(days=wait)
        if day >= span.end:
            break
        history.append(LevelChange(day=day, from_level=level, to_level=to, at=span.moment(day)))
        level = to
    if level == SkillLevel.CONFIDENT and span.chance(0.3):
        # Rusty after a rough patch: set back to practising for a while, then confident again.
        back = day + timedelta(days=rng.randint(60, 200))
        if back < span.end:
            history.append(
                LevelChange(
                    day=back, from_level=level, to_level=SkillLevel.PRACTISING, at=span.moment(back)
                )
            )
            level = SkillLevel.PRACTISING
            again = back + timedelta(days=rng.randint(20, 60))
            if again < span.end:
                history.append(
                    LevelChange(
                        day=again,
                        from_level=level,
                        to_level=SkillLevel.CONFIDENT,
                        at=span.moment(again),
                    )
                )
                level = SkillLevel.CONFIDENT
    last = min(span.end, history[-1].day if history else begun)
    keys = [step_key(s) if not skill_id.startswith("own-") else s for s in steps]
    ticks = (
        len(keys)
        if level == SkillLevel.CONFIDENT
        else (len(keys) * 2) // 3
        if level == SkillLevel.PRACTISING
        else 1
    )
    length = max(1, (last - begun).days)
    ticked = {
        key: begun + timedelta(days=length * (i + 1) // max(1, ticks))
        for i, key in enumerate(keys[:ticks])
    }
    practice: list[PracticeEntry] = []
    at = begun + timedelta(days=rng.randint(2, 8))
    # The skill's own notes in order, then a few general ones; none repeated.
    lines = [*notes, *rng.sample(w.PRACTICE_MORE, rng.randint(1, 4))]
    for note in lines:
        if at >= min(span.end, last + timedelta(days=60)):
            break
        practice.append(PracticeEntry(id=span.uid(), day=at, note=note))
        at += timedelta(days=rng.randint(5, 25))
    return SkillProgress(
        id=skill_id, level=level, ticked=ticked, practice=practice, history=history
    )


def make_skills(span: DemoSpan) -> list[StoredModel]:
    """Progress with several catalogue skills, started one after another, and one own skill."""
    from workbook.skills import catalogue

    by_id = {s.id: s for s in catalogue().skill}
    made: list[StoredModel] = []
    length = (span.end - span.start).days
    # One after another across the whole span, the last begun a couple of months ago.
    gap = max(10, (length - 40) // (len(w.SKILL_PLAN) - 1))
    for n, skill_id in enumerate(w.SKILL_PLAN):
        begun = span.start + timedelta(days=5 + n * gap)
        if skill_id not in by_id or begun >= span.end:
            continue
        notes = w.PRACTICE_NOTES.get(skill_id, ["Practised it today."])
        made.append(_grow(span, skill_id, by_id[skill_id].steps, begun, notes))
    title, why, step_words = w.OWN_SKILL
    begun = span.start + timedelta(days=min(length - 1, 40))
    own = OwnSkill(
        id=f"own-{span.uid()}",
        title=title,
        why=why,
        steps=[OwnStep(id=span.uid(), text=t) for t in step_words],
        created=span.moment(begun),
    )
    made.append(own)
    made.append(_grow(span, own.id, [s.id for s in own.steps], begun, w.OWN_PRACTICE))
    return made


# --- Resources and the plan for hard moments ----------------------------------------------------


def make_resources(span: DemoSpan) -> list[StoredModel]:
    made: list[StoredModel] = [
        Resource(
            id=span.uid(),
            name=name,
            category=category,
            phone=DEMO_CONTACT if category != ResourceCategory.ONLINE_GROUPS else "",
            address=address,
            hours=hours,
            notes=notes,
            created=span.moment(span.start + timedelta(days=7 + 20 * i)),
        )
        for i, (name, category, address, hours, notes) in enumerate(w.RESOURCES)
    ]
    written = span.start + timedelta(days=min(21, (span.end - span.start).days))
    made.append(HardMomentsPlan(**w.HARD_MOMENTS, updated=span.moment(written, 19)))
    made.append(SaferPlan.model_validate({**w.SAFER_PLAN, "updated": span.moment(written, 20)}))
    return made


# --- The life check-in, every four weeks -------------------------------------------------------


def make_capital(span: DemoSpan) -> list[StoredModel]:
    """A life check-in every four weeks: areas rise slowly as recovery goes on, dip when rough."""
    made: list[StoredModel] = []
    day = span.start + timedelta(days=10)
    while day <= span.end - timedelta(days=3):
        lift = 3.2 * span.progress(day) - (1 if span.is_rough(day) else 0)
        answers = []
        for area in CapitalArea:
            rating = clamp(1.5 + lift + span.rng.uniform(-0.8, 0.8), CAPITAL_LOW, CAPITAL_HIGH)
            better = span.pick(w.CAPITAL_BETTER[area.value]) if span.chance(0.4) else ""
            answers.append(CapitalAnswer(area=area, rating=rating, better=better))
        made.append(
            CapitalCheckin(id=span.uid(), day=day, answers=answers, updated=span.moment(day, 20))
        )
        day += timedelta(weeks=4)
    return made


def make_thoughts(span: DemoSpan) -> list[StoredModel]:
    """A few goes at the thought tool, spread over the span, on rough days where there are some."""
    days = [d for d in span.days() if span.is_rough(d)] or span.days()
    made: list[StoredModel] = []
    for n, (caught, checked, changed) in enumerate(w.THOUGHTS):
        day = days[(n + 1) * len(days) // (len(w.THOUGHTS) + 1)]
        when = span.moment(day, 21)
        made.append(
            ThoughtCheck(
                id=span.uid(),
                caught=caught,
                checked=checked,
                changed=changed,
                created=when,
                updated=when,
            )
        )
    return made


# Feature generators, in order (later ones may read what earlier ones made). Each returns the
# models to store; all land in one atomic write.
GENERATORS: list[Callable[[DemoSpan], list[StoredModel]]] = [
    make_people,
    make_plan,
    make_goals,
    make_days,
    make_reviews,
    make_skills,
    make_resources,
    make_capital,
    make_thoughts,
]


def build_demo(
    root: DataRoot, years: int = 1, seed: int = 1, today: date | None = None
) -> ProfileCard:
    """Create (or replace) the demo profile covering ``years`` up to ``today``."""
    end = today or clock.today()
    span = DemoSpan(end - timedelta(days=365 * years), end, random.Random(seed), seed)
    for card in root.cards():
        if card.display_name == DEMO_NAME:
            root.delete(card)  # takes its lock first: an open demo is never pulled away
    profile, settings = make_profile(span)
    card = root.create(profile, settings)
    repo = root.open(card)
    try:
        fill(repo, span)
    finally:
        repo.close()
    return card


def generate(span: DemoSpan) -> list[StoredModel]:
    """Every model of the demo, in memory (nothing stored)."""
    for make in GENERATORS:
        span.made.extend(make(span.fork(make.__name__)))
    return span.made


def fill(repo: Repository, span: DemoSpan) -> None:
    """Store the whole demo in one atomic write."""
    made = generate(span)
    with repo.transaction():
        for obj in made:
            if isinstance(obj, Singleton):
                repo.put(obj)
        repo.add_many([obj for obj in made if isinstance(obj, Record)])
