"""Every stored thing, as a validated pydantic model: the one place to read the schema.

Each model that is stored names its TinyDB table in ``TABLE``. ``Record`` models live many to a
table and carry their own ``id`` (screens never see a TinyDB document id); ``Singleton`` models
live one to a table. Text a person types uses the ``ShortText``/``LongText``/``Name`` types, so
the same limits and the same kind refusals apply everywhere.

Sections are grouped by feature. Add a feature's models under its own heading.
"""

from __future__ import annotations

import unicodedata
import uuid
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from workbook import clock
from workbook.terminal import is_control

SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 5000
NAME_MAX = 60


def new_id() -> str:
    """A random, opaque id for a stored record."""
    return uuid.uuid4().hex


def now() -> datetime:
    """The current local time, with its UTC offset."""
    return clock.now()


def _savable(value: Any) -> Any:
    """Refuse text that cannot be written as UTF-8 (lone surrogates), kindly.

    Runs before pydantic's own string check, whose message for this case is not one to show.
    """
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(
                "this text has a character that cannot be saved; please retype it"
            ) from None
    return value


def _named(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("please write at least one letter or number")
    return value


ShortText = Annotated[str, BeforeValidator(_savable), Field(max_length=SHORT_TEXT_MAX)]
"""A line of text: a title, a contact, a place. Stored exactly as typed."""

LongText = Annotated[str, BeforeValidator(_savable), Field(max_length=LONG_TEXT_MAX)]
"""A free answer or note, up to 5,000 characters. Stored exactly as typed."""

Name = Annotated[str, BeforeValidator(_savable), Field(max_length=NAME_MAX), AfterValidator(_named)]
"""A name or nickname: trimmed, never empty."""


def _no_controls(value: str) -> str:
    if any(is_control(ch) or ch in "\t\n" for ch in value):
        raise ValueError(
            "a name cannot hold control characters (like ESC, a bell, a tab or a line break); "
            "please retype it"
        )
    return value


ZWJ = "\u200d"
"""The zero-width joiner, kept in a name: it joins emoji (a family, a flag) into one picture."""


def name_form(value: str) -> str:
    """A workbook's name as stored: invisible format characters (a zero-width space, a soft
    hyphen) removed, except the joiner emoji need, and trimmed."""
    return "".join(ch for ch in value if ch == ZWJ or unicodedata.category(ch) != "Cf").strip()


def name_key(value: str) -> str:
    """What two names are compared by: "Ｓａｍ", "sam" and "Sam" plus a zero-width space are one
    name (NFKC, no invisible characters, single spaces, any case), so no look-alike twin of a
    workbook can sit beside it on the picker."""
    folded = unicodedata.normalize("NFKC", value)
    seen = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return " ".join(seen.split()).casefold()


def _plain_name(value: str) -> str:
    name = name_form(value)
    if not any(unicodedata.category(ch)[0] in "LN" for ch in name_key(name)):
        raise ValueError("please write at least one letter or number")
    return name


ProfileName = Annotated[Name, AfterValidator(_no_controls), AfterValidator(_plain_name)]
"""The name a workbook goes by, printed by ``workbook profiles list`` on a shared computer:
also free of control characters, so it can never act on the next person's terminal."""

Title = Annotated[
    str, BeforeValidator(_savable), Field(max_length=SHORT_TEXT_MAX), AfterValidator(_named)
]
"""A title that must say something: trimmed, never empty."""


class StoredModel(BaseModel):
    """Base of every stored model: strict about unknown fields, validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, defer_build=True)

    TABLE: ClassVar[str] = ""
    registry: ClassVar[dict[str, type[StoredModel]]] = {}

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        table = cls.__dict__.get("TABLE")
        if table:
            if table in StoredModel.registry and StoredModel.registry[table] is not cls:
                raise TypeError(f"table {table!r} is claimed twice")
            StoredModel.registry[table] = cls


class Record(StoredModel):
    """A stored thing of which there are many (goals, check-ins, people...)."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    """Our own opaque id; never a storage document id."""


class Singleton(StoredModel):
    """A stored thing of which there is one per workbook (the profile, the settings...)."""


# --- Foundation: the person and their settings -------------------------------------------


class WorkingOn(StrEnum):
    """What a person is working on; any number may apply."""

    ALCOHOL = "alcohol"
    OTHER_DRUGS = "other drugs"
    CODEPENDENCY = "codependency"
    GAMBLING = "gambling"
    OTHER = "other"


class Pathway(StrEnum):
    """The pathway a person has chosen. Every pathway is welcome."""

    STOP = "stop completely"
    CUT_BACK = "cut back"
    REDUCE_HARM = "reduce harm"
    NOT_SURE = "not sure yet"


class Profile(Singleton):
    """Who this workbook belongs to and what they are working on."""

    TABLE: ClassVar[str] = "profile"

    display_name: ProfileName
    """The name or nickname the person wants to be called."""
    working_on: list[WorkingOn] = Field(default_factory=list)
    """What they are working on (several may apply, or none yet)."""
    working_on_words: ShortText = ""
    """Their own words for what they are working on, used in place of ours where given."""
    pathway: Pathway = Pathway.NOT_SURE
    """The pathway they chose: stop completely, cut back, reduce harm, or not sure yet."""
    recovery_start: date | None = None
    """An optional date their current stretch began; never required."""
    show_day_counter: bool = False
    """Whether Home shows days since ``recovery_start``. Off unless they turn it on."""
    created: datetime = Field(default_factory=now)
    """When the workbook was started."""


class ProfileCard(StoredModel):
    """What the profile picker may show without opening (or decrypting) a workbook.

    Kept in ``profile.json`` beside the workbook file, so it holds nothing but the label.
    """

    id: str = Field(pattern=r"^p-[0-9a-f]{8,32}$")
    """The profile folder's name: random, so it says nothing about the person."""
    display_name: ProfileName
    """The name or nickname shown in the picker."""
    show_initials: bool = False
    """Show only initials in the picker, for more privacy on a shared machine."""
    encrypted: bool = False
    """Whether the workbook is locked with a passphrase."""
    created: datetime = Field(default_factory=now)
    """When the profile was made."""

    @property
    def label(self) -> str:
        """What the picker shows: the name, or initials when the person asked for that."""
        if not self.show_initials:
            return self.display_name
        # Split on dots too, so initials give themselves back ("S.J." stays "S.J."): a protected
        # workbook's card stores only its initials (see storage/cards.py).
        words = [w for w in self.display_name.replace(".", " ").split() if w]
        return ".".join(word[0].upper() for word in words) + "."


class Country(StrEnum):
    """Which country's crisis and support lines to show."""

    US = "US"
    UK = "UK"
    CA = "CA"
    AU = "AU"
    OTHER = "other"


class Settings(Singleton):
    """How the person likes the workbook to behave. Changes save at once."""

    TABLE: ClassVar[str] = "settings"

    country: Country = Country.OTHER
    """Whose crisis and support lines to show first on the hard-moment screen."""
    theme: str = Field(default="side-by-side", max_length=60)
    """The colour theme's name (ours, a high-contrast one, or a built-in Textual theme)."""
    week_starts_on: int = Field(default=0, ge=0, le=6)
    """The first day of the review week: 0 is Monday ... 6 is Sunday."""
    idle_lock_minutes: int | None = Field(default=None, ge=1, le=240)
    """Minutes without a key press before the workbook locks; None uses the default."""
    last_report: date | None = None
    """The day the last coach report was made, so the next can start "since we last met"."""


# --- Goals (issue 5) -- shared with the plan, skills and reviews ----------------------------


class LifeArea(StrEnum):
    """The parts of life a goal, a change or a skill can belong to."""

    RECOVERY = "recovery"
    HEALTH = "health"
    HOME = "home"
    MONEY = "money"
    WORK = "work and learning"
    RELATIONSHIPS = "relationships"
    COMMUNITY = "community"
    PURPOSE = "fun and purpose"
    SKILLS = "daily-life skills"
    LEGAL = "legal"


class Horizon(StrEnum):
    """Short-term goals are days to weeks; long-term ones are months to years."""

    SHORT = "short-term"
    LONG = "long-term"


class GoalStatus(StrEnum):
    """Where a goal stands. Letting a goal go is allowed and never a failure."""

    ACTIVE = "active"
    PAUSED = "paused"
    DONE = "done"
    LET_GO = "let go"


class GoalStep(StoredModel):
    """One step of a goal's checklist."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    """The step's own id, so a review can point at it."""
    text: Title
    """What the step is."""
    due: date | None = None
    """An optional date for the step."""
    done_on: date | None = None
    """The day it was ticked, or None while it is still to do."""


class GoalSource(StoredModel):
    """Where a goal came from, so it can point back (a change-plan item, a skill)."""

    kind: str = Field(pattern=r"^(plan|skill|capital)$")
    """``plan`` for a change-plan item, ``skill`` for a daily-life skill, ``capital`` for an area
    of the life check-in."""
    ref: str = Field(min_length=1, max_length=120)
    """The id of the plan item or skill, or the life check-in area, it came from."""
    label: ShortText = ""
    """A short reminder of the source, shown beside the goal."""


class Goal(Record):
    """A short- or long-term goal the person set, with its steps."""

    TABLE: ClassVar[str] = "goals"

    title: Title
    """The goal in the person's own words."""
    horizon: Horizon = Horizon.SHORT
    """Short-term (days to weeks) or long-term (months to years)."""
    area: LifeArea = LifeArea.RECOVERY
    """The part of life it belongs to."""
    why: LongText = ""
    """Why it matters to me."""
    done_when: LongText = ""
    """How I will know I have done it."""
    target_date: date | None = None
    """An optional date to aim for."""
    steps: list[GoalStep] = Field(default_factory=list)
    """The checklist of steps, in order."""
    if_situation: ShortText = ""
    """The "if" half of an if-then plan ("If it is 6 p.m. and I feel the pull...")."""
    then_action: ShortText = ""
    """The "then" half ("...then I call Sam")."""
    status: GoalStatus = GoalStatus.ACTIVE
    """Active, paused, done, or let go."""
    status_note: LongText = ""
    """An optional note when pausing, finishing or letting go (what was learned)."""
    serves: str | None = None
    """For a short-term goal: the id of the long-term goal it serves."""
    source: GoalSource | None = None
    """The plan item or skill the goal came from, if any."""
    created: datetime = Field(default_factory=now)
    """When the goal was set."""
    status_changed: date | None = None
    """The day the status last changed."""


# --- My people (issue 8) -- shared with the change plan ------------------------------------


class PersonRole(StrEnum):
    """How someone in the person's support network is related to them."""

    COACH = "coach"
    SPONSOR = "sponsor"
    PEER = "peer"
    FRIEND = "friend"
    FAMILY = "family"
    COUNSELLOR = "counsellor"
    DOCTOR = "doctor"
    OTHER = "other"


class Person(Record):
    """Someone in the person's support network."""

    TABLE: ClassVar[str] = "people"

    name: Name
    """Their name, as the person wants to see it."""
    role: PersonRole = PersonRole.OTHER
    """Coach, sponsor, peer, friend, family, counsellor, doctor or other."""
    contact: ShortText = ""
    """How to reach them (phone, email, where to find them). Free text, trimmed."""
    good_times: ShortText = ""
    """Good times to reach them."""
    ask: LongText = ""
    """What I'd like you to do when I reach out."""
    created: datetime = Field(default_factory=now)
    """When they were added."""


# --- Change plan (issue 4) -----------------------------------------------------------------
#
# (models for this feature go below this line)


Rating = Annotated[int, Field(ge=0, le=10)]
"""A whole number from 0 to 10 (importance, confidence)."""

PLAN_STEP_COUNT = 8
"""How many steps the change-plan walk has."""


class PlanChange(StoredModel):
    """One change I want to make (step 1), tagged with a part of life."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    """A stable id, so a goal made from this change can point back at it."""
    text: LongText = ""
    """The change, in the person's own words."""
    area: LifeArea | None = None
    """The part of life it belongs to, once chosen."""


class PlanPoint(StoredModel):
    """One item of a simple list: a reason for changing (step 4) or a sign it works (step 7)."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    """A stable id, so a goal made from this item can point back at it."""
    text: LongText = ""
    """The item, in the person's own words."""


class PlanStep(StoredModel):
    """One step I will take (step 5), with an optional "by when"."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    """A stable id, so a goal made from this step can point back at it."""
    text: LongText = ""
    """What I will do."""
    by_when: date | None = None
    """An optional date to do it by."""


class PlanHelper(StoredModel):
    """Someone who can help (step 6), and what they will do."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    """A stable id, so a goal made from this item can point back at it."""
    person_id: str | None = Field(default=None, max_length=64)
    """The id of the matching person in My people, when there is one."""
    name: ShortText = ""
    """Their name as shown in the plan (kept even if they leave My people)."""
    what: LongText = ""
    """What they will do to help."""


class PlanObstacle(StoredModel):
    """Something that might get in the way (step 8), with an if-then answer."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    """A stable id, so a goal made from this item can point back at it."""
    text: LongText = ""
    """If this happens..."""
    then: LongText = ""
    """...then I will do this."""


class PlanAnswers(StoredModel):
    """The answers of the eight steps: what a revision keeps a copy of."""

    changes: list[PlanChange] = Field(default_factory=list)
    """Step 1: the change(s) I want to make. The only step needed to finish."""
    importance: Rating | None = None
    """Step 2: how important the change is to me, 0 to 10 (None until picked)."""
    importance_why: LongText = ""
    """Why this number and not a lower one?"""
    importance_up: LongText = ""
    """What would move it up one point?"""
    confidence: Rating | None = None
    """Step 3: how confident I am that I can make it, 0 to 10 (None until picked)."""
    confidence_why: LongText = ""
    """Why this number and not a lower one?"""
    confidence_up: LongText = ""
    """What would move it up one point?"""
    reasons: list[PlanPoint] = Field(default_factory=list)
    """Step 4: my most important reasons for changing."""
    steps: list[PlanStep] = Field(default_factory=list)
    """Step 5: the steps I will take."""
    helpers: list[PlanHelper] = Field(default_factory=list)
    """Step 6: who can help me, and how."""
    signs: list[PlanPoint] = Field(default_factory=list)
    """Step 7: how I will know my plan is working."""
    obstacles: list[PlanObstacle] = Field(default_factory=list)
    """Step 8: what might get in the way, and what I will do then."""


class Plan(PlanAnswers, Singleton):
    """My change plan: the answers, where I am in the walk, and when it was finished."""

    TABLE: ClassVar[str] = "plan"

    current_step: int = Field(default=1, ge=1, le=PLAN_STEP_COUNT)
    """The step the walk is on, so leaving and coming back resumes there."""
    finished: date | None = None
    """The day the walk was first finished; None while the plan is still being built."""
    reviewed: date | None = None
    """The day the plan was last finished again or marked reviewed."""


class RevisionKind(StrEnum):
    """Why a revision of the plan was kept."""

    FINISHED = "finished"
    REVIEWED = "reviewed"


class PlanRevision(Record):
    """A dated, read-only copy of the plan, kept each time it is finished or reviewed."""

    TABLE: ClassVar[str] = "plan_revisions"

    taken: datetime = Field(default_factory=now)
    """When the copy was kept (ordering; two revisions may share a day)."""
    day: date
    """The day it was kept, as the person would name it."""
    kind: RevisionKind = RevisionKind.FINISHED
    """Kept on finishing the walk, or on marking the plan reviewed."""
    answers: PlanAnswers
    """The plan as it was then."""


class Weighing(Singleton):
    """Weighing it up: four boxes about the habit and about changing."""

    TABLE: ClassVar[str] = "weighing"

    habit_gives: LongText = ""
    """What I get from the habit."""
    habit_costs: LongText = ""
    """What the habit costs me."""
    change_gives: LongText = ""
    """What I would gain by changing."""
    change_costs: LongText = ""
    """What changing would cost me."""


TOP_VALUES = 5
"""How many values make the top list."""


class Values(Singleton):
    """What matters most: values picked or written, a top five, and where the habit sits."""

    TABLE: ClassVar[str] = "values"

    chosen: list[ShortText] = Field(default_factory=list)
    """Every value picked from the list or written in the person's own words."""
    top: list[ShortText] = Field(default_factory=list, max_length=TOP_VALUES)
    """The top five (or fewer), most important first."""
    habit_place: int | None = Field(default=None, ge=1, le=TOP_VALUES + 1)
    """Where the habit honestly sits among the top values: 1 is above them all, 6 below them all."""
    notice: LongText = ""
    """What I notice, seeing the habit placed among what matters most."""


# --- Weekly review (issue 5) ---------------------------------------------------------------
#
# (models for this feature go below this line)


RATING_WORDS: tuple[str, ...] = ("didn't get to it", "made a start", "partly", "mostly", "fully")
"""The words for each point of the weekly 0-4 rating, in order."""


class ReviewedWith(StrEnum):
    """Who sat beside the person for a weekly review."""

    ALONE = "on my own"
    COACH = "with my coach"
    PEER = "with a peer"
    GROUP = "in a group"


class ReviewState(StrEnum):
    """Where a weekly review stands.

    ``set aside`` records that the person chose not to look back at a missed week, so the offer
    is made once and never piles up.
    """

    IN_PROGRESS = "in progress"
    DONE = "done"
    SET_ASIDE = "set aside"


class GoalReview(StoredModel):
    """How one goal went in one week."""

    goal_id: str = Field(min_length=1, max_length=64)
    """The id of the goal reviewed (the goal may since have been deleted)."""
    goal_title: ShortText = ""
    """The goal's title when it was reviewed, so the review stays readable if the goal goes."""
    rating: int | None = Field(default=None, ge=0, le=4)
    """How well it was carried out this week, 0 (didn't get to it) to 4 (fully)."""
    helped: LongText = ""
    """What helped."""
    got_in_way: LongText = ""
    """What got in the way."""
    next_step: LongText = ""
    """The next step."""
    adjustments: list[ShortText] = Field(default_factory=list)
    """Quick changes made to the goal during the review, in plain words."""


class Review(Record):
    """One week's review: each active goal, then the week as a whole. Dated and kept."""

    TABLE: ClassVar[str] = "reviews"

    week_start: date
    """The first day of the week reviewed."""
    week_end: date
    """The last day of the week reviewed."""
    state: ReviewState = ReviewState.IN_PROGRESS
    """In progress, done, or set aside (a missed week the person chose not to look back at)."""
    goals: list[GoalReview] = Field(default_factory=list)
    """One entry per goal that was active when the review began, in order."""
    wins: LongText = ""
    """The week's wins, big or small."""
    hard_moments: LongText = ""
    """The week's hard moments."""
    difference: int | None = Field(default=None, ge=0, le=10)
    """"Is what you are doing making a real difference in your life?" from 0 to 10."""
    focus: ShortText = ""
    """One focus for next week."""
    reviewed_with: ReviewedWith | None = None
    """Who reviewed with me: on my own, with my coach, with a peer, or in a group."""
    at_step: int = Field(default=0, ge=0)
    """The page the person was on, so leaving and coming back resumes there."""
    started: datetime = Field(default_factory=now)
    """When the review was begun."""
    finished_on: date | None = None
    """The day it was finished."""


# --- Check-ins, setbacks and urges (issue 6) -----------------------------------------------
#
# (models for this feature go below this line)


class UseAnswer(StrEnum):
    """The answer to "did you use or act on it today?", worded on screen for the pathway.

    "within my limit" and "over my limit" are the answers for the "cut back" pathway.
    """

    NO = "no"
    YES = "yes"
    WITHIN_LIMIT = "within my limit"
    OVER_LIMIT = "over my limit"
    PREFER_NOT = "prefer not to say"

    @property
    def is_setback(self) -> bool:
        """Whether this answer records a return to use (or going over a chosen limit)."""
        return self in (UseAnswer.YES, UseAnswer.OVER_LIMIT)


class Halt(StrEnum):
    """HALT: four states that make a hard moment harder."""

    HUNGRY = "hungry"
    ANGRY = "angry or upset"
    LONELY = "lonely"
    TIRED = "tired"


class Checkin(Record):
    """One day's check-in. There is at most one per local date; a second one edits the first."""

    TABLE: ClassVar[str] = "checkins"

    on: date
    """The local date this check-in is about (never in the future)."""
    mood: int | None = Field(default=None, ge=1, le=5)
    """Mood from 1 (very low) to 5 (very good), or None if skipped."""
    craving: int | None = Field(default=None, ge=0, le=10)
    """How strong the craving or pull was, 0 (none) to 10 (strongest), or None if skipped."""
    used: UseAnswer | None = None
    """Whether they used or acted on the habit that day (or how it went against their limit)."""
    halt: list[Halt] = Field(default_factory=list)
    """Which of hungry, angry or upset, lonely, tired applied."""
    sleep_hours: float | None = Field(default=None, ge=0, le=24)
    """Hours slept the night before, if they want to note it."""
    win: ShortText = ""
    """One win, or one thing they are grateful for."""
    note: LongText = ""
    """A free note."""
    filled_in_on: date | None = None
    """The day a missed day was filled in later; None when filled in on the day itself."""
    created: datetime = Field(default_factory=now)
    """When the check-in was first saved."""
    updated: datetime = Field(default_factory=now)
    """When it was last changed."""


class CheckinDay(BaseModel):
    """What Home shows of a stored check-in: its day, mood, craving and the "used" answer.

    Not stored itself: read from a stored :class:`Checkin` by ``Repository.glance``, its other
    fields (the notes, the times) left unread. Home counts stretches over every check-in; on
    ten years, validating 3,000 whole check-ins (twice) was about a tenth of start-up.
    """

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)

    on: date
    """The local date the check-in is about."""
    mood: int | None = Field(default=None, ge=1, le=5)
    """Mood from 1 to 5, or None if skipped."""
    craving: int | None = Field(default=None, ge=0, le=10)
    """Craving from 0 to 10, or None if skipped."""
    used: UseAnswer | None = None
    """Whether they used that day (or how it went against their limit)."""


