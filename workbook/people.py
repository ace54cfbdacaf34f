"""My people: the person's support network, and what to ask of each of them.

The change plan's "who can help" picks from here too (it uses :func:`people` and
:func:`add_person`). Names are trimmed and never empty; how to reach someone is free text
(phone numbers are written differently everywhere), trimmed.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from workbook.errors import InvalidInput
from workbook.models import Person, PersonRole, Plan
from workbook.storage import Repository

ROLE_ORDER: tuple[PersonRole, ...] = tuple(PersonRole)

EDITABLE = ("name", "role", "contact", "good_times", "ask")
_TRIMMED = ("contact", "good_times")


def people(repo: Repository) -> list[Person]:
    """Everyone in the person's network, in the order they were added."""
    return repo.all(Person)


def find(repo: Repository, person_id: str) -> Person | None:
    return repo.find(Person, person_id)


def add_person(
    repo: Repository,
    name: str,
    role: PersonRole | str = PersonRole.OTHER,
    contact: str = "",
    good_times: str = "",
    ask: str = "",
) -> Person:
    """Add someone; return them as saved. A bad value is refused kindly and nothing is saved."""
    person = _build(
        {"name": name, "role": role, "contact": contact, "good_times": good_times, "ask": ask}
    )
    repo.save(person)
    return person


def update_person(repo: Repository, person_id: str, **changes: Any) -> Person:
    """Change some of a person's details; return them as saved."""
    current = repo.find(Person, person_id)
    if current is None:
        raise InvalidInput("That person is no longer in your list.")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidInput(f"Cannot change {', '.join(sorted(unknown))}.")
    data = current.model_dump()
    data.update(changes)
    person = _build(data)
    with repo.transaction():
        repo.save(person)
        if person.name != current.name:
            _rename_in_plan(repo, person)
    return person


def _rename_in_plan(repo: Repository, person: Person) -> None:
    """One person, one record: the change plan's "who can help" follows a rename."""
    plan = repo.get(Plan)
    if plan is None or not any(h.person_id == person.id for h in plan.helpers):
        return
    plan.helpers = [
        h.model_copy(update={"name": person.name}) if h.person_id == person.id else h
        for h in plan.helpers
    ]
    repo.put(plan)


def remove_person(repo: Repository, person_id: str) -> bool:
    """Take someone out of the list; return whether they were there."""
    return repo.remove(Person, person_id)


def reach_line(person: Person) -> str:
    """How to reach someone, in one line: "Jo (coach): 07700 900123, evenings"."""
    line = f"{person.name} ({person.role.value})"
    details = ", ".join(part for part in (person.contact, person.good_times) if part)
    return f"{line}: {details}" if details else line


def _build(data: dict[str, Any]) -> Person:
    for key in _TRIMMED:
        if isinstance(data.get(key), str):
            data[key] = data[key].strip()
    try:
        return Person.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(friendly(exc)) from None


FIELD_WORDS = {
    "name": "The name",
    "title": "The name",
    "role": "The role",
    "category": "The kind of help",
    "contact": "How to reach them",
    "good_times": "Good times",
    "ask": "What you'd like them to do",
    "phone": "The phone number",
    "address": "The address",
    "website": "The website",
    "hours": "The hours",
    "notes": "The notes",
}


def friendly(exc: ValidationError) -> str:
    """The first problem of a validation error, as a kind sentence a person can act on."""
    err = exc.errors()[0]
    loc = err.get("loc", ())
    field = str(loc[0]) if loc else ""
    what = FIELD_WORDS.get(field, "This")
    kind = err.get("type", "")
    if kind in ("string_too_long", "too_long"):
        limit = (err.get("ctx") or {}).get("max_length", "")
        return f"{what} is too long; please keep it under {limit} characters."
    if kind == "enum":
        return f"{what} is not one of the choices."
    if field == "name" and kind in ("value_error", "missing"):
        return "Please give a name: at least one letter or number."
    msg = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
    return f"{what}: {msg}."
