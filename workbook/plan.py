"""The change plan: its words, saving answer by answer, finishing, revisions and their diff.

The plan is one :class:`~workbook.models.Plan` singleton. Screens change it one field at a time
through :func:`set_answers`, so every keystroke is saved and a half-built plan survives any
crash. Finishing the walk (or marking the plan reviewed) keeps a dated :class:`PlanRevision`;
:func:`diff_answers` says what was added and removed between two revisions, section by section.
Every list item has a stable ``id`` so a goal made from it (:func:`make_goal`) can point back.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import Field, ValidationError

from workbook.content import ContentModel, read_toml
from workbook.errors import InvalidInput
from workbook.models import (
    LONG_TEXT_MAX,
    PLAN_STEP_COUNT,
    SHORT_TEXT_MAX,
    TOP_VALUES,
    Goal,
    GoalSource,
    Horizon,
    LifeArea,
    Person,
    Plan,
    PlanAnswers,
    PlanChange,
    PlanHelper,
    PlanObstacle,
    PlanPoint,
    PlanRevision,
    PlanStep,
    RevisionKind,
    Values,
    Weighing,
)
from workbook.storage import Repository

# --- The words (content/en/plan.toml) ----------------------------------------------------


class StepText(ContentModel):
    """The words of one step of the walk."""

    key: str
    """Which part of the plan the step fills (``changes``, ``importance``...)."""
    title: str = Field(min_length=1)
    """The step's title."""
    why: str = Field(min_length=1)
    """Why it matters, in a sentence."""
    prompt: str = Field(min_length=1)
    """The question the step asks."""
    examples: list[str] = Field(min_length=1, max_length=2)
    """One or two short, varied examples."""
    hint: str = Field(min_length=1)
    """How to fill it in."""
    why_lower: str = ""
    """For the rulers: the "why this number and not a lower one?" question."""
    move_up: str = ""
    """For the rulers: the "what would move it up one point?" question."""


class WeighingText(ContentModel):
    """The words of Weighing it up."""

    title: str
    intro: str
    habit_gives: str
    habit_costs: str
    change_gives: str
    change_costs: str
    example: str


class ValuesText(ContentModel):
    """The words of What matters most, and the value words offered to pick from."""

    title: str
    intro: str
    pick: str
    own: str
    top: str
    place: str
    place_words: list[str] = Field(min_length=TOP_VALUES + 1, max_length=TOP_VALUES + 1)
    notice: str
    words: list[str] = Field(min_length=5)


class PlanWords(ContentModel):
    """Everything in ``plan.toml``."""

    intro: str
    step: list[StepText] = Field(min_length=PLAN_STEP_COUNT, max_length=PLAN_STEP_COUNT)
    weighing: WeighingText
    values: ValuesText


STEP_KEYS = (
    "changes",
    "importance",
    "confidence",
    "reasons",
    "steps",
    "helpers",
    "signs",
    "obstacles",
)
"""The eight steps, in the order the walk asks them."""


@functools.cache
def words() -> PlanWords:
    """The plan's words, validated (and checked to be in the walk's order)."""
    loaded = PlanWords.model_validate(read_toml("plan.toml"))
    if tuple(s.key for s in loaded.step) != STEP_KEYS:
        raise ValueError("plan.toml must list the eight steps in the walk's order")
    return loaded


def step_text(number: int) -> StepText:
    """The words of step ``number`` (1 to 8)."""
    return words().step[number - 1]


# --- Reading and saving -------------------------------------------------------------------


def load_plan(repo: Repository) -> Plan:
    """The plan as saved, or an empty one (also for a workbook made before plans existed)."""
    return repo.get(Plan) or Plan()


def _kind_message(exc: ValidationError) -> str:
    """A plain sentence for what was wrong with an answer."""
    for error in exc.errors():
        kind = error["type"]
        if kind in ("string_too_long", "too_long"):
            limit = error.get("ctx", {}).get("max_length", LONG_TEXT_MAX)
            return f"That is as much as this box can hold ({limit:,} characters)."
        if kind in ("greater_than_equal", "less_than_equal", "int_parsing", "int_type"):
            return "Please pick a whole number from 0 to 10."
        if kind.startswith("date"):
            return "Please write the date like 2026-12-01, or leave it empty."
        if kind == "value_error":
            return str(error.get("ctx", {}).get("error", error["msg"]))
    return "That answer could not be saved as it is; please check it."