class Setback(Record):
    """A return to use, with a short reflection. Information, never a failure."""

    TABLE: ClassVar[str] = "setbacks"

    on: date
    """The local date of the return to use."""
    going_on: LongText = ""
    """What was going on at the time."""
    halt: list[Halt] = Field(default_factory=list)
    """Which of hungry, angry or upset, lonely, tired applied."""
    helped_before: LongText = ""
    """What has helped before."""
    next_step: ShortText = ""
    """One next step."""
    created: datetime = Field(default_factory=now)
    """When it was written down."""


class TriggerKind(StrEnum):
    """A short kind of trigger, chosen with one key, so urges with the same kind add up.

    The person's own words stay in ``Urge.trigger``; the kind only groups them. The words shown
    for each kind (and its key) are in ``content/<locale>/urges.toml``.
    """

    PERSON = "person"
    PLACE = "place"
    FEELING = "feeling"
    TIME = "time of day"
    MONEY = "money"
    TIRED_HUNGRY = "tired or hungry"
    BORED = "bored"
    CELEBRATION = "celebration"
    SENSES = "seeing or smelling it"
    OTHER = "something else"


class Urge(Record):
    """An urge, noted when it came or afterwards. Urges rise, peak and pass like a wave."""

    TABLE: ClassVar[str] = "urges"

    on: date
    """The local date of the urge."""
    at: time | None = None
    """The local clock time it came, if known (used for the times-of-day pattern)."""
    strength: int = Field(ge=0, le=10)
    """How strong it was at its peak, 0 to 10."""
    minutes: int | None = Field(default=None, ge=0, le=1440)
    """About how many minutes it lasted, if known."""
    trigger: ShortText = ""
    """What was happening: where, who, what set it off (their own words)."""
    kind: TriggerKind | None = None
    """The kind of trigger, if they chose one (schema 12); urges are counted by it."""
    thoughts: LongText = ""
    """Thoughts and feelings that came with it."""
    did: LongText = ""
    """What they did."""
    passed: bool | None = None
    """Whether it passed (None when they did not say)."""
    strength_after: int | None = Field(default=None, ge=0, le=10)
    """How strong it was after riding it out with the guide, if they used it."""
    created: datetime = Field(default_factory=now)
    """When it was noted."""


