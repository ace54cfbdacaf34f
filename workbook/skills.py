"""Daily-life skills: the catalogue, the person's own skills, and their progress with each.

The catalogue (``content/<locale>/skills.toml``) is shipped, read-only guidance. The person's
side lives in two tables: ``skill_progress`` (one record per skill they have touched, whose id
is the skill's id) and ``own_skills`` (skills they added, with their own steps). A skill with no
progress record is simply "not yet". Levels are set by the person and never worked out for them.

Steps are ticked by *key*: for a catalogue step, a short hash of its words (so editing a step's
wording un-ticks it rather than leaving a tick beside a step the person never did); for an own
step, its id.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from pydantic import Field, ValidationError, model_validator

from workbook.content import DEFAULT_LOCALE, ContentModel, read_text, read_toml
from workbook.errors import InvalidInput
from workbook.models import (
    LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
    Goal,
    GoalSource,
    GoalStatus,
    GoalStep,
    Horizon,
    LevelChange,
    LifeArea,
    OwnSkill,
    OwnStep,
    PracticeEntry,
    SkillLevel,
    SkillProgress,
)
from workbook.storage import Repository

MIN_SKILLS = 20
OWN_GROUP_ID = "own"
OWN_GROUP_TITLE = "My own skills"
LEGAL_SKILLS = frozenset({"keep-legal-appointments"})
"""Goals made from these skills go in the "legal" life area; the rest in daily-life skills."""
LEVELS: tuple[SkillLevel, ...] = tuple(SkillLevel)

_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)+$"
T = TypeVar("T")


# --- The catalogue (shipped content) ---------------------------------------------------------


class SkillGroup(ContentModel):
    """A group of skills (Money, Time, Home...)."""

    id: str = Field(pattern=r"^[a-z]+$")
    """A short, stable id the skills point at."""
    title: str = Field(min_length=1, max_length=60)
    """The group's name as shown."""


class Snag(ContentModel):
    """Something that often gets in the way, and what to do about it."""

    snag: str = Field(min_length=1)
    """The snag, in the person's voice ("I missed an appointment.")."""
    what_to_do: str = Field(min_length=1)
    """What to try."""


class CatalogueSkill(ContentModel):
    """One skill's guide, as written in ``skills.toml``."""

    id: str = Field(pattern=_SLUG, max_length=64)
    """Stable id (words joined by hyphens); progress is stored under it, so never change it."""
    group: str
    """The id of the group it belongs to."""
    title: str = Field(min_length=1, max_length=SHORT_TEXT_MAX)
    """The skill, as a short action ("Open a bank account")."""
    why: str = Field(min_length=1, max_length=400)
    """Why it matters in recovery: one or two lines."""
    need: list[str] = Field(min_length=1)
    """What you need."""
    steps: list[str] = Field(min_length=3)
    """The steps, in order, as a checklist."""
    snag: list[Snag] = Field(min_length=1)
    """Common snags and what to do."""
    practise: list[str] = Field(min_length=2, max_length=3)
    """Two or three "practise this week" ideas."""

    @model_validator(mode="after")
    def _steps_fit(self) -> CatalogueSkill:
        for text in [*self.need, *self.steps, *self.practise]:
            if not text.strip() or len(text) > SHORT_TEXT_MAX:
                raise ValueError(f"{self.id}: a line is empty or longer than {SHORT_TEXT_MAX}")
        if len(set(self.steps)) != len(self.steps):
            raise ValueError(f"{self.id}: two steps have the same words")
        return self


class Catalogue(ContentModel):
    """Everything in ``skills.toml``: the groups, and the skills in them."""

    group: list[SkillGroup] = Field(min_length=1)
    skill: list[CatalogueSkill] = Field(min_length=MIN_SKILLS)

    @model_validator(mode="after")
    def _consistent(self) -> Catalogue:
        group_ids = [g.id for g in self.group]
        if len(set(group_ids)) != len(group_ids) or OWN_GROUP_ID in group_ids:
            raise ValueError("group ids must be unique (and not 'own')")
        ids = Counter(s.id for s in self.skill)
        twice = sorted(i for i, n in ids.items() if n > 1)
        if twice:
            raise ValueError(f"skill ids used twice: {', '.join(twice)}")
        for s in self.skill:
            if s.group not in group_ids:
                raise ValueError(f"{s.id}: unknown group {s.group!r}")
        empty = [g for g in group_ids if not any(s.group == g for s in self.skill)]
        if empty:
            raise ValueError(f"groups with no skills: {', '.join(empty)}")
        return self


