"""The plan for hard moments: written on a good day, for a hard one.

In the spirit of SAMHSA's public-domain guide "Action Planning for Prevention and Recovery",
in our own words. The plan is one :class:`HardMomentsPlan`; its sections, prompts and examples
are content (``content/en/hard_plan.toml``). Every answer is saved the moment it changes.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from workbook.content import DEFAULT_LOCALE, ContentModel, read_toml
from workbook.errors import InvalidInput
from workbook.models import HardMomentsPlan, now
from workbook.storage import Repository

ANSWER_FIELDS: tuple[str, ...] = tuple(
    name for name in HardMomentsPlan.model_fields if name != "updated"
)


class Prompt(ContentModel):
    """One question of a section, with the field of the plan it fills."""

    field: str
    """The :class:`HardMomentsPlan` field the answer is saved in."""
    label: str = Field(min_length=1)
    """The question, in the person's voice ("What am I like when I'm well?")."""
    example: str = Field(min_length=1)
    """A short example answer."""
    hint: str = ""
    """An optional nudge shown under the example."""
    short: str = ""
    """A short lead-in for the one-page summary; none when the section has one prompt."""

    @model_validator(mode="after")
    def _known_field(self) -> Prompt:
        if self.field not in ANSWER_FIELDS:
            raise ValueError(f"unknown plan field {self.field!r}")
        return self


class Section(ContentModel):
    """One screen of the guided plan."""

    key: str = Field(min_length=1)
    title: str = Field(min_length=1)
    intro: str = Field(min_length=1)
    prompt: list[Prompt] = Field(min_length=1)
    safety: list[Literal["tolerance", "withdrawal"]] = Field(default_factory=list)
    """Safety facts (``safety.toml``) shown under the intro, by name."""


class PlanContent(ContentModel):
    """Everything in ``hard_plan.toml``."""

    intro: str
    section: list[Section] = Field(min_length=1)

    @model_validator(mode="after")
    def _each_field_once(self) -> PlanContent:
        fields = [p.field for s in self.section for p in s.prompt]
        if sorted(fields) != sorted(ANSWER_FIELDS):
            raise ValueError("every plan field must be asked exactly once")
        return self


@functools.cache
def content(locale: str = DEFAULT_LOCALE) -> PlanContent:
    """The sections of the plan, validated."""
    return PlanContent.model_validate(read_toml("hard_plan.toml", locale))


def load(repo: Repository) -> HardMomentsPlan:
    """The person's plan, or an empty one if they have not started it."""
    return repo.get(HardMomentsPlan) or HardMomentsPlan()


def save_answer(
    repo: Repository, field: str, text: str, when: datetime | None = None
) -> HardMomentsPlan:
    """Save one answer exactly as typed; return the plan as saved.

    Refuses (kindly, saving nothing) text that is too long or cannot be stored.
    """
    if field not in ANSWER_FIELDS:
        raise InvalidInput(f"There is no part of the plan called {field!r}.")
    plan = load(repo)
    if getattr(plan, field) == text:
        return plan
    data = plan.model_dump()
    data[field] = text
    data["updated"] = when or now()
    try:
        changed = HardMomentsPlan.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(_why(exc)) from None
    repo.put(changed)
    return changed


def _why(exc: ValidationError) -> str:
    err = exc.errors()[0]
    if err.get("type") in ("string_too_long", "too_long"):
        return "That answer is very long; please keep it under 5,000 characters."
    return str(err.get("msg", "That text cannot be saved.")).removeprefix("Value error, ")


def is_empty(plan: HardMomentsPlan) -> bool:
    """True when nothing has been written yet."""
    return not any(getattr(plan, f).strip() for f in ANSWER_FIELDS)


def section_done(plan: HardMomentsPlan, section: Section) -> bool:
    """True when every prompt of ``section`` has an answer."""
    return all(getattr(plan, p.field).strip() for p in section.prompt)


def sections_written(plan: HardMomentsPlan) -> int:
    """How many sections have at least one answer."""
    return sum(
        1 for s in content().section if any(getattr(plan, p.field).strip() for p in s.prompt)
    )


NEXT_STEPS: tuple[tuple[str, str], ...] = (
    ("warning_signs", "When I notice"),
    ("warning_plan", "I will"),
    ("triggers", "My triggers"),
    ("triggers_plan", "When one comes up, I will"),
    ("worse_plan", "If things get worse, I will"),
    ("worse_call", "I will call"),
    ("keep_safe", "Out of reach"),
    ("crisis_helps", "What helps me"),
)
"""What the hard-moment screen shows from the plan, in order, with a short lead-in each."""


def next_steps(plan: HardMomentsPlan) -> list[tuple[str, str]]:
    """The person's own next steps for a hard moment: (lead-in, their words), answered only."""
    return [(lead, getattr(plan, f).strip()) for f, lead in NEXT_STEPS if getattr(plan, f).strip()]