class UrgeGlance(BaseModel):
    """What Home's urges card reads of a stored :class:`Urge`: when, how strong, the trigger.

    Not stored itself: read by ``Repository.glance`` (as :class:`CheckinDay` is), the notes
    left unread; validating hundreds of whole urges to count them was ~5 ms of start-up.
    """

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)

    on: date
    at: time | None = None
    strength: int = Field(ge=0, le=10)
    trigger: str = ""
    kind: TriggerKind | None = None
    passed: bool | None = None


# --- Daily-life skills (issue 7) -----------------------------------------------------------
#
# (models for this feature go below this line)


class SkillLevel(StrEnum):
    """How sure a person feels about a skill. They set it themselves; it only ever describes."""

    NOT_YET = "not yet"
    LEARNING = "learning"
    PRACTISING = "practising"
    CONFIDENT = "confident"


class PracticeEntry(StoredModel):
    """One time the person practised a skill, in their own words."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    """The entry's own id, so it can be removed on its own."""
    day: date
    """The day they practised."""
    note: LongText
    """What they did and how it went. Stored exactly as typed."""


class LevelChange(StoredModel):
    """A change of level: a small history of how a skill has grown (or been reset)."""

    day: date
    """The day the level was changed."""
    from_level: SkillLevel
    """The level before."""
    to_level: SkillLevel
    """The level after."""
    at: datetime = Field(default_factory=now)
    """When exactly, so changes made on one day keep their order."""


