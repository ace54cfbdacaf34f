"""Every stored thing, as a validated pydantic model: the one place to read the schema.

Each model that is stored names its TinyDB table in ``TABLE``. ``Record`` models live many to a
table and carry their own ``id`` (screens never see a TinyDB document id); ``Singleton`` models
live one to a table. Text a person types uses the ``ShortText``/``LongText``/``Name`` types, so
the same limits and the same kind refusals apply everywhere.

Sections are grouped by feature. Add a feature's models under its own heading.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 5000
NAME_MAX = 60


def new_id() -> str:
    """A random, opaque id for a stored record."""
    return uuid.uuid4().hex


def now() -> datetime:
    """The current local time, with its UTC offset."""
    return datetime.now().astimezone()


def _savable(value: str) -> str:
    """Refuse text that cannot be written as UTF-8 (lone surrogates), kindly."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(
            "this text has a character that cannot be saved; please retype it"
        ) from None
    return value


def _named(value: str) -> str:
    value = _savable(value).strip()
    if not value:
        raise ValueError("please write at least one letter or number")
    return value


ShortText = Annotated[str, AfterValidator(_savable), Field(max_length=SHORT_TEXT_MAX)]
"""A line of text: a title, a contact, a place. Stored exactly as typed."""

LongText = Annotated[str, AfterValidator(_savable), Field(max_length=LONG_TEXT_MAX)]
"""A free answer or note, up to 5,000 characters. Stored exactly as typed."""

Name = Annotated[str, Field(max_length=NAME_MAX), AfterValidator(_named)]
"""A name or nickname: trimmed, never empty."""

Title = Annotated[str, Field(max_length=SHORT_TEXT_MAX), AfterValidator(_named)]
"""A title that must say something: trimmed, never empty."""


class StoredModel(BaseModel):
    """Base of every stored model: strict about unknown fields, validated on assignment."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_attribute_docstrings=True
    )

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

    display_name: Name
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
    display_name: Name
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
        return ".".join(word[0].upper() for word in self.display_name.split() if word) + "."


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

    kind: str = Field(pattern=r"^(plan|skill)$")
    """``plan`` for a change-plan item, ``skill`` for a daily-life skill."""
    ref: str = Field(min_length=1, max_length=120)
    """The id of the plan item or skill it came from."""
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


# --- Weekly review (issue 5) ---------------------------------------------------------------
#
# (models for this feature go below this line)


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
    """What was happening: where, who, what set it off."""
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


# --- Daily-life skills (issue 7) -----------------------------------------------------------
#
# (models for this feature go below this line)


# --- Resources and the plan for hard moments (issue 8) -------------------------------------
#
# (models for this feature go below this line)