@functools.cache
def catalogue(locale: str = DEFAULT_LOCALE) -> Catalogue:
    """The shipped skills, validated (read once)."""
    return Catalogue.model_validate(read_toml("skills.toml", locale))


SKILL_HEAD = re.compile(
    r'^\[\[skill\]\]\nid = "([a-z0-9-]+)"\ngroup = "[a-z]+"\ntitle = "([^"\\\n]+)"$', re.MULTILINE
)
"""A skill's first lines as ``skills.toml`` writes them: its id, group and title."""


@functools.cache
def catalogue_titles(locale: str = DEFAULT_LOCALE) -> dict[str, str]:
    """Each shipped skill's title by its id, in catalogue order, read once.

    Home's skills card needs only these (to count skills by level and name the last change),
    so they are read from each skill's first three lines instead of parsing and validating
    the whole 65 KB catalogue (~6 ms of TOML and a validator built, at start-up). A file laid
    out otherwise (a skill written another way) is read whole, so the answer is always the
    catalogue's (and a test holds the two equal for every shipped locale).
    """
    text = read_text("skills.toml", locale)
    found = SKILL_HEAD.findall(text)
    if len(found) != len(re.findall(r"^\[\[skill\]\]", text, re.MULTILINE)):
        return {s.id: s.title for s in catalogue(locale).skill}
    return dict(found)


# --- One view of a skill, from the catalogue or the person's own ------------------------------


@dataclass(frozen=True)
class Step:
    """A step of a skill's checklist."""

    key: str
    """What a tick is stored under."""
    text: str


@dataclass(frozen=True)
class Skill:
    """A skill as screens show it, whether it came from the catalogue or from the person."""

    id: str
    group_id: str
    group_title: str
    title: str
    why: str
    steps: tuple[Step, ...]
    need: tuple[str, ...] = ()
    snags: tuple[Snag, ...] = ()
    practise: tuple[str, ...] = ()
    own: bool = False


def step_key(text: str) -> str:
    """The key a catalogue step's tick is stored under: a short hash of its words."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _from_catalogue(item: CatalogueSkill, group_title: str) -> Skill:
    return Skill(
        id=item.id,
        group_id=item.group,
        group_title=group_title,
        title=item.title,
        why=item.why,
        steps=tuple(Step(step_key(t), t) for t in item.steps),
        need=tuple(item.need),
        snags=tuple(item.snag),
        practise=tuple(item.practise),
    )


def _from_own(item: OwnSkill) -> Skill:
    return Skill(
        id=item.id,
        group_id=OWN_GROUP_ID,
        group_title=OWN_GROUP_TITLE,
        title=item.title,
        why=item.why,
        steps=tuple(Step(s.id, s.text) for s in item.steps),
        own=True,
    )


def catalogue_skills(locale: str = DEFAULT_LOCALE) -> list[Skill]:
    """Every shipped skill, in catalogue order."""
    cat = catalogue(locale)
    titles = {g.id: g.title for g in cat.group}
    return [_from_catalogue(s, titles[s.group]) for s in cat.skill]


def all_skills(repo: Repository) -> list[Skill]:
    """The catalogue's skills, then the person's own, in the order they added them."""
    return catalogue_skills() + [_from_own(o) for o in repo.all(OwnSkill)]


def groups(repo: Repository) -> list[tuple[str, list[Skill]]]:
    """Skills by group, in catalogue order; "My own skills" last, when there are any."""
    by_group: dict[str, list[Skill]] = {}
    titles: dict[str, str] = {g.id: g.title for g in catalogue().group}
    for skill in all_skills(repo):
        by_group.setdefault(skill.group_id, []).append(skill)
        titles.setdefault(skill.group_id, skill.group_title)
    return [(titles[gid], skills) for gid, skills in by_group.items()]


def get_skill(repo: Repository, skill_id: str) -> Skill:
    """One skill by id; :class:`InvalidInput` if there is none (an own skill may be removed)."""
    for skill in catalogue_skills():
        if skill.id == skill_id:
            return skill
    own = repo.find(OwnSkill, skill_id)
    if own is None:
        raise InvalidInput("That skill is not in this workbook any more.")
    return _from_own(own)


# --- Progress -------------------------------------------------------------------------------


def progress(repo: Repository, skill_id: str) -> SkillProgress:
    """The person's progress with a skill; a fresh "not yet" record if they never touched it."""
    return repo.find(SkillProgress, skill_id) or SkillProgress(id=skill_id)