class SkillProgress(Record):
    """The person's progress with one skill. Its ``id`` is the skill's id (catalogue or own).

    Only skills the person has touched have a record; every other skill is "not yet".
    """

    TABLE: ClassVar[str] = "skill_progress"

    level: SkillLevel = SkillLevel.NOT_YET
    """Where the person feels they are with this skill."""
    ticked: dict[str, date] = Field(default_factory=dict)
    """The steps ticked, by step key, with the day each was ticked."""
    practice: list[PracticeEntry] = Field(default_factory=list)
    """The practice log, oldest first."""
    history: list[LevelChange] = Field(default_factory=list)
    """Every change of level, oldest first."""


class OwnStep(StoredModel):
    """One step of a skill the person added themselves."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)
    """The step's own id; ticks point at it."""
    text: Title
    """What the step is, in the person's words."""


def new_own_skill_id() -> str:
    """An id for a person's own skill, never equal to a catalogue skill's id."""
    return f"own-{new_id()}"


class OwnSkill(Record):
    """A skill the person added themselves, with their own steps."""

    TABLE: ClassVar[str] = "own_skills"

    id: str = Field(default_factory=new_own_skill_id, min_length=1, max_length=64)
    """Our own opaque id, starting ``own-`` so it never meets a catalogue skill's id."""
    title: Title
    """The skill, in the person's words ("Iron a shirt", "Read a payslip")."""
    why: LongText = ""
    """Why it matters to them (optional)."""
    steps: list[OwnStep] = Field(default_factory=list)
    """Their steps, in order."""
    created: datetime = Field(default_factory=now)
    """When it was added."""