def set_answers(repo: Repository, **changes: Any) -> Plan:
    """Change some of the plan's fields and save at once; return the saved plan.

    Raises :class:`InvalidInput` (nothing saved) when an answer is out of range or too long.
    """
    plan = load_plan(repo)
    data = plan.model_dump()
    for name, value in changes.items():
        if name not in Plan.model_fields:
            raise KeyError(name)
        data[name] = value.model_dump() if hasattr(value, "model_dump") else _dumped(value)
    try:
        updated = Plan.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(_kind_message(exc)) from None
    repo.put(updated)
    return updated


def _dumped(value: Any) -> Any:
    if isinstance(value, list):
        return [v.model_dump() if hasattr(v, "model_dump") else v for v in value]
    return value


def go_to_step(repo: Repository, number: int) -> Plan:
    """Remember the step the walk is on, so coming back resumes there."""
    number = max(1, min(PLAN_STEP_COUNT, number))
    plan = load_plan(repo)
    if plan.current_step == number and repo.get(Plan) is not None:
        return plan
    return set_answers(repo, current_step=number)


# --- What a plan says, section by section ---------------------------------------------------


def _date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def section_lines(answers: PlanAnswers, key: str) -> list[str]:
    """What section ``key`` says, one line per item; empty when the step is "not yet"."""
    if key == "changes":
        return [
            f"{c.text.strip()} ({c.area.value})" if c.area else c.text.strip()
            for c in answers.changes
            if c.text.strip()
        ]
    if key in ("importance", "confidence"):
        return _rating_lines(answers, key)
    if key in ("reasons", "signs"):
        points: list[PlanPoint] = getattr(answers, key)
        return [p.text.strip() for p in points if p.text.strip()]
    if key == "steps":
        return [
            s.text.strip() + (f" (by {_date(s.by_when)})" if s.by_when else "")
            for s in answers.steps
            if s.text.strip()
        ]
    if key == "helpers":
        return [
            f"{h.name.strip()}: {h.what.strip()}" if h.what.strip() else h.name.strip()
            for h in answers.helpers
            if h.name.strip() or h.what.strip()
        ]
    if key == "obstacles":
        return [_if_then(o) for o in answers.obstacles if o.text.strip()]
    raise KeyError(key)


def _without(text: str, *starts: str) -> str:
    """``text`` without a leading word the sentence already supplies ("if", "then I will")."""
    text = text.strip()
    for start in starts:
        if text.casefold().startswith(start):
            return text[len(start) :].lstrip()
    return text


def _if_then(obstacle: PlanObstacle) -> str:
    situation = _without(obstacle.text, "if ").rstrip(",")
    then = _without(obstacle.then, "then i will ", "then i'll ", "then ", "i will ")
    return f"If {situation}, then I will {then}" if then else f"If {situation}"


def _rating_lines(answers: PlanAnswers, key: str) -> list[str]:
    value: int | None = getattr(answers, key)
    why: str = getattr(answers, f"{key}_why").strip()
    up: str = getattr(answers, f"{key}_up").strip()
    lines = [] if value is None else [f"{value} out of 10"]
    if why:
        lines.append(f"Not lower because: {why}")
    if up:
        lines.append(f"Up one point if: {up}")
    return lines


def is_answered(answers: PlanAnswers, number: int) -> bool:
    """Whether step ``number`` has anything in it yet."""
    return bool(section_lines(answers, STEP_KEYS[number - 1]))


STEP_ONE_NEEDED = (
    "Step 1 is the one step a plan needs. Write the change you want to make, "
    "and then you can finish. Everything else you wrote is kept."
)


def can_finish(answers: PlanAnswers) -> bool:
    """Only step 1 is needed to finish: at least one change written down."""
    return is_answered(answers, 1)


# --- Finishing, reviewing and revisions ---------------------------------------------------


def _snapshot(plan: Plan) -> PlanAnswers:
    return PlanAnswers.model_validate(plan.model_dump(include=set(PlanAnswers.model_fields)))