def all_progress(repo: Repository) -> dict[str, SkillProgress]:
    """Every stored progress record, by skill id."""
    return {p.id: p for p in repo.all(SkillProgress)}


def level_of(repo: Repository, skill_id: str) -> SkillLevel:
    return progress(repo, skill_id).level


def set_level(repo: Repository, skill_id: str, level: SkillLevel, today: date) -> SkillProgress:
    """Set the person's level; a change (not a repeat) is added to the skill's history."""
    get_skill(repo, skill_id)
    record = progress(repo, skill_id)
    if record.level == level:
        return record
    change = LevelChange(day=today, from_level=record.level, to_level=level)
    record = record.model_copy(update={"level": level, "history": [*record.history, change]})
    repo.save(record)
    return record


def tick_step(repo: Repository, skill_id: str, key: str, done: bool, today: date) -> SkillProgress:
    """Tick (or untick) one step of a skill's checklist and save it at once."""
    skill = get_skill(repo, skill_id)
    if key not in {s.key for s in skill.steps}:
        raise InvalidInput("That step is not part of this skill any more.")
    record = progress(repo, skill_id)
    ticked = dict(record.ticked)
    if done:
        ticked.setdefault(key, today)
    else:
        ticked.pop(key, None)
    record = record.model_copy(update={"ticked": ticked})
    repo.save(record)
    return record


def ticked_keys(skill: Skill, record: SkillProgress) -> set[str]:
    """The keys of this skill's steps that are ticked now (old ticks of changed steps ignored)."""
    return {s.key for s in skill.steps if s.key in record.ticked}


def add_practice(repo: Repository, skill_id: str, note: str, today: date) -> PracticeEntry:
    """Add a line to the skill's practice log: what the person did, in their words."""
    get_skill(repo, skill_id)
    if not note.strip():
        raise InvalidInput("Write a few words about what you did, then add it.")
    if len(note) > LONG_TEXT_MAX:
        raise InvalidInput(
            f"That note is {len(note):,} characters; the most a note can hold is "
            f"{LONG_TEXT_MAX:,}. Could you make it a little shorter?"
        )
    entry = _validated(lambda: PracticeEntry(day=today, note=note))
    record = progress(repo, skill_id)
    repo.save(record.model_copy(update={"practice": [*record.practice, entry]}))
    return entry


def remove_practice(repo: Repository, skill_id: str, entry_id: str) -> bool:
    """Remove one practice note; return whether it was there."""
    record = progress(repo, skill_id)
    kept = [e for e in record.practice if e.id != entry_id]
    if len(kept) == len(record.practice):
        return False
    repo.save(record.model_copy(update={"practice": kept}))
    return True


# --- The person's own skills ----------------------------------------------------------------


def add_own_skill(repo: Repository, title: str, steps: list[str], why: str = "") -> OwnSkill:
    """Add a skill of the person's own. An empty name is refused kindly; blank steps skipped."""
    if not title.strip():
        raise InvalidInput('Give your skill a name first, like "Iron a shirt".')
    if len(title.strip()) > SHORT_TEXT_MAX:
        raise InvalidInput(f"Please keep the name under {SHORT_TEXT_MAX} characters.")
    own_steps = [_own_step(text) for text in steps if text.strip()]
    skill = _validated(lambda: OwnSkill(title=title, why=why, steps=own_steps))
    repo.save(skill)
    return skill


def update_own_skill(
    repo: Repository, skill_id: str, title: str, steps: list[str], why: str = ""
) -> OwnSkill:
    """Change an own skill's name, why and steps. Steps whose words did not change keep ticks."""
    current = repo.find(OwnSkill, skill_id)
    if current is None:
        raise InvalidInput("That skill is not in this workbook any more.")
    if not title.strip():
        raise InvalidInput('Give your skill a name first, like "Iron a shirt".')
    if len(title.strip()) > SHORT_TEXT_MAX:
        raise InvalidInput(f"Please keep the name under {SHORT_TEXT_MAX} characters.")
    old = {s.text: s for s in current.steps}
    new_steps = [old.get(t.strip()) or _own_step(t) for t in steps if t.strip()]
    updated = _validated(
        lambda: OwnSkill(
            id=current.id, title=title, why=why, steps=new_steps, created=current.created
        )
    )
    repo.save(updated)
    return updated