# --- Resources and the plan for hard moments (issue 8) -------------------------------------
#
# (models for this feature go below this line)


class ResourceCategory(StrEnum):
    """The kinds of help in the resource directory (from the project's source), plus "other"."""

    HARM_REDUCTION = "harm reduction"
    DETOX = "detox"
    TREATMENT = "treatment"
    FAMILY = "family support and education"
    LOCAL_GROUPS = "local support groups"
    ONLINE_GROUPS = "online support groups"
    CRISIS = "crisis lines"
    OTHER = "other help"


def _trimmed(value: str) -> str:
    return value.strip()


Trimmed = Annotated[
    str, BeforeValidator(_savable), Field(max_length=SHORT_TEXT_MAX), AfterValidator(_trimmed)
]
"""A line of free text with the spaces around it trimmed (a phone number, a website)."""


class Resource(Record):
    """A place or service the person added to their own list of resources."""

    TABLE: ClassVar[str] = "resources"

    name: Title
    """What it is called ("Tuesday night meeting", "Dr Okafor's clinic")."""
    category: ResourceCategory = ResourceCategory.OTHER
    """Which kind of help it is."""
    phone: Trimmed = ""
    """A phone number, in whatever format it is written where they live."""
    address: ShortText = ""
    """Where it is."""
    website: Trimmed = ""
    """A website, kept as text to copy (never opened or fetched)."""
    hours: ShortText = ""
    """When it is open, or when the meeting is."""
    notes: LongText = ""
    """Anything else worth remembering."""
    created: datetime = Field(default_factory=now)
    """When it was added."""