def _keep_revision(repo: Repository, today: date, kind: RevisionKind) -> PlanRevision:
    plan = load_plan(repo)
    if not can_finish(plan):
        raise InvalidInput(STEP_ONE_NEEDED)
    revision = PlanRevision(day=today, kind=kind, answers=_snapshot(plan))
    plan.finished = plan.finished or today
    plan.reviewed = today
    with repo.transaction():
        repo.put(plan)
        repo.save(revision)
    return revision


def finish(repo: Repository, today: date) -> PlanRevision:
    """Finish the walk: mark the plan finished and keep a dated revision.

    Raises :class:`InvalidInput` (nothing changed, nothing lost) when step 1 is empty.
    """
    return _keep_revision(repo, today, RevisionKind.FINISHED)


def mark_reviewed(repo: Repository, today: date) -> PlanRevision:
    """Note that the plan was looked over today, keeping a dated revision."""
    return _keep_revision(repo, today, RevisionKind.REVIEWED)


def revisions(repo: Repository) -> list[PlanRevision]:
    """Every kept revision, oldest first."""
    return sorted(repo.all(PlanRevision), key=lambda r: r.taken)


def previous_revision(repo: Repository, revision: PlanRevision) -> PlanRevision | None:
    """The revision kept just before ``revision``, if any.

    By the order they were kept, not by comparing clock times: two revisions can share a time
    (a clock that is coarse, set back, or pinned in a test).
    """
    kept = revisions(repo)
    at = next((i for i, r in enumerate(kept) if r.id == revision.id), None)
    return kept[at - 1] if at else None


@dataclass(frozen=True)
class SectionDiff:
    """What changed in one section between two revisions."""

    key: str
    title: str
    added: list[str]
    removed: list[str]


def diff_answers(old: PlanAnswers | None, new: PlanAnswers) -> list[SectionDiff]:
    """Items added and removed in each section (an edited item shows as removed, then added).

    Only sections that changed are listed; with no ``old``, everything counts as added.
    """
    before = old or PlanAnswers()
    out: list[SectionDiff] = []
    for number, key in enumerate(STEP_KEYS, start=1):
        then, now_ = Counter(section_lines(before, key)), Counter(section_lines(new, key))
        added = list((now_ - then).elements())
        removed = list((then - now_).elements())
        if added or removed:
            out.append(SectionDiff(key, step_text(number).title, added, removed))
    return out


# --- Making a goal from a plan item -------------------------------------------------------


@dataclass(frozen=True)
class PlanItem:
    """One item of the plan that a goal can be made from."""

    id: str
    key: str
    text: str
    area: LifeArea | None = None
    due: date | None = None
    if_part: str = ""
    then_part: str = ""


def plan_items(answers: PlanAnswers) -> list[PlanItem]:
    """Every written item of the list steps, in plan order, with its stable id."""
    items: list[PlanItem] = [
        PlanItem(c.id, "changes", c.text.strip(), area=c.area)
        for c in answers.changes
        if c.text.strip()
    ]
    items += [PlanItem(p.id, "reasons", p.text.strip()) for p in answers.reasons if p.text.strip()]
    items += [
        PlanItem(s.id, "steps", s.text.strip(), due=s.by_when)
        for s in answers.steps
        if s.text.strip()
    ]
    items += [_helper_item(h) for h in answers.helpers if h.name.strip() or h.what.strip()]
    items += [PlanItem(p.id, "signs", p.text.strip()) for p in answers.signs if p.text.strip()]
    items += [
        PlanItem(o.id, "obstacles", o.then.strip() or o.text.strip(), None, None, o.text, o.then)
        for o in answers.obstacles
        if o.text.strip()
    ]
    return items


def _helper_item(helper: PlanHelper) -> PlanItem:
    what = helper.what.strip()
    text = f"Ask {helper.name.strip()}: {what}" if helper.name.strip() else what
    return PlanItem(helper.id, "helpers", text)