def remove_own_skill(repo: Repository, skill_id: str) -> None:
    """Remove an own skill and its progress, in one save."""
    with repo.transaction():
        repo.remove(OwnSkill, skill_id)
        repo.remove(SkillProgress, skill_id)


def _own_step(text: str) -> OwnStep:
    if len(text.strip()) > SHORT_TEXT_MAX:
        raise InvalidInput(f"Please keep each step under {SHORT_TEXT_MAX} characters.")
    return _validated(lambda: OwnStep(text=text))


def duplicate_ids(repo: Repository) -> set[str]:
    """Own skills whose name matches another skill's (allowed, but marked so they can tell)."""
    skills = all_skills(repo)
    names = Counter(_fold(s.title) for s in skills)
    return {s.id for s in skills if s.own and names[_fold(s.title)] > 1}


def _fold(title: str) -> str:
    return " ".join(title.split()).casefold()


# --- Summary for the list and for Home ------------------------------------------------------


@dataclass(frozen=True)
class RecentChange:
    """A level change, with the skill it belongs to."""

    skill_id: str
    title: str
    change: LevelChange


def all_titles(repo: Repository) -> dict[str, str]:
    """Every skill's title by its id, as :func:`all_skills` has them (without building them)."""
    return catalogue_titles() | {own.id: own.title for own in repo.all(OwnSkill)}


def level_counts(repo: Repository) -> dict[SkillLevel, int]:
    """How many skills (catalogue and own) are at each level, every level present."""
    saved = all_progress(repo)
    counts = dict.fromkeys(LEVELS, 0)
    for skill_id in [*catalogue_titles(), *(own.id for own in repo.all(OwnSkill))]:
        record = saved.get(skill_id)
        counts[record.level if record else SkillLevel.NOT_YET] += 1
    return counts


def recent_changes(repo: Repository, limit: int = 5) -> list[RecentChange]:
    """The latest level changes across every skill, newest first."""
    titles = all_titles(repo)
    found = [
        RecentChange(record.id, titles[record.id], change)
        for record in repo.all(SkillProgress)
        if record.id in titles
        for change in record.history
    ]
    # Ties (one clock tick, or a clock set back) go to the change recorded later.
    order = {id(item): n for n, item in enumerate(found)}
    found.sort(key=lambda item: (item.change.day, item.change.at, order[id(item)]), reverse=True)
    return found[:limit]


# --- Make a skill a goal --------------------------------------------------------------------


def goal_for(repo: Repository, skill_id: str) -> Goal | None:
    """The active or paused goal made from this skill, if there is one."""
    for goal in repo.all(Goal):
        source = goal.source
        linked = source is not None and source.kind == "skill" and source.ref == skill_id
        if linked and goal.status in (GoalStatus.ACTIVE, GoalStatus.PAUSED):
            return goal
    return None


def make_goal(repo: Repository, skill_id: str, today: date) -> Goal:
    """Turn a skill into a short-term goal, linked back to it: in the legal life area for a
    legal skill (court dates, probation), else in daily-life skills.

    The goal's steps are the skill's steps; steps already ticked come across as done on the day
    they were ticked.
    """
    skill = get_skill(repo, skill_id)
    record = progress(repo, skill_id)
    steps = [GoalStep(text=s.text, done_on=record.ticked.get(s.key)) for s in skill.steps]
    goal = Goal(
        title=skill.title,
        horizon=Horizon.SHORT,
        area=LifeArea.LEGAL if skill.id in LEGAL_SKILLS else LifeArea.SKILLS,
        why=skill.why,
        steps=steps,
        source=GoalSource(kind="skill", ref=skill.id, label=skill.title[:SHORT_TEXT_MAX]),
    )
    repo.save(goal)
    return goal


def _validated(build: Callable[[], T]) -> T:
    """Build a model; turn a validation error into a kind :class:`InvalidInput`."""
    try:
        return build()
    except ValidationError as exc:
        message = exc.errors()[0].get("msg", "this text cannot be saved")
        message = message.removeprefix("Value error, ")
        raise InvalidInput(f"Not saved: {message}.") from None