class HardMomentsPlan(Singleton):
    """The person's plan for hard moments, written on a good day for a hard one."""

    TABLE: ClassVar[str] = "hard_moments"

    well: LongText = ""
    """What I'm like when I'm well."""
    daily: LongText = ""
    """What I do every day to stay well."""
    triggers: LongText = ""
    """Things that can set off a hard time."""
    triggers_plan: LongText = ""
    """What I'll do when a trigger comes up."""
    warning_signs: LongText = ""
    """Early warning signs that I am starting to struggle."""
    warning_plan: LongText = ""
    """What I'll do when I notice them."""
    worse_signs: LongText = ""
    """How I know things are getting worse."""
    worse_plan: LongText = ""
    """Stronger steps I'll take then."""
    worse_call: LongText = ""
    """Who I'll call when things are getting worse."""
    crisis_signs: LongText = ""
    """How others can tell I am in a crisis."""
    crisis_who: LongText = ""
    """Who I want to help in a crisis."""
    crisis_ask: LongText = ""
    """What I want them to do."""
    crisis_helps: LongText = ""
    """What helps me in a crisis."""
    keep_safe: LongText = ""
    """What I will put out of reach, or hand to someone, when things get hard (schema 7)."""
    medicines: LongText = ""
    """Who holds my medicines, and where they are kept (schema 7)."""
    crisis_not_helpful: LongText = ""
    """What does not help, or makes it worse."""
    after: LongText = ""
    """Getting back to everyday life after a crisis."""
    updated: datetime | None = None
    """When the plan was last changed."""