def _short(text: str, limit: int = SHORT_TEXT_MAX) -> str:
    """The first line of ``text``, cut to ``limit`` characters with an ellipsis."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def goal_from_item(repo: Repository, item_id: str) -> Goal | None:
    """The goal already made from this plan item, if there is one."""
    made = repo.all(Goal, where=lambda g: g.source is not None and g.source.ref == item_id)
    return made[0] if made else None


def make_goal(repo: Repository, item_id: str) -> Goal:
    """Make a short-term goal from a plan item (or return the one already made from it).

    The goal's area is the change's part of life where known, and its ``source`` points back at
    the item's stable id.
    """
    existing = goal_from_item(repo, item_id)
    if existing is not None:
        return existing
    plan = load_plan(repo)
    item = next((i for i in plan_items(plan) if i.id == item_id), None)
    if item is None or not _short(item.text):
        raise InvalidInput("That item is empty now, so there is nothing to make a goal from.")
    number = STEP_KEYS.index(item.key) + 1
    goal = Goal(
        title=_short(item.text),
        horizon=Horizon.SHORT,
        area=item.area or _plan_area(plan) or LifeArea.RECOVERY,
        target_date=item.due,
        if_situation=_short(item.if_part),
        then_action=_short(item.then_part),
        source=GoalSource(kind="plan", ref=item.id, label=_short(step_text(number).title)),
    )
    repo.save(goal)
    return goal


def _plan_area(plan: PlanAnswers) -> LifeArea | None:
    """The part of life of the plan's first change that has one."""
    return next((c.area for c in plan.changes if c.area is not None), None)


# --- People who can help ------------------------------------------------------------------


def people(repo: Repository) -> list[Person]:
    """Everyone in My people, in the order they were added."""
    return repo.all(Person)


def person_for(repo: Repository, name: str, ask: str = "") -> Person:
    """The person in My people with this name (any case), or a new one saved now.

    A new person keeps what the plan says they will do as what to ask of them.
    """
    wanted = name.strip().casefold()
    for person in repo.all(Person):
        if person.name.casefold() == wanted:
            return person
    try:
        person = Person(name=name, ask=ask.strip())
    except ValidationError as exc:
        raise InvalidInput(_kind_message(exc)) from None
    repo.save(person)
    return person


def new_helper(repo: Repository, name: str, what: str = "") -> PlanHelper:
    """A helper for step 6, linked to (or added to) My people by name."""
    person = person_for(repo, name, ask=what)
    return PlanHelper(person_id=person.id, name=person.name, what=what)


# --- New items (validated, so screens get kind messages) ----------------------------------


def new_item(key: str, **fields: Any) -> Any:
    """A new list item for step ``key`` (``changes``, ``reasons``, ``steps``...)."""
    model: Any = {
        "changes": PlanChange,
        "reasons": PlanPoint,
        "signs": PlanPoint,
        "steps": PlanStep,
        "helpers": PlanHelper,
        "obstacles": PlanObstacle,
    }[key]
    try:
        return model(**fields)
    except ValidationError as exc:
        raise InvalidInput(_kind_message(exc)) from None


# --- The companion exercises --------------------------------------------------------------


def load_weighing(repo: Repository) -> Weighing:
    """Weighing it up, as saved (or empty)."""
    return repo.get(Weighing) or Weighing()


def save_weighing(repo: Repository, **boxes: str) -> Weighing:
    """Change some of the four boxes and save at once."""
    try:
        weighing = Weighing.model_validate({**load_weighing(repo).model_dump(), **boxes})
    except ValidationError as exc:
        raise InvalidInput(_kind_message(exc)) from None
    repo.put(weighing)
    return weighing


def load_values(repo: Repository) -> Values:
    """What matters most, as saved (or empty)."""
    return repo.get(Values) or Values()


def save_values(repo: Repository, **fields: Any) -> Values:
    """Change some of What matters most and save at once.

    The top list keeps only chosen values, at most five, without repeats.
    """
    data = {**load_values(repo).model_dump(), **fields}
    chosen: list[str] = list(dict.fromkeys(data["chosen"]))
    data["chosen"] = chosen
    data["top"] = [v for v in dict.fromkeys(data["top"]) if v in chosen][:TOP_VALUES]
    try:
        values = Values.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(_kind_message(exc)) from None
    repo.put(values)
    return values