DraftText = Annotated[str, BeforeValidator(_savable), Field(max_length=100_000)]
"""A field's text in a draft: as typed, with room to spare (a draft must never be refused)."""


class Draft(Record):
    """Typing in a form that saves with Ctrl+S, kept when the person was interrupted."""

    TABLE: ClassVar[str] = "drafts"

    key: str = Field(min_length=1, max_length=200)
    """Which form it belongs to, e.g. ``checkin:2026-11-27`` or ``goal:new``."""
    fields: dict[Annotated[str, Field(max_length=100)], DraftText] = Field(max_length=200)
    """Each field's text, by the field's id on the form."""
    saved: datetime
    """When it was kept."""


# --- My limits / my safer-use plan (issue 18) -------------------------------------------------


class LimitUnit(StrEnum):
    """What a limit counts, in the person's own terms."""

    DRINKS = "drinks"
    STANDARD_DRINKS = "standard drinks"
    MONEY = "money"
    HOURS = "hours"
    TIMES = "times"


class LimitPeriod(StrEnum):
    """How often a limit resets."""

    DAY = "a day"
    WEEK = "a week"


class SaferRule(StrEnum):
    """A safer-use rule a person can choose to keep (CONTENT_GUIDE.md, "Safer use")."""

    NOT_ALONE = "not alone"
    START_LOW = "start low, go slow"
    NO_MIXING = "no mixing depressants"
    TEST_FIRST = "test first"
    CARRY_NALOXONE = "carry naloxone"


class SaferPlan(Singleton):
    """My limits and my safer-use plan: for cutting back, reducing harm, or anyone who wants one.

    The check-in's "against the limit you set" and "did you keep to your safer plan?" are asked
    against this.
    """

    TABLE: ClassVar[str] = "safer_plan"

    limit_amount: float | None = Field(default=None, gt=0, le=100_000)
    """How much at most (None: no number set)."""
    limit_unit: LimitUnit = LimitUnit.DRINKS
    """What the limit counts: drinks, standard drinks, money, hours or times."""
    limit_period: LimitPeriod = LimitPeriod.DAY
    """Per day or per week."""
    days_off: int | None = Field(default=None, ge=0, le=7)
    """Days each week with none at all (None: not set)."""
    rules: list[SaferRule] = Field(default_factory=list)
    """The safer-use rules chosen, in the order of :class:`SaferRule`."""
    own_rules: LongText = ""
    """The person's own rules, in their words."""
    updated: datetime | None = None
    """When the plan was last changed."""


# --- Life check-in: recovery capital across ten areas (issue 19) -----------------------------


class CapitalArea(StrEnum):
    """The ten areas of life the life check-in asks about (CONTENT_GUIDE.md, recovery capital)."""

    USE = "substance use"
    MIND = "mental wellbeing"
    BODY = "physical health"
    COMMUNITY = "community"
    SUPPORT = "social support"
    ACTIVITY = "meaningful activity"
    HOME = "housing and safety"
    RESPONSIBILITY = "responsibility"
    COPING = "coping with services and daily life"
    PROGRESS = "sense of progress"


CAPITAL_LOW = 1
CAPITAL_HIGH = 5


class CapitalAnswer(StoredModel):
    """How one area of life feels now, and what would make it one step better."""

    area: CapitalArea
    """Which area of life."""
    rating: int | None = Field(default=None, ge=CAPITAL_LOW, le=CAPITAL_HIGH)
    """How it feels now, 1 (very hard) to 5 (going well); None while not chosen."""
    better: ShortText = ""
    """What would make it one step better, in the person's words."""


class CapitalCheckin(Record):
    """One life check-in: the ten areas as they felt on one day (one check-in per day).

    Our own short self-rating, offered every four weeks; not a validated instrument, never a
    score to pass.
    """

    TABLE: ClassVar[str] = "capital_checkins"

    day: date
    """The day it was made."""
    answers: list[CapitalAnswer] = Field(default_factory=list, max_length=len(CapitalArea))
    """One answer per area that was touched, in the order of :class:`CapitalArea`."""
    updated: datetime = Field(default_factory=now)
    """When it was last changed."""

    @model_validator(mode="after")
    def _one_answer_an_area(self) -> CapitalCheckin:
        areas = [a.area for a in self.answers]
        if len(set(areas)) != len(areas):
            raise ValueError("each area of life is answered once in a check-in")
        return self

    def answer(self, area: CapitalArea) -> CapitalAnswer | None:
        """This check-in's answer for ``area``, if it has one."""
        return next((a for a in self.answers if a.area == area), None)


# --- Catch the thought, check it, change it (issue 19) ----------------------------------------


class ThoughtCheck(Record):
    """One go at the thought tool: the urge voice caught, checked, and changed."""

    TABLE: ClassVar[str] = "thought_checks"

    caught: LongText = ""
    """Catch it: what the thought said, word for word."""
    checked: LongText = ""
    """Check it: is it true, all of it? What would I say to a friend?"""
    changed: LongText = ""
    """Change it: a thought that is truer and more helpful."""
    created: datetime = Field(default_factory=now)
    """When it was started."""
    updated: datetime = Field(default_factory=now)
    """When it was last changed."""
